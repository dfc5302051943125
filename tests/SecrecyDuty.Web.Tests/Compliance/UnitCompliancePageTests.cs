using AngleSharp.Html.Dom;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>A unit's compliance page: each requirement with its state, reason, the records behind it and how to record what is missing.</summary>
public sealed class UnitCompliancePageTests
{
    private static async Task<(TestApp App, HandMadeProvince Province, IHtmlDocument Page)> OpenAsync(string role, Func<HandMadeProvince, int> unit, int year = 2026)
    {
        var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var client = await app.SignedInAsAsync("someone", role, role == Roles.UnitLeader ? unit(p) : p.Root);
        var page = await TestApp.GetDocumentAsync(client, $"/Compliance/Unit/{unit(p)}?year={year}");
        return (app, p, page);
    }

    [Fact]
    public async Task Each_requirement_shows_its_state_and_reason()
    {
        var (app, _, page) = await OpenAsync(Roles.SecrecyOfficer, p => p.City);
        using (app)
        {
            var states = page.QuerySelectorAll("#requirements tbody tr").Select(r => (r.GetAttribute("data-requirement"), r.GetAttribute("data-state"))).ToList();
            Assert.Equal(
                [("Briefings", "Met"), ("BriefingPractice", "NotYetDue"), ("MemberMeetings", "NotYetDue"), ("SecrecyOrganization", "PartlyMet"), ("RuleRegister", "PartlyMet"), ("Education", "NotJudged"), ("Checklists", "NotYetDue"), ("RectificationOrders", "Missing")],
                states);
            Assert.Contains("保密组织未配备负责日常工作的保密干部。", page.QuerySelector("#req-SecrecyOrganization .reason")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("1 份职责清单已提交 0 份，已审核 0 份；截止日期 2026-12-31。", page.QuerySelector("#req-Checklists .reason")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("截止日期 2026-12-31", page.QuerySelector("#req-MemberMeetings .due-on")!.TextContent.Trim());
            Assert.Contains("本办法未规定保密教育的次数", page.QuerySelector("#req-Education .reason")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("2026 年有 3 项本办法要求缺失或部分落实。", page.QuerySelector("#unit-gaps")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Art5_3_the_practice_row_shows_each_half_year_labelled_as_the_provinces_practice()
    {
        var (app, _, page) = await OpenAsync(Roles.SecrecyOfficer, p => p.Coast);
        using (app)
        {
            Assert.Equal("Met", page.QuerySelector("#req-Briefings")!.GetAttribute("data-state"));
            Assert.Equal("Missing", page.QuerySelector("#practice-periods li[data-period='1']")!.GetAttribute("data-state"));
            Assert.Equal("Met", page.QuerySelector("#practice-periods li[data-period='2']")!.GetAttribute("data-state"));
            Assert.Contains("2026-07-01 至 2026-12-31：达标（应听取 1 次，已听取 1 次）", page.QuerySelector("#practice-periods")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("并非本办法本身的规定", page.QuerySelector("#req-BriefingPractice .practice-note")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector("#unit-compliant"));
            Assert.NotNull(page.QuerySelector("#unit-practice-gaps"));
        }
    }

    [Fact]
    public async Task Each_requirement_links_to_the_records_behind_it()
    {
        var (app, p, page) = await OpenAsync(Roles.SecrecyOfficer, p => p.City);
        using (app)
        {
            string? Records(string requirement) => page.QuerySelector($"#req-{requirement} a.records-link")!.GetAttribute("href");

            Assert.Equal($"/Activities?unitId={p.City}&kind=Briefing&year=2026", Records("Briefings"));
            Assert.Equal($"/Activities?unitId={p.City}&kind=Briefing&year=2026", Records("BriefingPractice"));
            Assert.Equal($"/Activities?unitId={p.City}&kind=MemberMeeting&year=2026", Records("MemberMeetings"));
            Assert.Equal($"/Activities?unitId={p.City}&kind=Training&year=2026", Records("Education"));
            Assert.Equal($"/SecrecyOrganizations/Details/{p.City}", Records("SecrecyOrganization"));
            Assert.Equal($"/SecrecyOrganizations/RuleRegister/{p.City}", Records("RuleRegister"));
            Assert.Equal($"/Checklists?unitId={p.City}&year=2026", Records("Checklists"));
        }
    }

    [Fact]
    public async Task A_missing_item_links_to_the_form_that_records_it()
    {
        var (app, p, page) = await OpenAsync(Roles.SecrecyOfficer, p => p.City);
        using (app)
        {
            string? Record(string requirement) => page.QuerySelector($"#req-{requirement} a.record-link")?.GetAttribute("href");

            Assert.Null(Record("Briefings")); // met
            Assert.Equal($"/Activities/Create?kind=Briefing&unitId={p.City}", Record("BriefingPractice"));
            Assert.Equal($"/Activities/Create?kind=MemberMeeting&unitId={p.City}", Record("MemberMeetings"));
            Assert.Null(Record("Education")); // not judged
            Assert.Equal($"/SecrecyOrganizations/Edit/{p.City}", Record("SecrecyOrganization"));
            Assert.Equal($"/SecrecyOrganizations/RuleRegister/{p.City}", Record("RuleRegister"));
            Assert.Equal("登记听取保密组织的情况汇报", page.QuerySelector("#req-BriefingPractice a.record-link")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task A_met_requirement_offers_no_form()
    {
        var (app, _, page) = await OpenAsync(Roles.SecrecyOfficer, p => p.Cloud);
        using (app)
        {
            Assert.Empty(page.QuerySelectorAll("a.record-link"));
            Assert.NotNull(page.QuerySelector("#unit-compliant"));
        }
    }

    [Fact]
    public async Task A_supervisor_reads_the_records_but_is_offered_no_form()
    {
        var (app, _, page) = await OpenAsync(Roles.Supervisor, p => p.CityBureau);
        using (app)
        {
            Assert.Equal(8, page.QuerySelectorAll("a.records-link").Length);
            Assert.Empty(page.QuerySelectorAll("a.record-link"));
        }
    }

    [Fact]
    public async Task A_unit_leader_is_offered_the_activity_forms_but_not_the_master_data_forms()
    {
        var (app, p, page) = await OpenAsync(Roles.UnitLeader, p => p.CityBureau);
        using (app)
        {
            var forms = page.QuerySelectorAll("a.record-link").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(
                [$"/Activities/Create?kind=Briefing&unitId={p.CityBureau}", $"/Activities/Create?kind=Briefing&unitId={p.CityBureau}", $"/Activities/Create?kind=MemberMeeting&unitId={p.CityBureau}"],
                forms);
        }
    }

    [Fact]
    public async Task A_past_year_is_shown_when_asked_for()
    {
        var (app, _, page) = await OpenAsync(Roles.SecrecyOfficer, p => p.Root, year: 2025);
        using (app)
        {
            Assert.All(
                page.QuerySelectorAll("#requirements tbody tr"),
                r => Assert.Equal(r.GetAttribute("data-requirement") == "Education" ? "NotJudged" : "Met", r.GetAttribute("data-state")));
            Assert.Equal("/Compliance?year=2025", page.QuerySelector("#heat-map-link")!.GetAttribute("href"));
        }
    }
}
