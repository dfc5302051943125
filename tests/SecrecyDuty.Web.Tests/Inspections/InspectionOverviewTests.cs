using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections;

/// <summary>Overdue orders standing out everywhere (art. 15), who sees and does what (art. 8), the lists' filters and the opinion.</summary>
public sealed class InspectionOverviewTests
{
    [Fact]
    public async Task An_order_past_its_deadline_without_a_report_is_overdue_everywhere_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, _, order) = await app.OrderAsync(p, new DateOnly(2026, 12, 10));
        app.Clock.Advance(TimeSpan.FromDays(14)); // 2026-12-11: the deadline has passed.
        var officer = await app.SignedInAsync("officer");

        var page = await TestApp.GetDocumentAsync(officer, $"/Inspections/Orders/Details/{order}");
        Assert.Equal("true", page.QuerySelector("#order-status .order-status")!.GetAttribute("data-overdue"));
        Assert.NotNull(page.QuerySelector("#order-status .order-overdue"));

        var list = await TestApp.GetDocumentAsync(officer, "/Inspections/Orders");
        Assert.Contains("table-danger", list.QuerySelector($"#orders-table tr[data-order-id='{order}']")!.ClassName, StringComparison.Ordinal);
        var overdueOnly = await TestApp.GetDocumentAsync(officer, "/Inspections/Orders?state=Overdue");
        Assert.NotNull(overdueOnly.QuerySelector($"#orders-table tr[data-order-id='{order}']"));

        var tab = await TestApp.GetDocumentAsync(officer, $"/Inspections/Unit/{p.Department}");
        Assert.Contains("table-danger", tab.QuerySelector($"#unit-open-orders tr[data-order-id='{order}']")!.ClassName, StringComparison.Ordinal);

        var home = await TestApp.GetDocumentAsync(officer, "/");
        Assert.NotNull(home.QuerySelector($"#rectification-work #overdue-orders a[href='/Inspections/Orders/Details/{order}']"));

        var compliance = await TestApp.GetDocumentAsync(officer, $"/Compliance/Unit/{p.Department}?year=2026");
        Assert.Equal("Missing", compliance.QuerySelector("#req-RectificationOrders")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task A_reported_order_is_no_longer_overdue_even_past_its_deadline_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, _, order) = await app.OrderAsync(p, new DateOnly(2026, 12, 10));
        app.Clock.Advance(TimeSpan.FromDays(14));
        await app.ReportAsync(p, order);
        var officer = await app.SignedInAsync("officer");

        var page = await TestApp.GetDocumentAsync(officer, $"/Inspections/Orders/Details/{order}");
        Assert.Equal("false", page.QuerySelector("#order-status .order-status")!.GetAttribute("data-overdue"));
        Assert.Null(page.QuerySelector("#order-status .order-overdue"));
        Assert.NotNull((await TestApp.GetDocumentAsync(officer, "/Inspections/Orders?state=Overdue")).QuerySelector("#no-orders"));
        var tab = await TestApp.GetDocumentAsync(officer, $"/Inspections/Unit/{p.Department}");
        Assert.DoesNotContain("table-danger", tab.QuerySelector($"#unit-open-orders tr[data-order-id='{order}']")!.ClassName ?? "", StringComparison.Ordinal);
        var home = await TestApp.GetDocumentAsync(officer, "/");
        Assert.Null(home.QuerySelector("#rectification-work #overdue-orders"));
        var compliance = await TestApp.GetDocumentAsync(officer, $"/Compliance/Unit/{p.Department}?year=2026");
        Assert.NotEqual("Missing", compliance.QuerySelector("#req-RectificationOrders")!.GetAttribute("data-state"));
    }

    /// <summary>The department's inspection (completed, its order reported) and the health commission's (in progress, its order open).</summary>
    private static async Task<(int Department, int DepartmentOrder, int Health, int HealthOrder)> TwoUnitsAsync(TestApp app, Province p)
    {
        var (department, _, departmentOrder) = await app.OrderAsync(p);
        await app.ReportAsync(p, departmentOrder);
        await app.CompleteAsync(p, department);
        var health = await app.PlanAsync(p, unitId: p.Health);
        await app.StartAsync(p, health);
        var finding = await app.AddFindingAsync(p, health, InspectionTestData.D155(p.HealthPrincipal));
        var healthOrder = await app.IssueAsync(p, finding);
        return (department, departmentOrder, health, healthOrder);
    }

    private static IEnumerable<string?> Rows(IHtmlDocument page, string table, string attribute) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(r => r.GetAttribute(attribute));

    [Fact]
    public async Task A_unit_leader_sees_only_the_inspections_and_orders_of_the_own_unit_art_8()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (department, departmentOrder, health, healthOrder) = await TwoUnitsAsync(app, p);
        var leader = await app.SignedInAsync("leader");

        Assert.Equal([ActivityTestData.Id(department)], Rows(await TestApp.GetDocumentAsync(leader, "/Inspections"), "#inspections-table", "data-inspection-id"));
        Assert.Equal([ActivityTestData.Id(departmentOrder)], Rows(await TestApp.GetDocumentAsync(leader, "/Inspections/Orders"), "#orders-table", "data-order-id"));
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/Inspections/Details/{health}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/Inspections/Orders/Details/{healthOrder}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/Inspections/Unit/{p.Health}")).StatusCode);
    }

    [Fact]
    public async Task A_unit_leader_cannot_plan_an_inspection_art_8()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var leader = await app.SignedInAsync("leader");

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/Inspections/Create?unitId={p.Department}")).StatusCode);
        Assert.Null((await TestApp.GetDocumentAsync(leader, "/Inspections")).QuerySelector("#plan-inspection"));
    }

    [Fact]
    public async Task A_unit_leader_reports_but_does_not_verify_the_own_units_order()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, _, order) = await app.OrderAsync(p);
        var leader = await app.SignedInAsync("leader");
        var url = $"/Inspections/Orders/Details/{order}";
        var form = FormFields.From((IHtmlFormElement)(await TestApp.GetDocumentAsync(leader, url)).QuerySelector("#report-form")!);

        var reported = await leader.PostAsync($"{url}?handler=Report", form.With(("Report.Note", "已整改")).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Null((await TestApp.GetDocumentAsync(leader, url)).QuerySelector("#verify-form"));

        var verify = await leader.PostAsync($"{url}?handler=Verify", new FormUrlEncodedContent([new("__RequestVerificationToken", form["__RequestVerificationToken"])]));
        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
        Assert.Equal(RectificationStatus.Reported, (await app.OrderRowAsync(order)).Status);
    }

    [Fact]
    public async Task A_supervisor_reads_the_orders_but_cannot_report_or_verify()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, _, order) = await app.OrderAsync(p);
        await app.ReportAsync(p, order);
        var supervisor = await app.SignedInAsync("supervisor");
        var url = $"/Inspections/Orders/Details/{order}";

        var page = await TestApp.GetDocumentAsync(supervisor, url);
        Assert.Equal("Reported", page.QuerySelector("#order-status .order-status")!.GetAttribute("data-status"));
        Assert.Null(page.QuerySelector("#verify-form"));
        Assert.Null(page.QuerySelector("#report-form"));

        // A token of the supervisor's session, from any form of the site.
        var token = (await TestApp.GetFormAsync(supervisor, "/Inspections", "form[method=post]"))["__RequestVerificationToken"];
        var verify = await supervisor.PostAsync($"{url}?handler=Verify", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
        Assert.Equal(RectificationStatus.Reported, (await app.OrderRowAsync(order)).Status);
    }

    [Fact]
    public async Task The_inspection_list_filters_by_status()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (department, _, health, _) = await TwoUnitsAsync(app, p);
        var officer = await app.SignedInAsync("officer");

        Assert.Equal([ActivityTestData.Id(department)], Rows(await TestApp.GetDocumentAsync(officer, "/Inspections?status=Completed"), "#inspections-table", "data-inspection-id"));
        Assert.Equal([ActivityTestData.Id(health)], Rows(await TestApp.GetDocumentAsync(officer, "/Inspections?status=InProgress"), "#inspections-table", "data-inspection-id"));
        Assert.Equal([ActivityTestData.Id(health)], Rows(await TestApp.GetDocumentAsync(officer, $"/Inspections?unitId={p.Health}"), "#inspections-table", "data-inspection-id"));
    }

    [Fact]
    public async Task The_inspection_list_filters_by_the_state_of_its_orders()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (department, _, health, _) = await TwoUnitsAsync(app, p);
        var officer = await app.SignedInAsync("officer");

        Assert.Equal([ActivityTestData.Id(department)], Rows(await TestApp.GetDocumentAsync(officer, "/Inspections?orders=AwaitingVerification"), "#inspections-table", "data-inspection-id"));
        Assert.Equal([ActivityTestData.Id(health)], Rows(await TestApp.GetDocumentAsync(officer, "/Inspections?orders=Open"), "#inspections-table", "data-inspection-id"));
    }

    [Fact]
    public async Task The_order_list_filters_by_state_and_its_CSV_export_keeps_the_filter()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, departmentOrder, _, healthOrder) = await TwoUnitsAsync(app, p);
        var officer = await app.SignedInAsync("officer");

        var page = await TestApp.GetDocumentAsync(officer, "/Inspections/Orders?state=AwaitingVerification");
        Assert.Equal([ActivityTestData.Id(departmentOrder)], Rows(page, "#orders-table", "data-order-id"));
        Assert.Equal([ActivityTestData.Id(healthOrder)], Rows(await TestApp.GetDocumentAsync(officer, "/Inspections/Orders?state=Open"), "#orders-table", "data-order-id"));
        var export = page.QuerySelector("#export-csv")!.GetAttribute("href")!;
        Assert.Contains("state=AwaitingVerification", export, StringComparison.Ordinal);

        var response = await officer.GetAsync(export);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("P-JYT", lines[1], StringComparison.Ordinal);
        Assert.Contains("D15.5", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inspection_CSV_export_keeps_the_status_filter()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        await TwoUnitsAsync(app, p);
        var officer = await app.SignedInAsync("officer");
        var export = (await TestApp.GetDocumentAsync(officer, "/Inspections?status=Completed")).QuerySelector("#export-csv")!.GetAttribute("href")!;

        var response = await officer.GetAsync(export);

        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("P-JYT", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_opinion_of_a_completed_inspection_lists_its_findings_and_the_rectification_ordered()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (inspection, _, _) = await app.OrderAsync(p);
        await app.CompleteAsync(p, inspection, "总体落实较好，存在一项问题。");
        var officer = await app.SignedInAsync("officer");

        var page = await TestApp.GetDocumentAsync(officer, $"/Inspections/Opinion/{inspection}");

        Assert.Null(page.QuerySelector("#draft-mark"));
        Assert.Equal("示范省", page.QuerySelector("#doc-issuer")!.TextContent.Trim());
        var finding = Assert.Single(page.QuerySelectorAll("#doc-findings tbody tr"));
        Assert.Contains("D15.5", finding.TextContent, StringComparison.Ordinal);
        Assert.Contains("部分涉密计算机未采取技术防护措施", finding.TextContent, StringComparison.Ordinal);
        Assert.Contains("李保", finding.TextContent, StringComparison.Ordinal);
        var order = Assert.Single(page.QuerySelectorAll("#doc-orders tbody tr"));
        Assert.Contains("为全部涉密计算机落实技术防护措施", order.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026年12月31日", order.TextContent, StringComparison.Ordinal);
        Assert.Equal("总体落实较好，存在一项问题。", page.QuerySelector("#doc-conclusion")!.TextContent.Trim());
    }
}
