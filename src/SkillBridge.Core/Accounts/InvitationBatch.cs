namespace SkillBridge.Core.Accounts;

/// <summary>One line of a bulk invitation list: what it asks for, or why it cannot be sent.</summary>
public sealed record InvitationBatchLine(int LineNumber, string Email, string? Name, IReadOnlyList<string> Roles, string? Problem)
{
    public bool Ready => Problem is null;
}

public sealed record InvitationBatchPreview(IReadOnlyList<InvitationBatchLine> Lines, string? Problem = null)
{
    public IReadOnlyList<InvitationBatchLine> ReadyLines => Lines.Where(l => l.Ready).ToList();

    public IReadOnlyList<InvitationBatchLine> ProblemLines => Lines.Where(l => !l.Ready).ToList();
}

public sealed record InvitationBatchSent(InvitationBatchPreview Preview, IReadOnlyList<InvitationCreated> Created);

/// <summary>
/// Bulk invitations from a pasted list or a CSV file (columns e-mail, name, roles; "," or ";" between them, whichever
/// follows the address; a header row is skipped). Each line is checked as a single invitation would be, and nothing is
/// saved until the admin confirms.
/// </summary>
public sealed class InvitationBatch(InvitationService invitations)
{
    public const int MaxLines = 500;

    public async Task<InvitationBatchPreview> PreviewAsync(string? text, CancellationToken cancellationToken = default)
    {
        var rows = InvitationList.Parse(text ?? "");
        if (rows.Count == 0)
        {
            return new([], "The list is empty. Put one person on each line: e-mail, name, roles.");
        }

        if (rows.Count > MaxLines)
        {
            return new([], $"The list has {rows.Count} people; send at most {MaxLines} at a time.");
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lines = new List<InvitationBatchLine>();
        foreach (var row in rows)
        {
            var roles = row.Roles.Where(r => !string.Equals(r, "learner", StringComparison.OrdinalIgnoreCase)).Select(r => r.ToLowerInvariant()).ToList();
            string? problem;
            if (seen.TryGetValue(row.Email, out var first))
            {
                problem = $"Duplicate in the list: the same address is on line {first}.";
            }
            else
            {
                seen[row.Email] = row.LineNumber;
                var (_, error) = await invitations.CheckAsync(new InvitationRequest(row.Email, null, row.Name, roles), cancellationToken);
                problem = error?.Message == InvitationService.BadEmailMessage ? $"\"{row.Email}\" is not an e-mail address." : error?.Message;
            }

            lines.Add(new InvitationBatchLine(row.LineNumber, row.Email, row.Name, roles, problem));
        }

        return new(lines);
    }

    /// <summary>Checks the list again (it may have changed since the preview) and creates only the ready lines.</summary>
    public async Task<InvitationBatchSent> SendAsync(string? text, string invitedBy, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(text, cancellationToken);
        var created = new List<InvitationCreated>();
        foreach (var line in preview.ReadyLines)
        {
            var result = await invitations.CreateAsync(new InvitationRequest(line.Email, null, line.Name, line.Roles), invitedBy, cancellationToken);
            if (result.Succeeded)
            {
                created.Add(result);
            }
        }

        return new(preview, created);
    }
}

/// <summary>Reads the lines of a pasted list or CSV file; blank lines are skipped but keep the line numbers right.</summary>
public static class InvitationList
{
    public sealed record Row(int LineNumber, string Email, string? Name, IReadOnlyList<string> Roles);

    public static IReadOnlyList<Row> Parse(string text)
    {
        var rows = new List<Row>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            // The first "," or ";" after the address separates the columns (an address holds neither): spreadsheets
            // in many countries save ";" between columns, and either may then separate the roles.
            var separator = line.IndexOfAny([',', ';']) is var at and >= 0 ? line[at] : ',';
            var cells = SplitCells(line, separator);
            var email = cells[0];
            if (rows.Count == 0 && IsHeader(email))
            {
                continue;
            }

            var name = cells.Count > 1 && cells[1].Length > 0 ? cells[1] : null;

            // Roles are separated by spaces, "|", "+", or whichever of "," and ";" does not separate the columns.
            var roles = cells.Skip(2)
                .SelectMany(c => c.Split([' ', '|', '+', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            rows.Add(new Row(i + 1, email, name, roles));
        }

        return rows;
    }

    private static bool IsHeader(string firstCell) =>
        firstCell.Equals("email", StringComparison.OrdinalIgnoreCase) || firstCell.Equals("e-mail", StringComparison.OrdinalIgnoreCase)
        || firstCell.Equals("email address", StringComparison.OrdinalIgnoreCase) || firstCell.Equals("e-mail address", StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits one CSV line, honouring double quotes ("" inside quotes is one quote).</summary>
    private static List<string> SplitCells(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
