using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>The dashboards on the home page, per role (issue 4 "Dashboards"; docs/domain.md journey 1).</summary>
public sealed class DashboardTests
{
    private static async Task<(TestApp App, HandMadeProvince Province, HttpClient Client)> SignedInAsync(string role, Func<HandMadeProvince, int> unit, bool linkLeader = false)
    {
        var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        await app.Province().WithAccount("someone", role, unit(p), leader: linkLeader ? p.RootPrincipalLeader : null, displayName: "张省").BuildAsync();
        var client = await app.SignedInAsync("someone");
        return (app, p, client);
    }

    [Fact]
    public async Task Art5_3_a_unit_leader_sees_the_second_half_report_due_by_31_December_and_after_recording_it_nothing_is_due()
    {
        var (app, p, client) = await SignedInAsync(Roles.UnitLeader, p => p.Root, linkLeader: true);
        using (app)
        {
            var before = await TestApp.GetDocumentAsync(client, "/");

            // 27 November: the half-year practice's second report is not due until 31 December, so it is not missing.
            var briefing = before.QuerySelector("#home-unit-leader #leader-half-briefing")!;
            Assert.Equal(("2", "NotYetDue"), (briefing.GetAttribute("data-period"), briefing.GetAttribute("data-state")));
            Assert.Contains("本时段（2026-07-01 至 2026-12-31）尚未登记听取保密组织的情况汇报：应在 2026-12-31 前完成。", briefing.TextContent, StringComparison.Ordinal);
            Assert.Contains("本省做法", briefing.TextContent, StringComparison.Ordinal);
            var record = before.QuerySelector("#record-briefing")!;
            Assert.Equal($"/Activities/Create?kind=Briefing&unitId={p.Root}", record.GetAttribute("href"));
            Assert.Equal("登记听取保密组织的情况汇报", record.TextContent.Trim());
            Assert.Equal("Met", before.QuerySelector("#leader-briefing-minimum")!.GetAttribute("data-state"));
            Assert.Equal("NotYetDue", before.QuerySelector("#leader-requirements li[data-requirement=BriefingPractice]")!.GetAttribute("data-state"));
            Assert.Contains("听取保密组织的情况汇报（本省做法）（截止 2026-12-31）", before.QuerySelector("#unit-due")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(before.QuerySelector("#unit-compliant"));

            await app.Province().WithActivity(p.Root, ActivityKind.Briefing, new DateOnly(2026, 11, 20)).BuildAsync();
            var after = await TestApp.GetDocumentAsync(client, "/");

            Assert.Equal("Met", after.QuerySelector("#leader-half-briefing")!.GetAttribute("data-state"));
            Assert.Contains("本时段（2026-07-01 至 2026-12-31）已听取保密组织的情况汇报。", after.QuerySelector("#leader-half-briefing")!.TextContent, StringComparison.Ordinal);
            Assert.Null(after.QuerySelector("#record-briefing"));
            Assert.Equal("Met", after.QuerySelector("#leader-requirements li[data-requirement=BriefingPractice]")!.GetAttribute("data-state"));
            Assert.DoesNotContain("本省做法", after.QuerySelector("#unit-due")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("本单位 2026 年没有逾期事项：本办法的要求和本省做法均已落实或未到期。", after.QuerySelector("#unit-compliant")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Art5_3_a_report_of_the_first_half_does_not_make_up_for_the_second()
    {
        var (app, p, client) = await SignedInAsync(Roles.UnitLeader, p => p.Root);
        using (app)
        {
            await app.Province().WithActivity(p.Root, ActivityKind.Briefing, new DateOnly(2026, 6, 30)).BuildAsync();

            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.Equal("NotYetDue", home.QuerySelector("#leader-half-briefing")!.GetAttribute("data-state"));
            Assert.NotNull(home.QuerySelector("#record-briefing"));
        }
    }

    [Fact]
    public async Task Art5_3_a_first_half_without_a_report_shows_the_practice_not_met_but_the_regulations_minimum_met()
    {
        var (app, p, client) = await SignedInAsync(Roles.UnitLeader, p => p.Coast);
        using (app)
        {
            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.Equal("Met", home.QuerySelector("#leader-briefing-minimum")!.GetAttribute("data-state"));
            Assert.Equal("PartlyMet", home.QuerySelector("#leader-requirements li[data-requirement=BriefingPractice]")!.GetAttribute("data-state"));
            Assert.NotNull(home.QuerySelector("#unit-compliant-regulation"));
        }
    }

    [Fact]
    public async Task A_unit_leader_sees_the_own_checklists_and_appraisal_of_the_year()
    {
        var (app, p, client) = await SignedInAsync(Roles.UnitLeader, p => p.Root, linkLeader: true);
        using (app)
        {
            await app.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                db.Appraisals.Add(new Appraisal { LeaderId = p.RootPrincipalLeader, UnitId = p.Root, Year = 2026, DutyReportSection = "本年度履行保密工作责任制情况。" });
                await db.SaveChangesAsync();
            });

            var home = await TestApp.GetDocumentAsync(client, "/");

            var row = home.QuerySelector($"#own-checklists tr[data-posting-id='{p.RootPrincipalPosting}']")!;
            Assert.Equal("Submitted", row.GetAttribute("data-status"));
            Assert.Equal($"/Checklists/Posting/{p.RootPrincipalPosting}?year=2026", row.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal("已提交，待审核", row.QuerySelector("a")!.TextContent.Trim());
            var appraisal = home.QuerySelector("#own-appraisal")!;
            Assert.Equal("AwaitingOpinion", appraisal.GetAttribute("data-state"));
            Assert.Equal($"/Appraisals/Leader/{p.RootPrincipalLeader}?year=2026", appraisal.QuerySelector("a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Art9_after_the_secrecy_organizations_opinion_the_leader_sees_the_appraisal_awaiting_the_cadre_officials_decision()
    {
        var (app, p, client) = await SignedInAsync(Roles.UnitLeader, p => p.Root, linkLeader: true);
        using (app)
        {
            await app.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                db.Appraisals.Add(new Appraisal { LeaderId = p.RootPrincipalLeader, UnitId = p.Root, Year = 2026, DutyReportSection = "本年度履行保密工作责任制情况。", OrganizationOpinion = "履职良好。" });
                await db.SaveChangesAsync();
            });

            var home = await TestApp.GetDocumentAsync(client, "/");

            var appraisal = home.QuerySelector("#own-appraisal")!;
            Assert.Equal("AwaitingDecision", appraisal.GetAttribute("data-state"));
            Assert.Contains("待组织人事部门定稿", appraisal.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_leader_without_a_checklist_or_appraisal_sees_them_not_started()
    {
        var (app, p, client) = await SignedInAsync(Roles.UnitLeader, p => p.Root, linkLeader: true);
        using (app)
        {
            await app.InScopeAsync(async sp =>
                await sp.GetRequiredService<AppDbContext>().DutyChecklists.Where(c => c.PostingId == p.RootPrincipalPosting && c.Year == 2026).ExecuteDeleteAsync());

            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.Equal("None", home.QuerySelector($"#own-checklists tr[data-posting-id='{p.RootPrincipalPosting}']")!.GetAttribute("data-status"));
            Assert.Equal("NotStarted", home.QuerySelector("#own-appraisal")!.GetAttribute("data-state"));
        }
    }

    [Fact]
    public async Task A_leader_account_not_linked_to_a_leader_is_told_so()
    {
        var (app, _, client) = await SignedInAsync(Roles.UnitLeader, p => p.City);
        using (app)
        {
            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.NotNull(home.QuerySelector("#leader-not-linked"));
            Assert.Null(home.QuerySelector("#own-appraisal"));
            Assert.Equal("NotYetDue", home.QuerySelector("#leader-half-briefing")!.GetAttribute("data-state"));
        }
    }

    [Theory]
    [InlineData(Roles.SecrecyOfficer)]
    [InlineData(Roles.Supervisor)]
    public async Task The_jurisdiction_dashboard_counts_units_and_missing_items(string role)
    {
        var (app, _, client) = await SignedInAsync(role, p => p.Root);
        using (app)
        {
            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.Equal("5", home.QuerySelector("#dash-units")!.TextContent.Trim());
            Assert.Equal("3", home.QuerySelector("#dash-compliant")!.TextContent.Trim());
            Assert.Equal("4", home.QuerySelector("#dash-missing")!.TextContent.Trim());
            Assert.Equal("3", home.QuerySelector("#dash-partly")!.TextContent.Trim());
            Assert.Equal(5, home.QuerySelectorAll("#dash-heat-map tbody tr").Length);
            Assert.Equal("/Compliance?year=2026", home.QuerySelector("#dash-heat-map-link")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task The_dashboard_lists_what_is_overdue_and_what_is_still_due()
    {
        var (app, p, client) = await SignedInAsync(Roles.SecrecyOfficer, p => p.Root);
        using (app)
        {
            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.Equal("7", home.QuerySelector("#dash-overdue-count")!.TextContent.Trim());
            var overdue = home.QuerySelectorAll("#dash-overdue li").ToList();
            Assert.Equal(7, overdue.Count);
            Assert.Equal("Missing", overdue[0].GetAttribute("data-state"));
            Assert.Contains(overdue, li => li.GetAttribute("data-unit-id") == Id(p.City) && li.GetAttribute("data-requirement") == "RuleRegister");
            Assert.Contains(overdue, li => li.GetAttribute("data-unit-id") == Id(p.Coast) && li.GetAttribute("data-requirement") == "BriefingPractice");
            Assert.DoesNotContain(overdue, li => li.GetAttribute("data-requirement") == "Education"); // S6.3 sets no frequency
            Assert.Contains(overdue, li => li.GetAttribute("data-unit-id") == Id(p.City) && li.GetAttribute("data-requirement") == "RectificationOrders");
            Assert.DoesNotContain(overdue, li => li.GetAttribute("data-unit-id") == Id(p.Cloud));

            // What is not due yet, with its due date: never listed as overdue before it.
            var due = home.QuerySelectorAll("#dash-due li").Select(li => (li.GetAttribute("data-unit-id"), li.GetAttribute("data-requirement"))).ToList();
            Assert.Equal(
                [
                    (Id(p.Root), "BriefingPractice"), (Id(p.Root), "Checklists"),
                    (Id(p.City), "BriefingPractice"), (Id(p.City), "MemberMeetings"), (Id(p.City), "Checklists"),
                    (Id(p.CityBureau), "Briefings"), (Id(p.CityBureau), "MemberMeetings"),
                    (Id(p.Coast), "RectificationOrders"),
                ],
                due);
        }
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_dashboard_shows_trends_by_year_drawn_by_the_chart_library_the_app_serves()
    {
        var (app, _, client) = await SignedInAsync(Roles.Supervisor, p => p.Root);
        using (app)
        {
            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.NotNull(home.QuerySelector("canvas#chart-activities"));
            Assert.NotNull(home.QuerySelector("canvas#chart-compliant-share"));
            var scripts = home.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
            Assert.Contains("/lib/chartjs/chart.umd.min.js", scripts);
            Assert.Contains(scripts, s => s.StartsWith("/js/compliance-charts.js", StringComparison.Ordinal));
            var data = System.Text.Json.JsonDocument.Parse(home.QuerySelector("#trend-data")!.TextContent).RootElement;
            Assert.Equal([2022, 2023, 2024, 2025, 2026], data.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));

            string Column(string name) => string.Join(' ', home.QuerySelectorAll($"#trend-table td[data-col={name}]").Select(td => td.TextContent.Trim()));
            Assert.Equal("0 0 1 2 5", Column("briefings")); // the 2024 briefing of P-A-1 counts in the trend, not for compliance
            Assert.Equal("0 0 0 2 8", Column("meetings"));
            Assert.Equal("0 0 0 2 4", Column("trainings"));
            Assert.Equal("0 0 0 20 60", Column("share"));
        }
    }

    [Fact]
    public async Task The_chart_library_and_the_chart_script_are_served_by_the_app()
    {
        using var app = TestApp.Rent();
        var client = app.CreateBrowserClient();

        var library = await client.GetAsync("/lib/chartjs/chart.umd.min.js");
        var charts = await client.GetAsync("/js/compliance-charts.js");

        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Contains("Chart.js v4", await library.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, charts.StatusCode);
        Assert.Contains("new Chart(", await charts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discipline_official_sees_a_summary_of_the_jurisdiction_without_the_charts()
    {
        var (app, _, client) = await SignedInAsync(Roles.DisciplineOfficial, p => p.Root);
        using (app)
        {
            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.Equal("2026 年：5 个单位中 3 个符合本办法要求，缺失 4 项，部分落实 3 项。", home.QuerySelector("#home-discipline-official #discipline-summary")!.TextContent.Trim());
            Assert.Null(home.QuerySelector("#compliance-dashboard"));
        }
    }

    [Fact]
    public async Task An_administrator_keeps_the_counts_of_units_and_accounts()
    {
        var (app, _, client) = await SignedInAsync(Roles.Administrator, p => p.Root);
        using (app)
        {
            var home = await TestApp.GetDocumentAsync(client, "/");

            Assert.Contains("管辖范围内共 6 个单位、1 个账户。", home.QuerySelector("#home-administrator")!.TextContent, StringComparison.Ordinal);
            Assert.Null(home.QuerySelector("#compliance-dashboard"));
        }
    }
}
