using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The print view of a leader's appraisal for a year (<c>/Appraisals/Leader/{id}/Print</c>): no navigation, A4.</summary>
public sealed class AppraisalPrintPage(IPage page) : PrintPage(page)
{
    public static async Task<AppraisalPrintPage> OpenAsync(IPage page, int leaderId, int year)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Appraisals/Leader/{leaderId}/Print?year={year}");
        return new AppraisalPrintPage(page);
    }
}
