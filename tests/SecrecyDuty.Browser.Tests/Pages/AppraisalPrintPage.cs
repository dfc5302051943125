using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The print view of a leader's appraisal for a year (<c>/Appraisals/Leader/{id}/Print</c>): no navigation, A4.</summary>
public sealed class AppraisalPrintPage(IPage page) : AppPage(page)
{
    public static async Task<AppraisalPrintPage> OpenAsync(IPage page, int leaderId, int year)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Appraisals/Leader/{leaderId}/Print?year={year}");
        return new AppraisalPrintPage(page);
    }

    public ILocator Title => Page.Locator("#doc-title");

    public ILocator Body => Page.Locator("body");

    /// <summary>Prints the page as Chromium would on paper: print media, A4, with backgrounds.</summary>
    public async Task<byte[]> PrintToPdfAsync()
    {
        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        return await Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
    }
}
