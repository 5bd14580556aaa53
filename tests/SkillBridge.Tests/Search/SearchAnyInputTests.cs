using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>Any input at all returns results or an empty list: never an exception, never a 500.</summary>
[Collection(StarterSite.Name)]
public sealed class SearchAnyInputTests(SkillBridgeWebFactory factory)
{
    public static TheoryData<string> HostileInputs()
    {
        string[] fixedInputs =
        [
            "\"", "\"\"", "\"\"\"", "\"teams", "teams\"", "\"unclosed phrase", "'", "''", "`", "\\", "\\\"", "(", ")", "()", "((teams", "teams))",
            "[", "]", "{", "}", "{title}: teams", "{title tags}:", "title:teams", "title : teams", "AND", "OR", "NOT", "NEAR", "NEAR(teams zoom, 2)",
            "teams AND", "AND teams", "teams OR", "OR OR OR", "NOT teams", "teams NOT", "teams NOT zoom", "NEAR/3", "teams NEAR/2 zoom", "*", "**",
            "teams*", "*teams", "t*", "^teams", "+teams", "-", "--", "- -", "-teams", "-\"teams\"", "--teams", "-*", ":", "::", ":teams", "teams:",
            "category:", "category:\"", "category:tools\"", "author:", "author:'; DROP TABLE Modules; --", "level:", "level:expert", "level:99",
            "duration:", "duration:forever", "page:2", "a:b:c", "'; DROP TABLE \"SearchIndex\"; --", "1; SELECT * FROM AspNetUsers", "\" OR 1=1 --",
            "' OR '1'='1", "rowid=1", "SearchIndex", "rank", "bm25", "MATCH", "%", "_", "%%", "\0", "\u0001\u0002", "\t\n\r", "\u200b", "\u00a0teams",
            "😀", "👩‍💻 teams", "🏳️‍🌈", "teams😀zoom", "\ud800", "\udc00teams", "𝐓𝐞𝐚𝐦𝐬", "ｔｅａｍｓ", "ﬁle", "Straße", "İstanbul", "café", "CAFÉ",
            "caf\u0065\u0301", "مرحبا", "שלום", "日本語", "中文 搜索", "한국어", "ไทย", "Ελληνικά", "кириллица", "\u202eteams", "<script>alert(1)</script>",
            "<mark>teams</mark>", "&lt;", "&amp;", "javascript:alert(1)", "%3Cscript%3E", "${7*7}", "{{7*7}}", "../../etc/passwd", "C:\\Windows",
            "null", "undefined", "NaN", "-1", "0", "99999999999999999999999", "1e308", "teams teams teams teams teams teams teams teams teams teams teams teams teams teams",
            "\"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\" \"i\" \"j\" \"k\" \"l\" \"m\"", "- - - - - - - -", "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        ];
        var data = new TheoryData<string>();
        foreach (var input in fixedInputs)
        {
            data.Add(input);
        }

        data.Add(new string('a', 10_000));
        data.Add(string.Concat(Enumerable.Repeat("teams ", 2_000)));
        data.Add(string.Concat(Enumerable.Repeat("\"", 10_000)));
        data.Add(string.Concat(Enumerable.Repeat("(", 10_000)));
        data.Add(string.Concat(Enumerable.Repeat("😀", 5_000)));
        data.Add(string.Concat(Enumerable.Repeat("-x ", 3_000)));
        data.Add(string.Concat(Enumerable.Repeat("category:tools ", 700)));
        var random = new Random(20261122);
        for (var i = 0; i < 20; i++)
        {
            var builder = new StringBuilder();
            for (var c = 0; c < random.Next(1, 80); c++)
            {
                builder.Append((char)random.Next(1, 0x3000));
            }

            data.Add(builder.ToString());
        }

        return data;
    }

    [Fact]
    public void HostileInputs_AreAtLeastAHundred() => Assert.True(HostileInputs().Count >= 100);

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task SearchAndSuggest_AnyInput_ReturnResultsOrNothingWithoutThrowing(string input)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<SearchService>();

        var results = await sut.SearchAsync(new SearchRequest(input, Category: input, Author: input, Page: int.MaxValue));
        var suggestions = await sut.SuggestAsync(input);

        Assert.True(results.Total >= 0 && results.Hits.Count <= SearchService.PageSize);
        Assert.True(suggestions.Count <= SearchService.SuggestionCount);
    }
}
