using System.Text;
using MiniExcelLibs;

namespace SecrecyDuty.Core.Import;

/// <summary>
/// The templates offered for download: one workbook with the three sheets, or one CSV file per sheet.
/// Row 1 holds the headers, row 2 an example whose first cell starts with 示例： (skipped on import, see
/// <see cref="ImportLayout.ExampleMarker"/>), so a user fills in from row 3 or overwrites the example.
/// </summary>
public static class ImportTemplates
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static ImportFile Xlsx()
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in ImportLayout.Sheets)
        {
            sheets[ImportLayout.SheetName(sheet)] = new List<Dictionary<string, object?>> { ExampleRow(sheet) };
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return new ImportFile("导入模板.xlsx", XlsxContentType, stream.ToArray());
    }

    /// <summary>UTF-8 with a byte-order mark, so that Excel opens the Chinese headers correctly.</summary>
    public static ImportFile Csv(ImportSheet sheet)
    {
        var text = new StringBuilder();
        var columns = ImportLayout.Columns(sheet);
        text.AppendJoin(',', columns.Select(c => Escape(c.Header))).Append("\r\n");
        text.AppendJoin(',', ExampleRow(sheet).Values.Select(v => Escape((string?)v ?? ""))).Append("\r\n");
        byte[] content = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
        return new ImportFile($"导入模板-{ImportLayout.SheetName(sheet)}.csv", CsvContentType, content);
    }

    private static Dictionary<string, object?> ExampleRow(ImportSheet sheet)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        var first = true;
        foreach (var column in ImportLayout.Columns(sheet))
        {
            row[column.Header] = first ? ImportLayout.ExamplePrefix + column.Example : column.Example;
            first = false;
        }

        return row;
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
