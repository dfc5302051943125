using System.IO.Compression;
using System.Text;
using SecrecyDuty.Core.Activities;
namespace SecrecyDuty.Core.Tests.Activities;

/// <summary>Evidence is recognized by its content (signatures, and the entries of the ZIP-based formats), never by its name alone.</summary>
public sealed class EvidenceFileTypesTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }

    public static TheoryData<string, byte[], string?> Contents => new()
    {
        { "PDF", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), "application/pdf" },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png" },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46], "image/jpeg" },
        { "DOCX", Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "OFD", Zip("OFD.xml", "Doc_0/Document.xml"), "application/ofd" },
        { "a ZIP that is neither", Zip("readme.txt"), null },
        { "XLSX (a ZIP of another kind)", Zip("[Content_Types].xml", "xl/workbook.xml"), null },
        { "a broken ZIP", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], null },
        { "text", Encoding.UTF8.GetBytes("会议纪要：……"), null },
        { "a Windows program", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], null },
        { "PDF signature not at the start", Encoding.ASCII.GetBytes(" %PDF-1.7"), null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void The_type_comes_from_the_content(string what, byte[] content, string? contentType)
    {
        Assert.False(string.IsNullOrEmpty(what));
        Assert.Equal(contentType, EvidenceFileTypes.Detect(content)?.ContentType);
    }

    [Theory]
    [InlineData("纪要.pdf", true)]
    [InlineData("纪要.PDF", true)]
    [InlineData("纪要.docx", false)]
    [InlineData("纪要", false)]
    [InlineData("纪要.pdf.exe", false)]
    public void A_PDF_name_must_end_in_pdf(string name, bool matches) =>
        Assert.Equal(matches, EvidenceFileTypes.ExtensionMatches(EvidenceFileTypes.Pdf, name));

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("photo.jpeg")]
    [InlineData("photo.JPG")]
    public void A_JPEG_may_end_in_jpg_or_jpeg(string name) =>
        Assert.True(EvidenceFileTypes.ExtensionMatches(EvidenceFileTypes.Jpeg, name));

    [Fact]
    public void The_size_limit_is_10_MB() => Assert.Equal(10 * 1024 * 1024, EvidenceFileTypes.MaxSize);
}
