using System.Net;
using AngleSharp.Html.Dom;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections;

/// <summary>Journey 2 over HTTP: the officer inspects the department (art. 8), finds a D15.5 deficiency, orders it rectified (art. 15); the unit reports and the officer verifies.</summary>
public sealed class InspectionJourneyTests
{
    private static string ActionOf(IHtmlDocument page, string formSelector) =>
        ((IHtmlFormElement)page.QuerySelector(formSelector)!).GetAttribute("action")!;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formSelector, params (string Name, string Value)[] values)
    {
        var page = await TestApp.GetDocumentAsync(client, url);
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await client.PostAsync(action, FormFields.From(form).With(values).ToContent());
    }

    [Fact]
    public async Task Journey_2_an_officer_inspects_orders_rectification_by_a_deadline_and_verifies_the_units_report_art_8_and_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var officer = await app.SignedInAsync("officer");

        // Plan: the province inspects its department as superior organ (art. 8).
        var planned = await PostFormAsync(officer, $"/Inspections/Create?unitId={p.Department}", "#inspection-form",
            ("Input.Body", "SuperiorOrgan"),
            ("Input.BodyUnitId", ActivityTestData.Id(p.Root)),
            ("Input.Scope", "2026年领导干部保密工作责任制落实情况"));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var detailsUrl = planned.Headers.Location!.OriginalString;
        var inspectionId = int.Parse(detailsUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Planned", (await TestApp.GetDocumentAsync(officer, detailsUrl)).QuerySelector("#inspection-status")!.GetAttribute("data-status"));

        // Start it.
        var started = await PostFormAsync(officer, detailsUrl, "#start-form");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal("InProgress", (await TestApp.GetDocumentAsync(officer, detailsUrl)).QuerySelector("#inspection-status")!.GetAttribute("data-status"));

        // A D15.5 finding: the form suggests the leader in charge of secrecy work (S6.8), not the principal leader.
        var findingUrl = $"/Inspections/Finding/{inspectionId}";
        var suggest = await PostFormAsync(officer, findingUrl, "#finding-form", ("Input.DeficiencyCode", "D15.5"));
        var suggested = await TestApp.ParseAsync(suggest);
        Assert.NotNull(suggested.QuerySelector($"label[for='posting-{p.Li}'] .suggested"));
        Assert.Null(suggested.QuerySelector($"label[for='posting-{p.Zhang}'] .suggested"));
        var form = FormFields.From((IHtmlFormElement)suggested.QuerySelector("#finding-form")!);
        var saved = await officer.PostAsync(findingUrl, form.With(
            ("Input.Description", "部分涉密计算机未采取技术防护措施"),
            ("Input.PostingIds", ActivityTestData.Id(p.Li))).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await TestApp.GetDocumentAsync(officer, detailsUrl);
        var row = details.QuerySelector("#findings tr[data-code='D15.5']")!;
        Assert.Contains("李保", row.QuerySelector(".finding-postings")!.TextContent, StringComparison.Ordinal);

        // Order rectification by a deadline.
        var issueUrl = row.QuerySelector(".issue-order")!.GetAttribute("href")!;
        var issued = await PostFormAsync(officer, issueUrl, "#order-form",
            ("Input.Requirements", "为全部涉密计算机落实技术防护措施"),
            ("Input.Deadline", "2026-12-31"));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var orderUrl = issued.Headers.Location!.OriginalString;
        var order = await TestApp.GetDocumentAsync(officer, orderUrl);
        Assert.Equal("Open", order.QuerySelector("#order-status .order-status")!.GetAttribute("data-status"));
        Assert.Equal("false", order.QuerySelector("#order-status .order-status")!.GetAttribute("data-overdue"));
        Assert.Null(order.QuerySelector("#verify-form"));

        // The unit leader reports the rectification.
        var leader = await app.SignedInAsync("leader");
        var reported = await PostFormAsync(leader, orderUrl, "#report-form", ("Report.Note", "已为全部涉密计算机安装防护软件"));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var unitTab = await TestApp.GetDocumentAsync(leader, $"/Inspections/Unit/{p.Department}");
        Assert.Equal("Reported", unitTab.QuerySelector("#unit-open-orders .order-status")!.GetAttribute("data-status"));

        // The officer verifies it: the order is closed.
        var verified = await PostFormAsync(officer, orderUrl, "#verify-form");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        order = await TestApp.GetDocumentAsync(officer, orderUrl);
        Assert.Equal("Verified", order.QuerySelector("#order-status .order-status")!.GetAttribute("data-status"));
        Assert.Equal("已为全部涉密计算机安装防护软件", order.QuerySelector("#order-report")!.TextContent.Trim());
        Assert.Null(order.QuerySelector("#report-form"));
        Assert.Null(order.QuerySelector("#verify-form"));

        // The history shows each step with who took it.
        var history = order.QuerySelectorAll("#order-history li").ToList();
        Assert.Equal(["Issue", "Report", "Verify"], history.Select(h => h.GetAttribute("data-action")));
        Assert.Contains("officer", history[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("leader", history[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("已为全部涉密计算机安装防护软件", history[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("officer", history[2].TextContent, StringComparison.Ordinal);

        // The unit's tab no longer lists it as open; the inspection shows the verified order.
        unitTab = await TestApp.GetDocumentAsync(officer, $"/Inspections/Unit/{p.Department}");
        Assert.NotNull(unitTab.QuerySelector("#unit-no-open-orders"));
        Assert.NotNull(unitTab.QuerySelector($"#unit-inspections tr[data-inspection-id='{inspectionId}']"));
        details = await TestApp.GetDocumentAsync(officer, detailsUrl);
        Assert.Equal("Verified", details.QuerySelector("#findings tr[data-code='D15.5'] .order-status")!.GetAttribute("data-status"));
    }
}
