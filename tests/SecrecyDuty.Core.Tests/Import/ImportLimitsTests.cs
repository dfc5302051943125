using System.IO.Compression;
using System.Text;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Tests.Shared;

namespace SecrecyDuty.Core.Tests.Import;

/// <summary>
/// Issue 14, finding 4: a file too large to import is refused while it is read, before it grows in memory: too many rows,
/// a cell longer than any column holds, a workbook that unpacks to more than it may.
/// </summary>
public sealed class ImportLimitsTests
{
    private static readonly PassThroughLocalizer L = new();

    private static ImportFileBuilder Units(int count)
    {
        var file = new ImportFileBuilder();
        for (var i = 0; i < count; i++)
        {
            file.Unit($"U{i:D4}");
        }

        return file;
    }

    [Fact]
    public void A_workbook_with_more_rows_than_allowed_is_refused_as_a_whole()
    {
        var workbook = ImportFileReader.Read(Units(6).ToXlsx(), ImportFileFormat.Xlsx, null, L, limits: new ImportLimits { MaxRows = 5 });

        Assert.Empty(workbook.Tables);
        var error = Assert.Single(workbook.Errors);
        Assert.Null(error.Row);
        Assert.Equal("The file has more than 5 rows. Split it into files of at most 5 rows and import them one after the other.", error.Reason);
    }

    [Fact]
    public void The_row_limit_counts_the_rows_of_every_sheet_together()
    {
        var file = Units(3).Leader("L1", "U0000").Leader("L2", "U0000").Leader("L3", "U0000");

        Assert.Single(ImportFileReader.Read(file.ToXlsx(), ImportFileFormat.Xlsx, null, L, limits: new ImportLimits { MaxRows = 5 }).Errors);
        Assert.Empty(ImportFileReader.Read(file.ToXlsx(), ImportFileFormat.Xlsx, null, L, limits: new ImportLimits { MaxRows = 6 }).Errors);
    }

    [Fact]
    public void A_CSV_file_with_more_rows_than_allowed_is_refused_without_reading_past_the_limit()
    {
        var csv = new StringBuilder("单位代码,单位名称,单位类别,行政级别,上级单位代码\r\n");
        for (var i = 0; i < 50; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"U{i},甲,党的机关,县处级,ROOT\r\n");
        }

        var rowsRead = 0;
        var workbook = ImportFileReader.Read(Encoding.UTF8.GetBytes(csv.ToString()), ImportFileFormat.Csv, ImportSheet.Units, L, n => rowsRead = n, new ImportLimits { MaxRows = 10 });

        Assert.Empty(workbook.Tables);
        Assert.Contains("more than 10 rows", Assert.Single(workbook.Errors).Reason, StringComparison.Ordinal);
        Assert.True(rowsRead <= 10);
    }

    [Fact]
    public void A_cell_longer_than_allowed_is_reported_on_its_row_and_column_and_its_row_is_not_kept()
    {
        var file = new ImportFileBuilder().Unit("A", name: new string('甲', 1001)).Unit("B").ToXlsx();

        var workbook = ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L);

        var error = Assert.Single(workbook.Errors);
        Assert.Equal((ImportSheet.Units, 2, "单位名称"), (error.Sheet!.Value, error.Row!.Value, error.Column));
        Assert.Equal("The cell holds more than 1000 characters. Enter the value as the template asks.", error.Reason);
        Assert.Equal(["B"], Assert.Single(workbook.Tables).Rows.Select(r => r[ImportLayout.Keys.Code]));
    }

    [Fact]
    public void A_cell_of_exactly_the_limit_is_read()
    {
        var file = new ImportFileBuilder().Unit("A", name: new string('甲', 1000)).ToXlsx();

        Assert.Empty(ImportFileReader.Read(file, ImportFileFormat.Xlsx, null, L).Errors);
    }

    [Fact]
    public void A_workbook_that_unpacks_to_more_than_allowed_is_refused_before_it_is_unpacked()
    {
        // A small file holding one highly compressible part of 3 MB, as a "zip bomb" would.
        using var packed = new MemoryStream();
        using (var zip = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            part.Write(new byte[3 * 1024 * 1024]);
        }

        var workbook = ImportFileReader.Read(packed.ToArray(), ImportFileFormat.Xlsx, null, L, limits: new ImportLimits { MaxUnpackedBytes = 2 * 1024 * 1024 });

        Assert.True(packed.Length < 100 * 1024);
        Assert.Empty(workbook.Tables);
        Assert.Equal("The workbook unpacks to more than 2 MB. Split it into smaller files.", Assert.Single(workbook.Errors).Reason);
    }

    [Fact]
    public void A_workbook_whose_parts_claim_less_than_they_hold_fails_to_read_instead_of_growing()
    {
        // The same bomb with its sizes forged small in both headers: .NET's reader stops at the stated size.
        using var packed = new MemoryStream();
        using (var zip = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/workbook.xml", CompressionLevel.SmallestSize).Open();
            part.Write(new byte[3 * 1024 * 1024]);
        }

        var bytes = packed.ToArray();
        ForgeUncompressedSizes(bytes, 100);

        var workbook = ImportFileReader.Read(bytes, ImportFileFormat.Xlsx, null, L, limits: new ImportLimits { MaxUnpackedBytes = 2 * 1024 * 1024 });

        Assert.Empty(workbook.Tables);
        Assert.Equal("The file could not be read. Save it from the template as XLSX, or as CSV in UTF-8, and try again.", Assert.Single(workbook.Errors).Reason);
    }

    /// <summary>Writes <paramref name="size"/> as the uncompressed size of every local and central header of a ZIP file.</summary>
    private static void ForgeUncompressedSizes(byte[] zip, uint size)
    {
        for (var i = 0; i + 4 <= zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            var offset = signature switch
            {
                0x04034b50 => 22, // local file header
                0x02014b50 => 24, // central directory header
                _ => -1,
            };
            if (offset > 0 && i + offset + 4 <= zip.Length)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + offset, 4), size);
            }
        }
    }
}
