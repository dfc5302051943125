using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;
using SecrecyDuty.Data;

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
        await (await LoginPage.OpenAsync(page)).SignInAsync("officer");

        var year = DateTime.Now.Year;
        var print = await AppraisalPrintPage.OpenAsync(page, leaderId, year);
        await Assertions.Expect(print.Title).ToContainTextAsync($"{year}年度");
        await Assertions.Expect(print.Body).ToContainTextAsync("张教");
        await Assertions.Expect(print.NavigationBar).ToHaveCountAsync(0);
        await print.ScreenshotAsync("30-appraisal-print");

        var pdf = await print.PrintToPdfAsync();
        PrintedPdf.AssertDocument(pdf, maxPages: 6, $"{year}年度领导干部履行保密工作责任制情况考核表", "张教");
        await BrowserApp.SaveArtifactAsync("30-appraisal-print.pdf", pdf);
    }
}
