using System.Net;
using AngleSharp.Html.Dom;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections;

/// <summary>What art. 8 and art. 15 allow: who answers for a finding, the order's workflow, the consequences each inspecting body may draw.</summary>
public sealed class InspectionRuleTests
{
    private static async Task<FormFields> FormAsync(HttpClient client, string url, string formSelector) =>
        FormFields.From((IHtmlFormElement)(await TestApp.GetDocumentAsync(client, url)).QuerySelector(formSelector)!);

    private static void AssertRefused(SecrecyDuty.Core.Common.Result? result)
    {
        Assert.NotNull(result);
        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task A_finding_cannot_name_a_posting_that_did_not_hold_on_the_inspection_date_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var inspection = await app.PlanAsync(p);
        await app.StartAsync(p, inspection, new DateOnly(2026, 11, 20));
        var officer = await app.SignedInAsync("officer");
        var url = $"/Inspections/Finding/{inspection}";
        var form = await FormAsync(officer, url, "#finding-form");

        // 王书记's posting ended on June 30: not on the inspection date (November 20).
        var response = await officer.PostAsync(url, form.With(
            ("Input.DeficiencyCode", "D15.5"),
            ("Input.Description", "部分涉密计算机未采取技术防护措施"),
            ("Input.PostingIds", ActivityTestData.Id(p.Wang))).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Contains("2026-11-20", page.QuerySelector("[data-valmsg-for='Input.PostingIds']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#posting-{p.Wang}"));
        Assert.Equal(0, await app.FindingCountAsync());
    }

    [Fact]
    public async Task A_finding_cannot_name_a_posting_of_another_unit_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var inspection = await app.PlanAsync(p);
        await app.StartAsync(p, inspection);

        var result = await app.InspectionsAsync(await app.OfficerAsync(p), s => s.AddFindingAsync(inspection, InspectionTestData.D155(p.HealthPrincipal)));

        Assert.Equal(nameof(FindingInput.PostingIds), Assert.Single(result!.Errors).Field);
        Assert.Equal(0, await app.FindingCountAsync());
    }

    [Fact]
    public async Task Verifying_an_order_the_unit_has_not_reported_is_refused_with_a_message()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, _, order) = await app.OrderAsync(p);
        var officer = await app.SignedInAsync("officer");
        var url = $"/Inspections/Orders/Details/{order}";
        var form = await FormAsync(officer, url, "#report-form");

        // Posted by hand (the page shows no Verify button yet), with the order's version as any form of the page carries it.
        var response = await officer.PostAsync($"{url}?handler=Verify", new FormUrlEncodedContent([new("__RequestVerificationToken", form["__RequestVerificationToken"]), new("Version", form["Version"])]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".validation-summary-errors")?.TextContent));
        Assert.Equal(RectificationStatus.Open, (await app.OrderRowAsync(order)).Status);
    }

    [Fact]
    public async Task A_rectification_cannot_be_reported_twice_before_the_inspector_reviews_it()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, _, order) = await app.OrderAsync(p);
        await app.ReportAsync(p, order);

        var again = await app.OrdersAsync(p.Leader, async s => await s.ReportAsync(order, (await s.GetAsync(order))!.Version, new RectificationNoteInput { Note = "再次报告" }, Array.Empty<EvidenceUpload>()));

        AssertRefused(again);
        var row = await app.OrderRowAsync(order);
        Assert.Equal(RectificationStatus.Reported, row.Status);
        Assert.Equal("已为全部涉密计算机安装防护软件", row.Report);
    }

    [Fact]
    public async Task Nothing_more_is_recorded_on_a_verified_order()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, _, order) = await app.OrderAsync(p);
        await app.ReportAsync(p, order);
        var officer = await app.OfficerAsync(p);
        Assert.True((await app.OrdersAsync(officer, async s => await s.VerifyAsync(order, (await s.GetAsync(order))!.Version)))!.Succeeded);

        AssertRefused(await app.OrdersAsync(officer, async s => await s.VerifyAsync(order, (await s.GetAsync(order))!.Version)));
        AssertRefused(await app.OrdersAsync(officer, async s => await s.SendBackAsync(order, (await s.GetAsync(order))!.Version, new RectificationNoteInput { Note = "不够" })));
        AssertRefused(await app.OrdersAsync(p.Leader, async s => await s.ReportAsync(order, (await s.GetAsync(order))!.Version, new RectificationNoteInput { Note = "再次报告" }, Array.Empty<EvidenceUpload>())));
        Assert.Equal(RectificationStatus.Verified, (await app.OrderRowAsync(order)).Status);
    }

    [Fact]
    public async Task Findings_are_recorded_only_while_the_inspection_is_in_progress()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var officer = await app.OfficerAsync(p);
        var inspection = await app.PlanAsync(p);

        AssertRefused(await app.InspectionsAsync(officer, s => s.AddFindingAsync(inspection, InspectionTestData.D155(p.Li))));

        await app.StartAsync(p, inspection);
        await app.CompleteAsync(p, inspection);
        AssertRefused(await app.InspectionsAsync(officer, s => s.AddFindingAsync(inspection, InspectionTestData.D155(p.Li))));
        Assert.Equal(0, await app.FindingCountAsync());
    }

    [Fact]
    public async Task A_finding_added_over_HTTP_to_a_planned_inspection_is_refused_with_a_message()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var inspection = await app.PlanAsync(p);
        var officer = await app.SignedInAsync("officer");
        var url = $"/Inspections/Finding/{inspection}";
        var details = await TestApp.GetDocumentAsync(officer, $"/Inspections/Details/{inspection}");
        Assert.Null(details.QuerySelector("#add-finding"));
        var form = await FormAsync(officer, url, "#finding-form");

        var response = await officer.PostAsync(url, form.With(
            ("Input.DeficiencyCode", "D15.5"),
            ("Input.Description", "部分涉密计算机未采取技术防护措施"),
            ("Input.PostingIds", ActivityTestData.Id(p.Li))).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await TestApp.ParseAsync(response)).QuerySelector(".validation-summary-errors")?.TextContent));
        Assert.Equal(0, await app.FindingCountAsync());
    }

    [Fact]
    public async Task A_self_inspection_may_recommend_a_correction_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var inspection = await app.PlanAsync(p, InspectingBody.OwnSecrecyOrganization);
        await app.StartAsync(p, inspection);
        var input = InspectionTestData.D155(p.Li);
        input.CorrectionRecommendation = "年底前完成涉密计算机防护";

        await app.AddFindingAsync(p, inspection, input);

        var officer = await app.SignedInAsync("officer");
        var details = await TestApp.GetDocumentAsync(officer, $"/Inspections/Details/{inspection}");
        Assert.Contains("年底前完成涉密计算机防护", details.QuerySelector("#findings .finding-consequences")!.TextContent, StringComparison.Ordinal);
        Assert.Null(details.QuerySelector(".issue-order"));
        var form = await TestApp.GetDocumentAsync(officer, $"/Inspections/Finding/{inspection}");
        Assert.NotNull(form.QuerySelector("#Input_CorrectionRecommendation"));
        Assert.Null(form.QuerySelector("#criticism"));
    }

    [Fact]
    public async Task A_self_inspection_cannot_issue_a_rectification_order_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var inspection = await app.PlanAsync(p, InspectingBody.OwnSecrecyOrganization);
        await app.StartAsync(p, inspection);
        var finding = await app.AddFindingAsync(p, inspection);

        var result = await app.OrdersAsync(await app.OfficerAsync(p), s => s.IssueAsync(finding, new RectificationOrderInput
        {
            Deadline = new DateOnly(2026, 12, 31),
            Requirements = "整改",
        }));

        AssertRefused(result);
    }

    [Fact]
    public async Task A_self_inspection_cannot_circulate_a_criticism_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var inspection = await app.PlanAsync(p, InspectingBody.OwnSecrecyOrganization);
        await app.StartAsync(p, inspection);
        var input = InspectionTestData.D155(p.Li);
        input.CriticismCirculatedOn = new DateOnly(2026, 11, 25);
        input.CriticismDocumentNumber = "教保〔2026〕1号";

        var result = await app.InspectionsAsync(await app.OfficerAsync(p), s => s.AddFindingAsync(inspection, input));

        Assert.Equal(nameof(FindingInput.CriticismCirculatedOn), Assert.Single(result!.Errors).Field);
        Assert.Equal(0, await app.FindingCountAsync());
    }

    [Fact]
    public async Task A_superior_organ_cannot_record_a_correction_recommendation_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var inspection = await app.PlanAsync(p);
        await app.StartAsync(p, inspection);
        var input = InspectionTestData.D155(p.Li);
        input.CorrectionRecommendation = "建议整改";

        var result = await app.InspectionsAsync(await app.OfficerAsync(p), s => s.AddFindingAsync(inspection, input));

        Assert.Equal(nameof(FindingInput.CorrectionRecommendation), Assert.Single(result!.Errors).Field);
        Assert.Equal(0, await app.FindingCountAsync());
        var officer = await app.SignedInAsync("officer");
        var form = await TestApp.GetDocumentAsync(officer, $"/Inspections/Finding/{inspection}");
        Assert.Null(form.QuerySelector("#Input_CorrectionRecommendation"));
        Assert.NotNull(form.QuerySelector("#criticism"));
    }

    [Fact]
    public async Task A_superior_organ_may_circulate_a_criticism_art_15()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var inspection = await app.PlanAsync(p);
        await app.StartAsync(p, inspection);
        var input = InspectionTestData.D155(p.Li);
        input.CriticismCirculatedOn = new DateOnly(2026, 11, 25);
        input.CriticismDocumentNumber = "示保办〔2026〕12号";

        await app.AddFindingAsync(p, inspection, input);

        Assert.Equal(1, await app.FindingCountAsync());
    }
}
