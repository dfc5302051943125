using System.Text;
using MiniExcelLibs;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Tests.Shared;

namespace SecrecyDuty.Core.Tests.Import;

/// <summary>The templates carry the headers the reader expects and an example row it skips.</summary>
public sealed class ImportTemplatesTests
{
    private static readonly PassThroughLocalizer L = new();

    [Fact]
    public void The_workbook_has_the_three_sheets_with_their_Chinese_headers()
    {
        using var stream = new MemoryStream(ImportTemplates.Xlsx().Content);

        Assert.Equal(["单位", "领导干部", "任职"], MiniExcel.GetSheetNames(stream));
        foreach (var sheet in ImportLayout.Sheets)
        {
            stream.Position = 0;
            var header = (IDictionary<string, object?>)stream.Query(useHeaderRow: false, sheetName: ImportLayout.SheetName(sheet)).First();
            Assert.Equal(ImportLayout.Columns(sheet).Select(c => c.Header), header.Values.Select(v => (string?)v));
        }
    }

    [Fact]
    public void The_workbook_template_reads_as_no_rows_and_no_problems()
    {
        var workbook = ImportFileReader.Read(ImportTemplates.Xlsx().Content, ImportFileFormat.Xlsx, null, L);

        Assert.Empty(workbook.Errors);
        Assert.Equal(3, workbook.Tables.Count);
        Assert.All(workbook.Tables, t => Assert.Empty(t.Rows));
    }

    [Fact]
    public void The_example_rows_are_valid_once_their_marker_is_removed()
    {
        var file = new ImportFileBuilder();
        foreach (var sheet in ImportLayout.Sheets)
        {
            file.Row(sheet, [.. ImportLayout.Columns(sheet).Select(c => c.Example)]);
        }

        var batch = ImportBatch.Parse(ImportFileReader.Read(file.ToXlsx(), ImportFileFormat.Xlsx, null, L), L, new DateOnly(2026, 11, 27));

        Assert.Empty(batch.Errors);
        Assert.Equal(new ImportCounts(1, 1, 1), batch.Counts);
    }

    [Theory]
    [InlineData(ImportSheet.Units, "单位代码,单位名称,单位类别,行政级别,上级单位代码,是否国有大中型企业,成立日期")]
    [InlineData(ImportSheet.Leaders, "人员编号,姓名,职级,是否中共党员,联系电话,电子邮箱,所在单位代码")]
    [InlineData(ImportSheet.Postings, "人员编号,任职单位代码,职务角色,职务名称,分管业务,任职起始日期,任职终止日期,是否兼分管保密工作")]
    public void Each_CSV_template_is_UTF8_with_a_byte_order_mark_and_the_headers(ImportSheet sheet, string headers)
    {
        var file = ImportTemplates.Csv(sheet);

        Assert.True(file.Content.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var lines = Encoding.UTF8.GetString(file.Content.AsSpan(3)).Split("\r\n");
        Assert.Equal(headers, lines[0]);
        Assert.StartsWith(ImportLayout.ExamplePrefix, lines[1], StringComparison.Ordinal);
    }
}
