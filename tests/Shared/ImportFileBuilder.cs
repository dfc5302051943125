using System.Text;
using MiniExcelLibs;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Tests.Shared;

/// <summary>
/// Shared by the Core and Web test projects (linked into both).
/// Builds import files as a user would fill in the template: headers in row 1, data from row 2.</summary>
internal sealed class ImportFileBuilder
{
    private readonly Dictionary<ImportSheet, List<string[]>> _rows = ImportLayout.Sheets.ToDictionary(s => s, _ => new List<string[]>());
    private readonly Dictionary<ImportSheet, string[]> _headers = ImportLayout.Sheets.ToDictionary(s => s, s => ImportLayout.Columns(s).Select(c => c.Header).ToArray());

    public ImportFileBuilder Unit(string code, string parent = "ROOT", string name = "示范单位", string kind = "党的机关", string level = "县处级", string largeOrMedium = "", string establishedOn = "") =>
        Row(ImportSheet.Units, code, name, kind, level, parent, largeOrMedium, establishedOn);

    public ImportFileBuilder Leader(string staffNumber, string unit, string name = "张明", string rank = "县处级", string partyMember = "是", string phone = "", string email = "") =>
        Row(ImportSheet.Leaders, staffNumber, name, rank, partyMember, phone, email, unit);

    public ImportFileBuilder Posting(string staffNumber, string unit, string role = "班子其他成员", string from = "2024-01-01", string to = "", string title = "副主任", string portfolio = "", string leadsSecrecyWork = "") =>
        Row(ImportSheet.Postings, staffNumber, unit, role, title, portfolio, from, to, leadsSecrecyWork);

    public ImportFileBuilder Row(ImportSheet sheet, params string[] cells)
    {
        _rows[sheet].Add(cells);
        return this;
    }

    public ImportFileBuilder Headers(ImportSheet sheet, params string[] headers)
    {
        _headers[sheet] = headers;
        return this;
    }

    public byte[] ToXlsx()
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in ImportLayout.Sheets.Where(s => _rows[s].Count > 0))
        {
            var headers = _headers[sheet];
            sheets[ImportLayout.SheetName(sheet)] = _rows[sheet]
                .Select(cells => headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => (object?)(x.i < cells.Length ? cells[x.i] : "")))
                .ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    public byte[] ToCsv(ImportSheet sheet)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', _headers[sheet]).Append("\r\n");
        foreach (var cells in _rows[sheet])
        {
            text.AppendJoin(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c)).Append("\r\n");
        }

        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
