using System.IO.Compression;
using System.Text;

namespace SecrecyDuty.Core.Activities;

/// <summary>A kind of file accepted as evidence: the content type it is stored and served with, and the extensions its name may have.</summary>
public sealed record EvidenceFileType(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// The evidence an activity may carry: PDF, PNG and JPEG images, DOCX and XLSX, OFD (the national standard for
/// fixed-layout documents, GB/T 33190) and plain UTF-8 text. The type is recognized from the content (its signature,
/// for the ZIP-based formats the entries that define them, for text its decoding), never from the name alone; the
/// name's extension must then agree with it, so that what a person downloads opens as what it claims to be. Office
/// files with macros, programs, and markup (HTML, SVG, XML: what a browser would run) are none of these.
/// </summary>
public static class EvidenceFileTypes
{
    /// <summary>The largest evidence file accepted: 10 MB. Stored in the database (docs/operations.md, backups).</summary>
    public const long MaxSize = 10 * 1024 * 1024;

    /// <summary>The most files one upload takes: with <see cref="MaxSize"/>, it bounds a request to about 50 MB.</summary>
    public const int MaxFilesPerUpload = 5;

    /// <summary>The longest file name kept (the column's length).</summary>
    public const int MaxFileNameLength = 255;

    public static readonly EvidenceFileType Pdf = new("PDF", "application/pdf", [".pdf"]);

    public static readonly EvidenceFileType Png = new("PNG", "image/png", [".png"]);

    public static readonly EvidenceFileType Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);

    public static readonly EvidenceFileType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);

    public static readonly EvidenceFileType Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);

    public static readonly EvidenceFileType Ofd = new("OFD", "application/ofd", [".ofd"]);

    /// <summary>Served with its charset, so that no browser guesses another (and with nosniff, never as HTML).</summary>
    public static readonly EvidenceFileType Text = new("TXT", "text/plain; charset=utf-8", [".txt"]);

    public static IReadOnlyList<EvidenceFileType> All { get; } = [Pdf, Png, Jpeg, Docx, Xlsx, Ofd, Text];

    /// <summary>For a file input's <c>accept</c> attribute: a hint to the browser only, the content decides.</summary>
    public static string AcceptAttribute { get; } = string.Join(",", All.SelectMany(t => t.Extensions));

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Text that holds any of these is markup a browser would interpret, not a plain note.</summary>
    private static readonly string[] Markup = ["<script", "<html", "<svg", "<!doctype", "<iframe", "<object", "<embed", "<?xml", "javascript:"];

    /// <summary>The type of <paramref name="content"/>, or null when it is none of the accepted ones.</summary>
    public static EvidenceFileType? Detect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var span = content.AsSpan();
        if (span.StartsWith(PdfSignature))
        {
            return Pdf;
        }

        if (span.StartsWith(PngSignature))
        {
            return Png;
        }

        if (span.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        return span.StartsWith(ZipSignature) ? DetectZipBased(content) : DetectText(content);
    }

    /// <summary>The content type a stored file is served with: its own when it is one of <see cref="All"/>, else an opaque one.</summary>
    public static string ServedContentType(string? stored) =>
        All.Any(t => string.Equals(t.ContentType, stored, StringComparison.OrdinalIgnoreCase)) ? stored! : "application/octet-stream";

    /// <summary>Whether <paramref name="fileName"/> ends in one of the type's extensions (any case).</summary>
    public static bool ExtensionMatches(EvidenceFileType type, string fileName)
    {
        ArgumentNullException.ThrowIfNull(type);
        var extension = Path.GetExtension(fileName);
        return type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// DOCX and XLSX: a ZIP package with <c>[Content_Types].xml</c> and <c>word/document.xml</c> or <c>xl/workbook.xml</c>
    /// (ECMA-376), without a VBA project (a macro-enabled .docm or .xlsm renamed); OFD: a ZIP package with
    /// <c>OFD.xml</c> at its root (GB/T 33190). Only the central directory is read, nothing is inflated, so a
    /// compressed bomb costs nothing.
    /// </summary>
    private static EvidenceFileType? DetectZipBased(byte[] content)
    {
        HashSet<string> entries;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            entries = [.. zip.Entries.Select(e => e.FullName.Replace('\\', '/'))];
        }
        catch (InvalidDataException)
        {
            return null;
        }

        if (entries.Any(e => e.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (entries.Contains("[Content_Types].xml") && entries.Contains("word/document.xml"))
        {
            return Docx;
        }

        if (entries.Contains("[Content_Types].xml") && entries.Contains("xl/workbook.xml"))
        {
            return Xlsx;
        }

        return entries.Contains("OFD.xml") ? Ofd : null;
    }

    /// <summary>
    /// Plain text: valid UTF-8 (a byte-order mark allowed), no control character but tab and line breaks, and no markup
    /// (HTML, SVG, XML, a script URL), which a browser that ignored the served type could run.
    /// </summary>
    private static EvidenceFileType? DetectText(byte[] content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        text = text.TrimStart('\uFEFF');
        if (text.Length == 0 || text.Any(c => Common.Text.IsUnsafe(c, keepLineBreaks: true) && c != '\f'))
        {
            return null;
        }

        return text.TrimStart().StartsWith('<') || Markup.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)) ? null : Text;
    }
}
