using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Data;
using static Microsoft.Playwright.Assertions;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// Journey 2 (docs/domain.md), in Chinese over the demo province: a secrecy officer logs an inspection of a unit (art. 8),
/// records a D15.5 finding against the posting the form suggests, orders it rectified by a deadline (art. 15); the
/// unit's leader reports the rectification and the officer verifies it. Overdue orders stand out on the dashboard, and
/// the inspection opinion prints as an A4 document.
/// </summary>
public sealed class InspectionJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_secrecy_officer_inspects_a_unit_orders_a_D15_5_finding_rectified_by_a_deadline_and_verifies_the_report_of_the_units_leader()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var officer = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(officer)).SignInAsync("officer");

        // Plan: the provincial secrecy bureau, the secrecy department at the same level, inspects 示范省教育厅 (art. 8).
        // Both units are found by typing part of their names.
        var plan = await InspectionPlanForm.OpenCreateAsync(officer);
        await plan.ChooseUnitAsync("教育厅", "示范省教育厅");
        await plan.ChooseBodyAsync("SecrecyDepartment", "保密局", "示范省国家保密局");
        await plan.FillScopeAsync($"{today.Year}年度领导干部保密工作责任制落实情况");
        await plan.FillMethodAsync("听取保密工作情况汇报，查阅保密制度和台账，抽查涉密计算机");
        await Expect(plan.Inspectors).ToHaveCountAsync(1);
        await plan.ScreenshotAsync("40-inspection-plan");
        var inspection = await plan.PlanAsync();
        await Expect(inspection.Status).ToHaveAttributeAsync("data-status", "Planned");
        var inspectionId = inspection.InspectionId;
        var unitId = await inspection.UnitIdAsync();

        await inspection.StartAsync();
        await Expect(inspection.Status).ToHaveAttributeAsync("data-status", "InProgress");

        // A D15.5 finding: the form suggests the leader in charge of secrecy work (S6.8), and ticks that posting alone.
        var finding = await inspection.AddFindingAsync();
        await finding.ChooseDeficiencyAsync("D15.5");
        await finding.ShowSuggestionAsync();
        await Expect(finding.SuggestedPostings).ToHaveCountAsync(1);
        await Expect(finding.SuggestedPostings).ToContainTextAsync("分管保密工作的领导");
        await Expect(finding.TickedPostings).ToHaveCountAsync(1);
        await Expect(finding.SuggestedAndTicked).ToHaveCountAsync(1);
        var responsible = await finding.SuggestedLeaderAsync();
        await finding.FillAsync("两台涉密计算机未安装安全保密防护软件", "现场抽查涉密计算机6台", severity: "Serious");
        await finding.ScreenshotAsync("41-inspection-finding-suggested-posting");
        inspection = await finding.SaveAsync();
        await Expect(inspection.FindingPostings("D15.5")).ToContainTextAsync(responsible);

        // Rectification by a deadline (art. 15).
        var orderForm = await inspection.OrderRectificationAsync("D15.5");
        var deadline = today.AddDays(30);
        await orderForm.FillAsync("为全部涉密计算机安装安全保密防护软件，清查移动存储介质并登记造册", deadline);
        await orderForm.ScreenshotAsync("42-rectification-order-issue");
        var order = await orderForm.IssueAsync();
        var orderId = order.OrderId;
        await Expect(order.Status).ToHaveAttributeAsync("data-status", "Open");
        await Expect(order.Status).ToHaveAttributeAsync("data-overdue", "false");
        await Expect(order.Deadline).ToContainTextAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(order.VerifyForm).ToHaveCountAsync(0);

        // The inspection ends with its conclusion; the unit's rectification goes on.
        inspection = await InspectionDetailsPage.OpenAsync(officer, inspectionId);
        await inspection.CompleteAsync("教育厅保密工作责任制总体落实；涉密计算机技术防护存在薄弱环节，已责令限期整改。");
        await Expect(inspection.Status).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(inspection.OrderBadge("D15.5")).ToHaveAttributeAsync("data-status", "Open");
        await inspection.ScreenshotAsync("43-inspection-completed");

        // The unit's leader finds the order on the unit's inspections tab and reports what the unit did.
        var leader = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(leader)).SignInAsync("leader");
        var unitTab = await UnitInspectionsPage.OpenAsync(leader, unitId);
        await Expect(unitTab.OrderBadge(orderId)).ToHaveAttributeAsync("data-status", "Open");
        await unitTab.ScreenshotAsync("44-leader-unit-open-order");
        var leaderOrder = await unitTab.OpenOrderAsync(orderId);
        await Expect(leaderOrder.VerifyForm).ToHaveCountAsync(0);
        await leaderOrder.ReportAsync("已为全部涉密计算机安装安全保密防护软件；移动存储介质已清查并登记造册");
        await Expect(leaderOrder.Status).ToHaveAttributeAsync("data-status", "Reported");
        await Expect(leaderOrder.Report).ToHaveTextAsync("已为全部涉密计算机安装安全保密防护软件；移动存储介质已清查并登记造册");
        await leaderOrder.ScreenshotAsync("45-leader-reports-rectification");

        // The officer verifies it: the order is closed, and its history shows each step with who took it.
        order = await RectificationOrderPage.OpenAsync(officer, orderId);
        await Expect(order.Status).ToHaveAttributeAsync("data-status", "Reported");
        await order.VerifyAsync();
        await Expect(order.Status).ToHaveAttributeAsync("data-status", "Verified");
        await Expect(order.ReportForm).ToHaveCountAsync(0);
        await Expect(order.VerifyForm).ToHaveCountAsync(0);
        await Expect(order.History).ToHaveCountAsync(3);
        Assert.Equal(["Issue", "Report", "Verify"], await order.History.EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.action)"));
        await Expect(order.History.Nth(0)).ToContainTextAsync("officer");
        await Expect(order.History.Nth(1)).ToContainTextAsync("leader");
        await Expect(order.History.Nth(2)).ToContainTextAsync("officer");
        await order.ScreenshotAsync("46-officer-verifies-rectification");

        // Nothing is left open for the unit.
        unitTab = await UnitInspectionsPage.OpenAsync(leader, unitId);
        await Expect(unitTab.NoOpenOrders).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task An_overdue_rectification_order_stands_out_on_the_secrecy_officers_dashboard()
    {
        var page = await app.NewPageAsync();
        var home = await (await LoginPage.OpenAsync(page)).SignInAsync("officer");

        // The demo's 示范省教育考试院 has not reported its D15.4 rectification by the deadline.
        await Expect(home.RectificationWork).ToHaveClassAsync(new Regex(@"\bborder-danger\b"));
        var overdue = home.OverdueOrders.Filter(new LocatorFilterOptions { HasText = "示范省教育考试院" });
        await Expect(overdue).ToHaveCountAsync(1);
        await Expect(overdue).ToContainTextAsync("D15.4");
        await Expect(overdue.Locator(".badge.text-bg-danger")).ToHaveTextAsync(new Regex(@"^已逾期 \d+ 天$"));
        await home.ScreenshotAsync("47-dashboard-overdue-order");

        var order = await home.OpenOverdueOrderAsync("示范省教育考试院");
        await Expect(order.Status).ToHaveAttributeAsync("data-status", "Open");
        await Expect(order.Status).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(order.Status).ToHaveClassAsync(new Regex(@"\btext-bg-danger\b"));
        await Expect(order.OverdueBadge).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_inspection_opinion_prints_as_an_A4_document_in_Chinese()
    {
        int inspectionId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            inspectionId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Inspections
                .Where(i => i.Unit!.Code == "SF-JYT-KSY" && i.Status == InspectionStatus.Completed)
                .Select(i => i.Id)
                .SingleAsync();
        }

        var page = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("officer");

        var opinion = await InspectionOpinionPage.OpenAsync(page, inspectionId);
        await Expect(opinion.Title).ToHaveTextAsync("保密检查意见书");
        await Expect(opinion.Addressee).ToHaveTextAsync("示范省教育考试院：");
        await Expect(opinion.Findings).ToContainTextAsync("D15.4");
        await Expect(opinion.Findings).ToContainTextAsync("D15.5");
        await Expect(opinion.Orders).ToContainTextAsync("安装安全保密防护软件");
        await Expect(opinion.DraftMark).ToHaveCountAsync(0);
        await Expect(opinion.NavigationBar).ToHaveCountAsync(0);
        await opinion.ScreenshotAsync("48-inspection-opinion");

        var pdf = await opinion.PrintToPdfAsync();
        PrintedPdf.AssertDocument(pdf, maxPages: 3, "保密检查意见书", "示范省教育考试院", "D15.4", "整改要求");
        await BrowserApp.SaveArtifactAsync("48-inspection-opinion.pdf", pdf);
    }
}
