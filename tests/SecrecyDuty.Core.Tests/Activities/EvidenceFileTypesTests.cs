using System.IO.Compression;
using System.Text;
using SecrecyDuty.Core.Activities;
namespace SecrecyDuty.Core.Tests.Activities;

/// <summary>Evidence is recognized by its content (signatures, the entries of the ZIP-based formats, the decoding of text), never by its name alone.</summary>
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
        { "XLSX", Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "DOCM (a DOCX with macros)", Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), null },
        { "XLSM (an XLSX with macros)", Zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"), null },
        { "a broken ZIP", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], null },
        { "UTF-8 text", Encoding.UTF8.GetBytes("会议纪要：……\r\n\t第二行"), "text/plain; charset=utf-8" },
        { "UTF-8 text with a byte-order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("纪要")], "text/plain; charset=utf-8" },
        { "text that is not UTF-8 (GB 18030)", [0xBB, 0xE1, 0xD2, 0xE9, 0xBC, 0xCD, 0xD2, 0xAA, 0xFF], null },
        { "text with a NUL", Encoding.UTF8.GetBytes("纪要\0"), null },
        { "text with a right-to-left override", Encoding.UTF8.GetBytes("纪要\u202Etxt.exe"), null },
        { "HTML", Encoding.UTF8.GetBytes("<!DOCTYPE html><p>纪要</p>"), null },
        { "HTML after blank lines", Encoding.UTF8.GetBytes("\n\n  <p onclick=alert(1)>纪要</p>"), null },
        { "SVG", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), null },
        { "a script inside text", Encoding.UTF8.GetBytes("纪要 <script>alert(1)</script>"), null },
        { "a Windows program", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], null },
        { "PDF signature not at the start: text, not a PDF", Encoding.ASCII.GetBytes(" %PDF-1.7"), "text/plain; charset=utf-8" },
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
