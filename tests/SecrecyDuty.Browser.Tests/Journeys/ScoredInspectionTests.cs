using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Data;
using static Microsoft.Playwright.Assertions;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// Issue 8, in Chinese over the demo province: the city secrecy officer scores the inspection in progress of
/// 青山精密仪器研究所 against the shipped checklist template and turns the deduction into a finding with one click.
/// </summary>
public sealed class ScoredInspectionTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_secrecy_officer_scores_an_inspection_and_turns_the_deduction_into_a_finding()
    {
        int inspectionId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            inspectionId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Inspections
                .Where(i => i.Unit!.Code == "SF-QS-YQS" && i.Status == InspectionStatus.InProgress)
                .Select(i => i.Id)
                .SingleAsync();
        }

        var page = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("qs.officer");
        var sheet = await ScoreSheetPage.OpenAsync(page, inspectionId);
        await sheet.StartAsync();

        // S6.8: one classified computer without technical protection costs 2 of 100 points.
        await sheet.RecordDefectsAsync("2.8", 1, "一台涉密计算机未安装防护软件");
        await sheet.SaveAsync();
        await Expect(sheet.Percentage).ToHaveTextAsync("98.0 %");
        await Expect(sheet.Grade).ToHaveTextAsync("符合要求");
        await sheet.ScreenshotAsync("49-score-sheet");

        var details = await sheet.DraftFindingsAsync();
        await Expect(details.StatusMessage).ToContainTextAsync("已根据扣分项生成 1 个问题");
        await Expect(details.Main).ToContainTextAsync("一台涉密计算机未安装防护软件");
        await details.ScreenshotAsync("50-findings-from-deductions");
    }
}
