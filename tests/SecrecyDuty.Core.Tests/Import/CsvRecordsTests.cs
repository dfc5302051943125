using System.Text;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Core.Tests.Import;

/// <summary>CSV records are the rows a spreadsheet shows, so that reported row numbers match.</summary>
public sealed class CsvRecordsTests
{
    [Fact]
    public void An_empty_line_is_an_empty_row()
    {
        var rows = CsvRecords.Parse("a,b\r\n\r\nc,d\r\n").ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b"], rows[0]);
        Assert.Equal([""], rows[1]);
        Assert.Equal(["c", "d"], rows[2]);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var rows = CsvRecords.Parse("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext").ToList();

        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], rows[0]);
        Assert.Equal(["next"], rows[1]);
    }

    [Fact]
    public void Unix_and_old_Mac_line_breaks_end_rows_too() =>
        Assert.Equal(3, CsvRecords.Parse("a\nb\rc").Count());

    [Fact]
    public void The_UTF8_byte_order_mark_is_not_part_of_the_first_header()
    {
        byte[] content = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("单位代码,单位名称")];

        Assert.Equal("单位代码", CsvRecords.Parse(CsvRecords.Decode(content)).First()[0]);
    }

    [Fact]
    public void A_file_saved_by_Chinese_Excel_in_GB18030_is_read_too()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

        Assert.Equal("单位代码,单位名称", CsvRecords.Decode(gb18030.GetBytes("单位代码,单位名称")));
    }
}
