using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Import;

/// <summary>A data row of a sheet: its number as the spreadsheet shows it, and its cells as text by column key.</summary>
public sealed class ImportRawRow(int number, IReadOnlyDictionary<string, string> cells)
{
    public int Number { get; } = number;

    /// <summary>The trimmed text of the cell under the column <paramref name="key"/>, "" when empty or absent.</summary>
    public string this[string key] => cells.TryGetValue(key, out var value) ? value : "";
}

/// <summary>One sheet as read: the headers found (by column key) and the data rows.</summary>
public sealed class ImportTable(ImportSheet sheet, string sheetName, IReadOnlyDictionary<string, string> headers, IReadOnlyList<ImportRawRow> rows)
{
    public ImportSheet Sheet { get; } = sheet;

    /// <summary>The sheet's name as in the file (the template's name for a CSV file).</summary>
    public string SheetName { get; } = sheetName;

    public IReadOnlyList<ImportRawRow> Rows { get; } = rows;

    /// <summary>The header of the column as the file spells it, for the report.</summary>
    public string HeaderOf(string key) => headers.TryGetValue(key, out var header) ? header : ImportLayout.Column(Sheet, key).Header;
}

public sealed record ImportWorkbook(IReadOnlyList<ImportTable> Tables, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Reads an XLSX workbook (any of the sheets 单位, 领导干部, 任职) or a CSV file of one kind into rows of
/// text. The first filled row of a sheet is its header; blank rows and example rows are skipped.
/// </summary>
public static class ImportFileReader
{
    private const int ProgressEvery = 1000;

    public static ImportWorkbook Read(byte[] content, ImportFileFormat format, ImportSheet? csvSheet, IStringLocalizer<Messages> l, Action<int>? rowsRead = null, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(l);
        limits ??= new ImportLimits();
        if (format == ImportFileFormat.Csv && csvSheet is null)
        {
            throw new ArgumentException("A CSV file holds one sheet: say which.", nameof(csvSheet));
        }

        var errors = new List<ImportError>();
        var tables = new List<ImportTable>();
        var counter = new RowCounter(rowsRead, limits.MaxRows);
        try
        {
            if (format == ImportFileFormat.Csv)
            {
                var sheet = csvSheet!.Value;
                var rows = CsvRecords.Parse(CsvRecords.Decode(content));
                tables.Add(ReadTable(sheet, ImportLayout.SheetName(sheet), rows, errors, counter, limits, l));
            }
            else if (UnpackedSize(content) > limits.MaxUnpackedBytes)
            {
                // Checked before a single part is unpacked. The sizes are the file's own word, but .NET's ZIP reader holds
                // every part to its stated size, so a part that says less than it holds fails to read instead of growing.
                errors.Add(FileError(l["The workbook unpacks to more than {0} MB. Split it into smaller files.", limits.MaxUnpackedBytes / (1024 * 1024)]));
            }
            else
            {
                ReadWorkbook(content, tables, errors, counter, limits, l);
            }
        }
        catch (TooManyRowsException)
        {
            errors.Add(FileError(l["The file has more than {0} rows. Split it into files of at most {0} rows and import them one after the other.", limits.MaxRows]));
            tables.Clear();
        }
#pragma warning disable CA1031 // The file is untrusted input: whatever the parser throws means "unreadable", never a crash.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            errors.Add(FileError(l["The file could not be read. Save it from the template as XLSX, or as CSV in UTF-8, and try again."]));
            tables.Clear();
        }

        return new ImportWorkbook(tables, errors);
    }

    public static ImportError FileError(string reason) => new(null, "", null, "", reason);

    /// <summary>The unpacked size of every part of a workbook, as its ZIP directory states it.</summary>
    private static long UnpackedSize(byte[] content)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content, writable: false), System.IO.Compression.ZipArchiveMode.Read);
        return zip.Entries.Sum(e => e.Length);
    }

    private static void ReadWorkbook(byte[] content, List<ImportTable> tables, List<ImportError> errors, RowCounter counter, ImportLimits limits, IStringLocalizer<Messages> l)
    {
        using var stream = new MemoryStream(content, writable: false);
        var seen = new HashSet<ImportSheet>();
        foreach (var name in MiniExcel.GetSheetNames(stream))
        {
            if (ImportLayout.SheetFor(name) is not { } sheet || !seen.Add(sheet))
            {
                continue;
            }

            stream.Position = 0;
            var rows = stream.Query(useHeaderRow: false, sheetName: name)
                .Cast<IDictionary<string, object?>>()
                .Select(ToCells);
            tables.Add(ReadTable(sheet, name, rows, errors, counter, limits, l));
            stream.Position = 0;
        }

        if (seen.Count == 0)
        {
            errors.Add(FileError(l["The workbook has none of the sheets 单位, 领导干部 and 任职. Fill in the template and keep its sheet names."]));
        }
    }

    /// <summary>
    /// MiniExcel yields every row from the first, empty ones included, keyed by column letter: the
    /// position in the sequence is the row number Excel shows.
    /// </summary>
    private static string[] ToCells(IDictionary<string, object?> row)
    {
        var cells = new string[row.Count];
        var i = 0;
        foreach (var (_, value) in row)
        {
            cells[i++] = Text(value);
        }

        return cells;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => n.ToString("0", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static ImportTable ReadTable(ImportSheet sheet, string sheetName, IEnumerable<string[]> rows, List<ImportError> errors, RowCounter counter, ImportLimits limits, IStringLocalizer<Messages> l)
    {
        Dictionary<string, int>? columns = null;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var data = new List<ImportRawRow>();
        var number = 0;
        foreach (var raw in rows)
        {
            number++;
            // NUL and bidirectional overrides are never data: they are stripped here, for CSV and workbooks alike.
            var cells = Array.ConvertAll(raw, c => Common.Text.StripUnsafe(c).Trim());
            var first = Array.Find(cells, c => c.Length > 0);
            if (first is null)
            {
                continue;
            }

            if (columns is null)
            {
                columns = MapHeader(sheet, cells, headers);
                var missing = ImportLayout.Columns(sheet).Where(c => c.Required && !columns.ContainsKey(c.Key)).ToList();
                foreach (var column in missing)
                {
                    errors.Add(new ImportError(sheet, sheetName, number, column.Header, l["Add the column {0} to this sheet, as in the template.", column.Header]));
                }

                if (missing.Count > 0)
                {
                    // Without its columns a sheet's rows cannot be read: one message per missing column says it all.
                    return new ImportTable(sheet, sheetName, headers, []);
                }

                continue;
            }

            if (first.StartsWith(ImportLayout.ExampleMarker, StringComparison.Ordinal))
            {
                continue;
            }

            counter.Add();
            var values = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
            var tooLong = false;
            foreach (var (key, index) in columns)
            {
                values[key] = index < cells.Length ? cells[index] : "";
                if (values[key].Length > limits.MaxCellLength)
                {
                    // Reported once here; the row is not kept, so no later check (or report) carries the long text along.
                    var header = headers.TryGetValue(key, out var h) ? h : ImportLayout.Column(sheet, key).Header;
                    errors.Add(new ImportError(sheet, sheetName, number, header, l["The cell holds more than {0} characters. Enter the value as the template asks.", limits.MaxCellLength]));
                    tooLong = true;
                }
            }

            if (!tooLong)
            {
                data.Add(new ImportRawRow(number, values));
            }
        }

        return new ImportTable(sheet, sheetName, headers, data);
    }

    private static Dictionary<string, int> MapHeader(ImportSheet sheet, string[] cells, Dictionary<string, string> headers)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
        {
            if (ImportLayout.ColumnFor(sheet, cells[i]) is { } column && columns.TryAdd(column.Key, i))
            {
                headers[column.Key] = cells[i];
            }
        }

        return columns;
    }

    /// <summary>Thrown by the row counter past the row limit: reading stops there, whatever is left of the file.</summary>
    private sealed class TooManyRowsException : Exception;

    private sealed class RowCounter(Action<int>? report, int limit)
    {
        private int _count;

        public void Add()
        {
            _count++;
            if (_count > limit)
            {
                throw new TooManyRowsException();
            }

            if (_count % ProgressEvery == 0)
            {
                report?.Invoke(_count);
            }
        }
    }
}
