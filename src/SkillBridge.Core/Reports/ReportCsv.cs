using System.Globalization;
using CsvHelper;

namespace SkillBridge.Core.Reports;

/// <summary>Writes a report table as CSV, cell for cell as the page shows it.</summary>
public static class ReportCsv
{
    /// <summary>
    /// Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) get an
    /// apostrophe in front: CsvHelper's injection escaping, whose default characters are exactly those.
    /// </summary>
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        WriteByteOrderMark = true,
    };

    public static byte[] Write(ReportTable table)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, true))
        {
            csv.WriteHeader([.. table.Headers]);
            foreach (var row in table.Rows)
            {
                csv.WriteRecord([.. row.Cells]);
            }
        }

        return stream.ToArray();
    }

    public static string FileName(ReportTable table, DateTime nowUtc) =>
        $"{table.Id}-{nowUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
}
