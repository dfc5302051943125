using UglyToad.PdfPig;

namespace SecrecyDuty.Browser.Tests.Infrastructure;

/// <summary>A PDF that Chromium printed, read back with PdfPig: the size of each page and the text it holds.</summary>
public sealed class PrintedPdf
{
    // A4 is 210 × 297 mm: 595.28 × 841.89 points. Chromium rounds to whole CSS pixels (594.96 × 841.92).
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;
    private const double Tolerance = 2;

    private PrintedPdf(IReadOnlyList<(double Width, double Height)> pageSizes, string text)
    {
        PageSizes = pageSizes;
        Text = text;
    }

    public IReadOnlyList<(double Width, double Height)> PageSizes { get; }

    public int PageCount => PageSizes.Count;

    /// <summary>The text of all pages, as the PDF's fonts map their glyphs back to characters.</summary>
    public string Text { get; }

    /// <summary>Every page is A4 portrait.</summary>
    public bool IsA4 => PageSizes.All(p => Math.Abs(p.Width - A4Width) < Tolerance && Math.Abs(p.Height - A4Height) < Tolerance);

    public static PrintedPdf Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        return new PrintedPdf(
            [.. pages.Select(p => (p.Width, p.Height))],
            AsWritten(string.Concat(pages.Select(p => p.Text))));
    }

    /// <summary>
    /// The CJK fonts draw an ideograph and the radical of the same shape with one glyph, and Chromium's PDF maps that
    /// glyph back to the radical's code point (⼲ U+2F32 for 干, ⻅ U+2EC5 for 见). NFKC turns the Kangxi radicals back
    /// into ideographs; the simplified radicals of the supplement block have no such mapping and are listed here.
    /// </summary>
    private static string AsWritten(string text) =>
        string.Concat(text.Normalize(System.Text.NormalizationForm.FormKC).Select(c => SimplifiedRadicals.GetValueOrDefault(c, c)));

    private static readonly Dictionary<char, char> SimplifiedRadicals = new()
    {
        ['\u2EC4'] = '西',
        ['\u2EC5'] = '见',
        ['\u2EC6'] = '角',
        ['\u2EC8'] = '讠',
        ['\u2EC9'] = '贝',
        ['\u2ECB'] = '车',
        ['\u2ED0'] = '钅',
        ['\u2ED3'] = '长',
        ['\u2ED4'] = '门',
        ['\u2ED8'] = '青',
        ['\u2EDA'] = '页',
        ['\u2EDB'] = '风',
        ['\u2EDC'] = '飞',
        ['\u2EDD'] = '食',
        ['\u2EE2'] = '马',
        ['\u2EE3'] = '骨',
        ['\u2EE4'] = '鬼',
        ['\u2EE5'] = '鱼',
        ['\u2EE8'] = '麦',
        ['\u2EE9'] = '黄',
        ['\u2EEC'] = '齐',
        ['\u2EEE'] = '齿',
        ['\u2EF0'] = '龙',
    };

    /// <summary>
    /// What a printed document must be: a PDF, every page A4, a sensible number of pages, and each of
    /// <paramref name="expectedText"/> in its text (Chinese stays text, not empty boxes or images).
    /// </summary>
    public static PrintedPdf AssertDocument(byte[] pdf, int maxPages, params string[] expectedText)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(expectedText);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var printed = Read(pdf);
        Assert.InRange(printed.PageCount, 1, maxPages);
        Assert.True(printed.IsA4, "every page is A4: " + string.Join(", ", printed.PageSizes.Select(p => $"{p.Width:0.##}×{p.Height:0.##}")));
        foreach (var text in expectedText)
        {
            Assert.Contains(text, printed.Text, StringComparison.Ordinal);
        }

        return printed;
    }
}
