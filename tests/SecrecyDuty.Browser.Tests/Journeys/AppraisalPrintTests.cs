using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>Issue 4: the appraisal print view of a demo leader, printed to an A4 PDF by Chromium.</summary>
public sealed class AppraisalPrintTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task The_appraisal_of_a_demo_leader_prints_as_an_A4_document_in_Chinese()
    {
        int leaderId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            leaderId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Leaders
                .Where(l => l.Name == "张教").Select(l => l.Id).SingleAsync();
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_UserName").FillAsync("officer");
        await page.Locator("#Input_Password").FillAsync(DemoProvinceSeeder.DemoPassword);
        await page.Locator("#sign-in").ClickAsync();

        var year = DateTime.Now.Year;
        await page.GotoAsync($"/Appraisals/Leader/{leaderId}/Print?year={year}");
        await Assertions.Expect(page.Locator("#doc-title")).ToContainTextAsync($"{year}年度");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("张教");
        await Assertions.Expect(page.Locator("nav.navbar")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "30-appraisal-print");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000, "the PDF has content");
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        await BrowserApp.SaveArtifactAsync("30-appraisal-print.pdf", pdf);
    }
}
