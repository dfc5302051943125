using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>A printable document in the print layout (<c>_PrintLayout</c>): no navigation, a title, A4 on paper.</summary>
public class PrintPage(IPage page) : AppPage(page)
{
    public ILocator Title => Page.Locator("#doc-title");

    public ILocator Body => Page.Locator("body");

    /// <summary>Prints the page as Chromium would on paper: print media, A4, with backgrounds.</summary>
    public async Task<byte[]> PrintToPdfAsync()
    {
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        return await Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
    }
}
