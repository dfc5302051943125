using System.Text;
using MiniExcelLibs;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Tests.Shared;

namespace SecrecyDuty.Core.Tests.Import;

/// <summary>Reading a workbook or CSV file into rows numbered as the spreadsheet shows them.</summary>
public sealed class ImportFileReaderTests
{
    private static readonly PassThroughLocalizer L = new();

    private static byte[] Workbook(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    [Fact]
    public void Rows_keep_the_numbers_Excel_shows_across_blank_rows()
    {
        var file = new ImportFileBuilder()
            .Unit("A")
            .Row(Core.Import.ImportSheet.Units, "", "", "", "", "")
            .Unit("B")
            .ToXlsx();

        var table = Assert.Single(ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L).Tables);

        Assert.Equal([2, 4], table.Rows.Select(r => r.Number));
        Assert.Equal("B", table.Rows[1][ImportLayout.Keys.Code]);
    }

    [Fact]
    public void Csv_rows_keep_their_numbers_across_blank_lines()
    {
        var csv = "\uFEFF单位代码,单位名称,单位类别,行政级别,上级单位代码\r\nA,甲,党的机关,县处级,ROOT\r\n\r\nB,乙,党的机关,县处级,ROOT\r\n";

        var table = Assert.Single(ImportFileReader.Read(Encoding.UTF8.GetBytes(csv), ImportFileFormat.Csv, ImportSheet.Units, L).Tables);

        Assert.Equal([2, 4], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void A_row_whose_first_cell_starts_with_the_example_marker_is_skipped()
    {
        var file = new ImportFileBuilder().Unit("示例：SF-BGT").Unit("A").ToXlsx();

        var table = Assert.Single(ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L).Tables);

        Assert.Equal(["A"], table.Rows.Select(r => r[ImportLayout.Keys.Code]));
    }

    [Fact]
    public void English_headers_and_sheet_names_are_accepted()
    {
        var file = Workbook(new Dictionary<string, object>
        {
            ["Units"] = new[] { new Dictionary<string, object?> { ["Code"] = "A", ["NAME"] = "甲", ["Kind"] = "PartyOrgan", ["Level"] = "County", ["Parent code"] = "ROOT" } },
        });

        var table = Assert.Single(ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L).Tables);

        Assert.Equal(ImportSheet.Units, table.Sheet);
        Assert.Equal("甲", table.Rows[0][ImportLayout.Keys.Name]);
        Assert.Equal("NAME", table.HeaderOf(ImportLayout.Keys.Name));
    }

    [Fact]
    public void An_Excel_date_cell_and_a_number_cell_are_read_as_text()
    {
        var file = Workbook(new Dictionary<string, object>
        {
            ["任职"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["人员编号"] = 1001, ["任职单位代码"] = "A", ["职务角色"] = "主要领导", ["职务名称"] = "主任", ["任职起始日期"] = new DateTime(2024, 3, 5),
                },
            },
        });

        var row = Assert.Single(Assert.Single(ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L).Tables).Rows);

        Assert.Equal("1001", row[ImportLayout.Keys.StaffNumber]);
        Assert.Equal("2024-03-05", row[ImportLayout.Keys.From]);
    }

    [Fact]
    public void A_missing_required_column_is_reported_on_the_header_row()
    {
        var file = new ImportFileBuilder()
            .Headers(ImportSheet.Units, "单位代码", "单位名称", "单位类别", "行政级别")
            .Unit("A")
            .ToXlsx();

        var error = Assert.Single(ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L).Errors);

        Assert.Equal((ImportSheet.Units, 1, "上级单位代码"), (error.Sheet!.Value, error.Row!.Value, error.Column));
        Assert.Contains("Add the column 上级单位代码", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_optional_column_is_no_problem()
    {
        var file = new ImportFileBuilder()
            .Headers(ImportSheet.Leaders, "人员编号", "姓名", "职级", "是否中共党员", "所在单位代码")
            .Row(ImportSheet.Leaders, "L1", "张明", "县处级", "是", "A")
            .ToXlsx();

        var workbook = ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L);

        Assert.Empty(workbook.Errors);
        Assert.Equal("A", Assert.Single(Assert.Single(workbook.Tables).Rows)[ImportLayout.Keys.UnitCode]);
    }

    [Fact]
    public void Other_sheets_of_a_workbook_are_ignored()
    {
        var file = Workbook(new Dictionary<string, object>
        {
            ["说明"] = new[] { new Dictionary<string, object?> { ["x"] = "notes" } },
            ["单位"] = new[] { new Dictionary<string, object?> { ["单位代码"] = "A", ["单位名称"] = "甲", ["单位类别"] = "党的机关", ["行政级别"] = "县处级", ["上级单位代码"] = "ROOT" } },
        });

        var workbook = ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L);

        Assert.Empty(workbook.Errors);
        Assert.Equal(ImportSheet.Units, Assert.Single(workbook.Tables).Sheet);
    }

    [Fact]
    public void A_workbook_without_any_template_sheet_is_reported()
    {
        var file = Workbook(new Dictionary<string, object> { ["Sheet1"] = new[] { new Dictionary<string, object?> { ["x"] = "1" } } });

        var error = Assert.Single(ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L).Errors);

        Assert.Null(error.Row);
        Assert.Contains("none of the sheets", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_reported_not_thrown()
    {
        var error = Assert.Single(ImportFileReader.Read(Encoding.UTF8.GetBytes("not a workbook"), ImportFileFormat.Xlsx, null, L).Errors);

        Assert.Contains("could not be read", error.Reason, StringComparison.Ordinal);
    }
}
