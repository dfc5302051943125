using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace SecrecyDuty.Web.Infrastructure.Export;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>A column of an exported list: its (already localized) header and how to read a row's value.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// Every list exports to CSV and XLSX with its current filters. CSV is UTF-8 with a byte-order mark so that
/// Excel opens Chinese text correctly; dates are ISO (yyyy-MM-dd).
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool TryParse(string? value, out ExportFormat format) =>
        Enum.TryParse(value, ignoreCase: true, out format) && Enum.IsDefined(format);

    public static FileContentResult ToFile<T>(ExportFormat format, string baseName, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return format == ExportFormat.Xlsx
            ? new FileContentResult(ToXlsx(columns, rows), XlsxContentType) { FileDownloadName = baseName + ".xlsx" }
            : new FileContentResult(ToCsv(columns, rows), CsvContentType) { FileDownloadName = baseName + ".csv" };
    }

    public static byte[] ToCsv<T>(IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Escape(c.Header, isText: true))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => c.Value(row)).Select(v => Escape(Format(v), isText: v is string))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] ToXlsx<T>(IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var column in columns)
            {
                record[column.Header] = Format(column.Value(row));
            }

            return record;
        });
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "Sheet1");
        return stream.ToArray();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // RFC 4180 quoting, and a leading apostrophe against spreadsheet formula injection.
    private static string Escape(string value, bool isText)
    {
        if (isText && value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
