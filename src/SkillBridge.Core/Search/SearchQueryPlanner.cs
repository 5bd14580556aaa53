using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SkillBridge.Core.Search;

/// <summary>
/// Turns a parsed query into a Lucene query over one index snapshot. Each content word matches its stem in the
/// weighted text fields (title, tags, summary, body), the word as written in the title and body (so a product name ranks
/// above words sharing its stem) and authors' names; stop and question words are left out unless the query has nothing else.
/// Two neighbouring words that the catalogue writes as one ("linked in") also match the joined word; a word the
/// catalogue lacks that splits into two catalogue words ("screenshare") also matches both. Neighbouring words near
/// each other in a module score extra. Curators' synonyms are alternatives to the word or query they name.
/// </summary>
internal sealed class SearchQueryPlanner(IndexReader reader, Analyzer analyzer, SearchSynonymSet synonyms, SearchPairs pairs)
{
    /// <summary>
    /// Words that never carry what a question is about: English stop words, question words, pronouns, auxiliaries, and words
    /// about learning ("course", "tutorial", "for beginners").
    /// </summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on",
        "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "how", "what", "why", "when", "where", "who", "whom", "which", "whose",
        "do", "does", "did", "doing", "done", "can", "could", "should", "would", "shall", "may", "might", "must",
        "i", "im", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "yourself",
        "he", "him", "his", "she", "her", "hers", "its", "them", "am", "been", "being", "were", "have", "has", "had",
        "get", "gets", "getting", "got", "please", "want", "so", "any", "some", "all", "from", "about",
        "many", "much", "more", "most", "lot", "lots", "very", "really", "just", "also", "too",
        "someone", "somebody", "something", "anyone", "anybody", "anything", "everyone", "everybody", "everything",
        "thing", "things", "way", "ways",
        // "How do I use X": the verb of the question, not its subject.
        "use", "using",
        // Contractions, with the apostrophe and without it as people type them on a phone.
        "don't", "doesn't", "didn't", "can't", "cannot", "won't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't",
        "hadn't", "shouldn't", "couldn't", "wouldn't", "i'm", "i've", "i'd", "i'll", "you're", "you've", "we're", "they're",
        "dont", "doesnt", "didnt", "cant", "wont", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt",
        "shouldnt", "couldnt", "wouldnt", "ive", "youre", "youve", "theyre",
        // Words about learning, not about its subject: "excel course", "linkedin tutorial" and "instagram basics" are
        // about Excel, LinkedIn and Instagram. A level word still prefers modules of its level (LevelWeight).
        "course", "courses", "lesson", "lessons", "tutorial", "tutorials", "training", "module", "modules", "guide", "guides",
        "tip", "tips", "basic", "basics", "learn", "learning", "intro", "introduction", "dummies", "101",
        "beginner", "beginners", "intermediate", "advanced",
    };

    /// <summary>What a level word ("beginners", "advanced") adds for a module of that level, beside the words that must match.</summary>
    private const float LevelWeight = 1.5f;

    private readonly Dictionary<string, int> _docFreqs = new(StringComparer.Ordinal);

    /// <summary>
    /// The query's positive part: every unit (or any), phrases always, excluded words removed; null when nothing is left.
    /// Its proximity part (neighbouring words close together) is kept apart, so the caller can score it on the best
    /// matches only (<see cref="RankedQuery"/>).
    /// </summary>
    public RankedQuery? Build(SearchQuery query, bool allWords)
    {
        var units = Units(query);
        units.AddRange(query.Phrases.Select(Phrase));
        if (units.Count == 0)
        {
            return null;
        }

        var positive = new BooleanQuery();
        foreach (var unit in units)
        {
            positive.Add(unit, allWords ? Occur.MUST : Occur.SHOULD);
        }

        // "excel for beginners": every Excel module, the beginners' ones first. (A query of level words alone matches the
        // level: Units.)
        if (allWords && query.Terms.Any(t => !StopWords.Contains(t)))
        {
            foreach (var level in query.Terms.Select(LevelStem).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                positive.Add(new TermQuery(new Term(SearchFields.LevelWords, level)) { Boost = LevelWeight }, Occur.SHOULD);
            }
        }

        if (!allWords)
        {
            positive.MinimumNumberShouldMatch = 1;
        }

        var whole = string.Join(' ', query.Terms);
        Query result = positive;
        if (query.Terms.Count > 1 && synonyms.MeaningsOf(whole) is { Count: > 0 } meanings)
        {
            var either = new BooleanQuery { { positive, Occur.SHOULD } };
            foreach (var meaning in meanings)
            {
                either.Add(AllWords(meaning), Occur.SHOULD);
            }

            result = either;
        }

        // Words close together rank above words far apart.
        var content = ContentWords(query.Terms);
        var proximity = new BooleanQuery();
        for (var i = 0; i + 1 < content.Count; i++)
        {
            proximity.Add(Near(content[i], content[i + 1]), Occur.SHOULD);
        }

        // A word matched as two halves ("screenshare"): the halves close together rank first.
        foreach (var word in content)
        {
            if (Split(word) is var (a, b))
            {
                proximity.Add(Near(a, b), Occur.SHOULD);
            }
        }

        var excluded = query.Excluded.Select(Excluded).ToList();
        if (excluded.Count > 0)
        {
            var match = new BooleanQuery { { result, Occur.MUST } };
            foreach (var exclusion in excluded)
            {
                match.Add(exclusion, Occur.MUST_NOT);
            }

            result = match;
        }

        return new RankedQuery(result, proximity.Clauses.Count > 0 ? proximity : null);
    }

    /// <summary>The query with each word the catalogue does not hold replaced by the nearest word it does, or null when none is.</summary>
    public SearchQuery? Correct(SearchQuery query)
    {
        var terms = query.Terms.ToList();
        var guessed = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < terms.Count; t++)
        {
            var word = terms[t];
            if (StopWords.Contains(word) || word.Any(char.IsDigit) || Known(word) || Split(word) is not null
                || (t == terms.Count - 1 && query.LastTermIsPrefix && DocFreq(SearchFields.Prefix, Cut(word)) > 0))
            {
                continue;
            }

            // The start of a word with a slip in it ("pasw"): the nearest start of a title or tag word ("pass"), then the
            // most common word beginning so ("password"). A whole-word correction would offer "past".
            var typedStart = t == terms.Count - 1 && query.LastTermIsPrefix && NearestStart(word) is { } start
                ? MostCommonWordStartingWith(start, includeItself: true)
                : null;
            if ((typedStart ?? Nearest(word)) is { } replacement)
            {
                terms[t] = replacement;
                guessed.Add(replacement);
            }
        }

        // A corrected word is a whole word, not a prefix.
        return guessed.Count > 0 ? query.WithTerms(terms) with { LastTermIsPrefix = false, Guessed = guessed } : null;
    }

    /// <summary>
    /// The query with its last word, typed as the start of a word ("chatg", "micro"), completed to the catalogue word
    /// starting with it that the most modules hold ("chatgpt", "microsoft"), or null when no word someone wrote starts with
    /// it. Titles and tags answer a prefix from their own edge n-grams; this reaches the words of summaries, authors and
    /// bodies when those found nothing, before any correction is tried.
    /// </summary>
    public SearchQuery? Complete(SearchQuery query)
    {
        if (!query.LastTermIsPrefix || query.Terms.Count == 0 || query.Terms[^1] is not { Length: >= 3 } prefix || StopWords.Contains(prefix))
        {
            return null;
        }

        var best = MostCommonWordStartingWith(prefix, includeItself: false);
        return best is null ? null : query.WithTerms([.. query.Terms.SkipLast(1), best]) with { LastTermIsPrefix = false };
    }

    /// <summary>
    /// The word someone wrote (in any field) starting with <paramref name="prefix"/> that the most modules hold, or null.
    /// </summary>
    private string? MostCommonWordStartingWith(string prefix, bool includeItself)
    {
        // Each word with how many modules hold it (as WordFreq counts) and whether a title, tag, summary or author has it.
        var options = new Dictionary<string, (int Frequency, bool Written)>(StringComparer.Ordinal);
        foreach (var field in new[] { SearchFields.Words, SearchFields.Body })
        {
            if (MultiFields.GetTerms(reader, field) is not { } terms)
            {
                continue;
            }

            var start = new BytesRef(prefix);
            var each = terms.GetEnumerator();
            if (each.SeekCeil(start) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            var seen = 0;
            do
            {
                if (!StringHelper.StartsWith(each.Term, start))
                {
                    break;
                }

                var word = each.Term.Utf8ToString();
                if ((includeItself || word != prefix) && !word.Any(char.IsDigit))
                {
                    var (frequency, written) = options.GetValueOrDefault(word);
                    options[word] = (Math.Max(frequency, each.DocFreq), written || field == SearchFields.Words);
                }
            }
            while (++seen < CompletionsExamined && each.MoveNext());
        }

        return options
            .Select(o => (Word: o.Key, o.Value.Written, o.Value.Frequency))
            .OrderByDescending(o => o.Frequency).ThenBy(o => o.Word.Length).ThenBy(o => o.Word, StringComparer.Ordinal)
            .FirstOrDefault(o => o.Written || Written(o.Word)).Word;
    }

    /// <summary>
    /// The start of a title or tag word one edit from <paramref name="typed"/> (a term of the edge n-gram field), the same
    /// length first, then the most modules; null for fewer than four letters or when there is none. Three letters one
    /// edit from the start of some word are no evidence of a slip: "mfa" is "ma" with a letter more, and "make" is not
    /// what was meant.
    /// </summary>
    private string? NearestStart(string typed)
    {
        if (typed.Length < 4 || MultiFields.GetTerms(reader, SearchFields.Prefix) is not { } terms)
        {
            return null;
        }

        var candidates = new FuzzyTermsEnum(terms, new Lucene.Net.Util.AttributeSource(), new Term(SearchFields.Prefix, typed), 1, 1, true);
        (string Start, int LengthGap, int Frequency)? best = null;
        var examined = 0;
        while (examined++ < 500 && candidates.MoveNext())
        {
            var start = candidates.Term.Utf8ToString();
            if (start.Length < 4)
            {
                continue;
            }

            var gap = Math.Abs(start.Length - typed.Length);
            if (best is not { } current || gap < current.LengthGap || (gap == current.LengthGap && candidates.DocFreq > current.Frequency))
            {
                best = (start, gap, candidates.DocFreq);
            }
        }

        return best?.Start;
    }

    /// <summary>How many catalogue words starting with a typed prefix are weighed as its completion (<see cref="Complete"/>).</summary>
    private const int CompletionsExamined = 200;

    /// <summary>What highlighting marks: the words as written, their stems, and the last word as a prefix when it is one.</summary>
    public SearchMarks Marks(SearchQuery query)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in ContentWords(query.Terms).Concat(query.Phrases.SelectMany(p => p)))
        {
            words.Add(word);
            if (Split(word) is var (a, b))
            {
                words.Add(a);
                words.Add(b);
            }
        }

        for (var i = 0; i + 1 < query.Terms.Count; i++)
        {
            if (WordFreq(query.Terms[i] + query.Terms[i + 1]) > 0)
            {
                words.Add(query.Terms[i] + query.Terms[i + 1]);
            }
        }

        var stems = words.SelectMany(Stems).ToHashSet(StringComparer.Ordinal);
        var prefix = query.LastTermIsPrefix && query.Terms.Count > 0 ? query.Terms[^1] : null;
        return new SearchMarks(words, stems, prefix);
    }

    /// <summary>Query words that say what is meant: all but stop words, or all of them when that leaves none.</summary>
    public static List<string> ContentWords(IReadOnlyList<string> terms)
    {
        var content = terms.Where(t => !StopWords.Contains(t)).ToList();
        return content.Count > 0 ? content : [.. terms];
    }

    private List<Query> Units(SearchQuery query)
    {
        var tokens = query.Terms;
        var hasContent = tokens.Any(t => !StopWords.Contains(t));
        var units = new List<Query>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var lastIsPrefix = query.LastTermIsPrefix && i == tokens.Count - 1;
            if (i + 1 < tokens.Count && !(StopWords.Contains(token) && StopWords.Contains(tokens[i + 1]))
                && !(query.LastTermIsPrefix && i + 1 == tokens.Count - 1)
                && WordFreq(token + tokens[i + 1]) > 0)
            {
                // "linked in" or "pass word": the joined word, or the words apart.
                var joined = new List<Query> { Word(token + tokens[i + 1]) };
                var apart = new[] { token, tokens[i + 1] }.Where(w => !StopWords.Contains(w)).ToList();
                if (apart.Count == 1)
                {
                    // One word left ("in" is a stop word): its alternatives join the joined word's.
                    joined.Add(Word(apart[0]));
                }
                else if (apart.Count == 2)
                {
                    joined.Add(new BooleanQuery { { Word(apart[0]), Occur.MUST }, { Word(apart[1]), Occur.MUST } });
                }

                units.Add(Either(joined));
                i++;
                continue;
            }

            if (hasContent && StopWords.Contains(token))
            {
                continue;
            }

            var word = Word(token);
            if (query.Guessed.Contains(token))
            {
                word.Boost = GuessedWeight;
            }

            Query unit = word;
            if (lastIsPrefix && token.Length <= SearchAnalysis.LongestPrefix)
            {
                unit = Either(unit, new TermQuery(new Term(SearchFields.Prefix, token)) { Boost = 2f });
            }

            if (Split(token) is var (a, b))
            {
                // "screenshare": the word, or both halves (best near each other: the proximity part, Build).
                var halves = new BooleanQuery { { Word(a), Occur.MUST }, { Word(b), Occur.MUST } };
                unit = Either(unit, halves);
            }

            if (synonyms.MeaningsOf(token) is { Count: > 0 } meanings)
            {
                unit = Either([unit, .. meanings.Select(AllWords)]);
            }

            if (!hasContent && LevelStem(token) is { } level)
            {
                // "intermediate" alone: the modules of that level, and any that say it.
                unit = Either(unit, new TermQuery(new Term(SearchFields.LevelWords, level)) { Boost = LevelWeight });
            }

            units.Add(unit);
        }

        return units;
    }

    /// <summary>
    /// Alternatives scored as one sum. A query of alternatives among them is merged in, not nested: BM25 has no
    /// coordination factor, so the score is the same, and Lucene then scores one flat list of terms a block of modules at a
    /// time (BooleanScorer) instead of merging nested lists module by module (a one-word query took five times as long).
    /// </summary>
    private static BooleanQuery Either(params IEnumerable<Query> alternatives)
    {
        var either = new BooleanQuery();
        foreach (var alternative in alternatives)
        {
            if (alternative is BooleanQuery { Boost: 1f, MinimumNumberShouldMatch: 0 } inner && inner.Clauses.All(c => c.Occur == Occur.SHOULD))
            {
                foreach (var clause in inner.Clauses)
                {
                    either.Add(clause.Query, Occur.SHOULD);
                }
            }
            else
            {
                either.Add(alternative, Occur.SHOULD);
            }
        }

        return either;
    }

    /// <summary>Two words within a few words of each other, in either order, in any weighted field: the closer, the higher.</summary>
    private BooleanQuery Near(string first, string second)
    {
        var (a, b) = (Stem(first), Stem(second));
        var near = new BooleanQuery();
        foreach (var (field, weight) in SearchFields.Stemmed)
        {
            var phrase = new PhraseQuery { Slop = 4, Boost = weight * ProximityWeight };
            phrase.Add(new Term(field, a));
            phrase.Add(new Term(field, b));
            near.Add(phrase, Occur.SHOULD);
        }

        return near;
    }

    /// <summary>The stem of <paramref name="word"/> when it names a level ("beginners": "beginn"), as the level field holds it; otherwise null.</summary>
    private string? LevelStem(string word) =>
        LevelWords.Contains(word) && Stems(word) is [var stem] ? stem : null;

    private static readonly HashSet<string> LevelWords = new(StringComparer.Ordinal) { "beginner", "beginners", "intermediate", "advanced" };

    /// <summary>What a word put in by a correction weighs against a word typed (<see cref="SearchQuery.Guessed"/>).</summary>
    private const float GuessedWeight = 0.5f;

    /// <summary>How much words close together add, against the weight of the field they are in.</summary>
    private const float ProximityWeight = 1.5f;

    /// <summary>One word: its stem in each weighted field, the word as written in the title and anywhere, and in authors' names.</summary>
    private BooleanQuery Word(string word)
    {
        var stems = Stems(word);
        var query = new BooleanQuery();
        if (stems.Count == 1)
        {
            // The word as written earns extra in the title and in the body: "screen" said eleven times outweighs a tag
            // holding "sharing", and "teams" ranks "Teams" above "team". A word that is its own stem is the stem's own
            // term, whose weight grows by as much; another is held as written beside its stem (SearchAnalysis).
            var written = stems[0] == word;
            foreach (var (field, weight) in SearchFields.Stemmed)
            {
                var boost = written ? weight + WrittenWeight(field) : weight;
                query.Add(new TermQuery(new Term(field, stems[0])) { Boost = boost }, Occur.SHOULD);
            }

            if (!written)
            {
                query.Add(new TermQuery(new Term(SearchFields.Title, word)) { Boost = WrittenWeight(SearchFields.Title) }, Occur.SHOULD);
                query.Add(new TermQuery(new Term(SearchFields.Body, word)) { Boost = WrittenWeight(SearchFields.Body) }, Occur.SHOULD);
            }
        }
        else if (stems.Count > 1)
        {
            // Scripts without spaces between words come out of the tokenizer as several terms: all of them, in the body.
            var all = new BooleanQuery();
            foreach (var stem in stems)
            {
                all.Add(new TermQuery(new Term(SearchFields.Body, stem)), Occur.MUST);
            }

            query.Add(all, Occur.SHOULD);
        }

        query.Add(new TermQuery(new Term(SearchFields.Authors, word)) { Boost = 2f }, Occur.SHOULD);
        return query;
    }

    /// <summary>What the word as written adds to its stem's weight in a field: much in the title, some in the body.</summary>
    private static float WrittenWeight(string field) => field switch
    {
        SearchFields.Title => 3f,
        SearchFields.Body => 1f,
        _ => 0f,
    };

    private BooleanQuery AllWords(string text)
    {
        var words = SearchQuery.Tokens(text).ToList();
        var all = new BooleanQuery();
        foreach (var word in words)
        {
            all.Add(Word(word), Occur.MUST);
        }

        // A curator's meaning is an expression: its words close together rank first, as a typed query's do.
        var content = ContentWords(words);
        for (var i = 0; i + 1 < content.Count; i++)
        {
            all.Add(Near(content[i], content[i + 1]), Occur.SHOULD);
        }

        return all;
    }

    private Query Phrase(IReadOnlyList<string> words)
    {
        var stems = words.SelectMany(Stems).ToList();
        var either = new BooleanQuery();
        foreach (var (field, weight) in SearchFields.Stemmed)
        {
            var phrase = new PhraseQuery { Boost = weight };
            for (var i = 0; i < stems.Count; i++)
            {
                phrase.Add(new Term(field, stems[i]), i);
            }

            either.Add(field == SearchFields.Body ? WithPairs(phrase, stems) : phrase, Occur.SHOULD);
        }

        return either;
    }

    /// <summary>
    /// A body phrase whose neighbouring stems are all indexed pairs (<see cref="SearchPairs"/>): two words are their pair
    /// term, scored as the phrase would be (the same idf, through the boost); longer phrases match by position only
    /// in the modules holding every pair.
    /// </summary>
    private Query WithPairs(PhraseQuery phrase, List<string> stems)
    {
        if (stems.Count < 2 || pairs.IsEmpty || Enumerable.Range(0, stems.Count - 1).Any(i => !pairs.Indexed(stems[i], stems[i + 1])))
        {
            return phrase;
        }

        var terms = Enumerable.Range(0, stems.Count - 1).Select(i => new Term(SearchFields.BodyPairs, SearchPairs.Term(stems[i], stems[i + 1]))).ToList();
        if (stems.Count == 2)
        {
            var modules = DocFreq(SearchFields.BodyPairs, terms[0].Text);
            var phraseIdf = stems.Sum(s => Idf(DocFreq(SearchFields.Body, s)));
            return new TermQuery(terms[0]) { Boost = modules == 0 ? phrase.Boost : phrase.Boost * phraseIdf / Idf(modules) };
        }

        var within = new BooleanQuery { { phrase, Occur.MUST } };
        foreach (var term in terms)
        {
            within.Add(new TermQuery(term) { Boost = 0 }, Occur.MUST);
        }

        return within;
    }

    /// <summary>BM25's inverse document frequency (as <see cref="Lucene.Net.Search.Similarities.BM25Similarity"/> computes it).</summary>
    private float Idf(int modules) => (float)Math.Log(1 + ((reader.MaxDoc - modules + 0.5) / (modules + 0.5)));

    private Query Excluded(string text)
    {
        var words = SearchQuery.Tokens(text).ToList();
        return words.Count > 1 ? Phrase(words) : Word(words.Count == 1 ? words[0] : text);
    }

    private bool Known(string word) =>
        DocFreq(SearchFields.Words, word) > 0 || Stems(word).Any(stem => SearchFields.Stemmed.Any(f => DocFreq(f.Field, stem) > 0));

    /// <summary>
    /// How many modules hold <paramref name="word"/> in their title, tags, summary or authors as written, or in their body
    /// (as written, or as a stem: harmless for telling joined and split forms apart, which only test that a word is there).
    /// </summary>
    private int WordFreq(string word) => Math.Max(DocFreq(SearchFields.Words, word), DocFreq(SearchFields.Body, word));

    /// <summary>Two catalogue words that the unknown <paramref name="word"/> is made of, the more common split first.</summary>
    private (string, string)? Split(string word)
    {
        if (word.Length < 5 || WordFreq(word) > 0)
        {
            return null;
        }

        (string, string)? best = null;
        var bestFrequency = 0;
        for (var i = 2; i <= word.Length - 2; i++)
        {
            var (a, b) = (word[..i], word[i..]);
            if (StopWords.Contains(a) || StopWords.Contains(b))
            {
                continue;
            }

            var frequency = Math.Min(WordFreq(a), WordFreq(b));
            if (frequency > bestFrequency)
            {
                (best, bestFrequency) = ((a, b), frequency);
            }
        }

        return best;
    }

    /// <summary>
    /// The catalogue word nearest to <paramref name="word"/> (fewest edits, then most modules), or null. Only a word with
    /// the same first letter or with a lost first letter put back (<see cref="WithFirstLetterBack"/>), and two edits away
    /// only for a word of seven letters or more: people seldom mistype the first letter, and a short real word the
    /// catalogue lacks ("waste", "weird", "nasty") is no typo of "paste", "word" or "last". Without a dictionary a
    /// correctly spelt word one letter from a catalogue word ("charts", "chats") still looks like a typo.
    /// Candidates are words as written: those of titles, tags, summaries and authors, and those of bodies that are not
    /// their own stem (a body's terms also hold stems such as "manag", which are no words to show).
    /// </summary>
    private string? Nearest(string word)
    {
        // Three letters are a step from too many words to guess which was meant ("log" is not "long"): as Lucene's own
        // spell checker, four letters at least.
        if (word.Length < 4)
        {
            return null;
        }

        // One edit first, a lost first letter being one too ("hishing" is "phishing", not "hiding" two edits away);
        // looking two edits away costs far more.
        return Nearest(word, 1) ?? WithFirstLetterBack(word) ?? (word.Length < 7 ? null : Nearest(word, 2));
    }

    /// <summary>
    /// The catalogue word that is <paramref name="word"/> with a letter put back in front ("xcel": "excel"; "nstagram":
    /// "instagram"), the one the most modules hold, or null. The one slip in the first letter that is common enough to
    /// look for: a lost first letter, in a word of four letters or more. Only a word of a title, tag, summary or author
    /// (the names of tools and topics) is offered: a word found only in a module's text is too often another word
    /// ("emale" is a slip for "email", not "female"). A changed first letter stays uncorrected ("waste" is no typo of
    /// "paste").
    /// </summary>
    private string? WithFirstLetterBack(string word)
    {
        string? best = null;
        var bestFrequency = 0;
        for (var letter = 'a'; letter <= 'z'; letter++)
        {
            var candidate = letter + word;
            var frequency = WordFreq(candidate);
            if (frequency > bestFrequency && DocFreq(SearchFields.Words, candidate) > 0)
            {
                (best, bestFrequency) = (candidate, frequency);
            }
        }

        return best;
    }

    private string? Nearest(string word, int maxEdits)
    {
        var options = new Dictionary<string, (string Word, int Edits, int Frequency, bool Written)>(StringComparer.Ordinal);
        foreach (var field in new[] { SearchFields.Words, SearchFields.Body })
        {
            if (MultiFields.GetTerms(reader, field) is not { } terms)
            {
                continue;
            }

            // Terms sharing the first letter only (prefix length 1).
            var candidates = new FuzzyTermsEnum(terms, new Lucene.Net.Util.AttributeSource(), new Term(field, word), maxEdits, 1, true);
            var examined = 0;
            while (examined++ < 500 && candidates.MoveNext())
            {
                var candidate = candidates.Term.Utf8ToString();
                if (!candidate.Any(char.IsDigit) && !options.ContainsKey(candidate))
                {
                    options[candidate] = (candidate, Distance(word, candidate), WordFreq(candidate), field == SearchFields.Words);
                }
            }
        }

        // Best first; a body term is checked for being written only when its turn comes (most often the first one is).
        return options.Values
            .OrderBy(o => o.Edits).ThenByDescending(o => o.Frequency).ThenBy(o => o.Word, StringComparer.Ordinal)
            .FirstOrDefault(o => o.Written || Written(o.Word)).Word;
    }

    /// <summary>How many modules are looked into for a body term written as it is (<see cref="Written"/>).</summary>
    private const int WrittenSample = 50;

    /// <summary>How many body terms sharing its beginning are tried as words a term is the stem of (<see cref="Written"/>).</summary>
    private const int WrittenFormsExamined = 300;

    /// <summary>
    /// Whether the body term <paramref name="term"/> is a word someone wrote, not only the stem of other words (the body
    /// holds "manag" at every "manager"). A term that is not its own stem was written. Otherwise it is written where it
    /// stands at a position none of the words stemming to it share, looked for in its first few modules; those words
    /// begin with all of it but its last letter ("happi" stems "happy").
    /// </summary>
    private bool Written(string term)
    {
        if (Stem(term) != term)
        {
            return true;
        }

        var forms = new List<string>();
        if (MultiFields.GetTerms(reader, SearchFields.Body) is { } terms)
        {
            var start = new BytesRef(term.Length > 1 ? term[..^1] : term);
            var each = terms.GetEnumerator();
            var seen = 0;
            if (each.SeekCeil(start) != TermsEnum.SeekStatus.END)
            {
                do
                {
                    if (!StringHelper.StartsWith(each.Term, start))
                    {
                        break;
                    }

                    // Stemming takes off a few letters at most ("-ational"): longer terms are other words.
                    var form = each.Term.Utf8ToString();
                    if (form != term && form.Length <= term.Length + 8 && Stem(form) == term)
                    {
                        forms.Add(form);
                    }
                }
                while (++seen < WrittenFormsExamined && each.MoveNext());
            }
        }

        if (forms.Count == 0)
        {
            return true;
        }

        var looked = 0;
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            if (atomic.GetTermPositionsEnum(new Term(SearchFields.Body, term)) is not { } positions)
            {
                continue;
            }

            var others = forms.Select(f => atomic.GetTermPositionsEnum(new Term(SearchFields.Body, f))).Where(p => p is not null).ToList();
            for (var doc = positions.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && looked++ < WrittenSample; doc = positions.NextDoc())
            {
                var taken = new HashSet<int>();
                foreach (var other in others)
                {
                    if (other!.DocID <= doc && other.DocID != DocIdSetIterator.NO_MORE_DOCS && (other.DocID == doc || other.Advance(doc) == doc))
                    {
                        for (var i = 0; i < other.Freq; i++)
                        {
                            taken.Add(other.NextPosition());
                        }
                    }
                }

                for (var i = 0; i < positions.Freq; i++)
                {
                    if (!taken.Contains(positions.NextPosition()))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Edits between two words: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private string Stem(string word) => Stems(word) is [var stem, ..] ? stem : word;

    private List<string> Stems(string word) => SearchAnalysis.Stems(analyzer, word);

    private int DocFreq(string field, string text)
    {
        var key = field + "\u0001" + text;
        if (!_docFreqs.TryGetValue(key, out var frequency))
        {
            frequency = reader.DocFreq(new Term(field, new BytesRef(text)));
            _docFreqs[key] = frequency;
        }

        return frequency;
    }

    private static string Cut(string word) => word.Length <= SearchAnalysis.LongestPrefix ? word : word[..SearchAnalysis.LongestPrefix];
}

/// <summary>
/// A query in two parts: <paramref name="Match"/> decides which modules match and scores them; <paramref name="Proximity"/>
/// only adds to the score of a match that holds neighbouring words close together. <see cref="Full"/> scores both on
/// every match; BM25 has no coordination factor or query norm, so its score is the sum of the two parts' scores and
/// the proximity part can as well be added to the best matches afterwards (<see cref="SearchRescorer"/>).
/// </summary>
internal sealed record RankedQuery(Query Match, Query? Proximity)
{
    public Query Full => Proximity is null ? Match : new BooleanQuery { { Match, Occur.MUST }, { Proximity, Occur.SHOULD } };
}

/// <summary>What to mark in titles, summaries and snippets.</summary>
/// <remarks>Sets with ordinal comparison, so the highlighter can ask them for a span of text without allocating.</remarks>
internal sealed record SearchMarks(HashSet<string> Words, HashSet<string> Stems, string? Prefix);
