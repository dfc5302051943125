using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// The heat map of the hand-made province (<see cref="ComplianceTestData"/>, today 2026-11-27), cell by cell. A row
/// reads the states of Briefings (P5.3, the regulation's minimum of one a year), BriefingPractice (the province's
/// practice, one each half-year), MemberMeetings (S6.5, two or more a year), SecrecyOrganization (P5.2), RuleRegister
/// (S6.6), Education (S6.3, no frequency in the regulation) and Checklists (art. 9): M met, P partly met, X missing,
/// N not yet due, J not judged.
/// </summary>
public sealed class HeatMapTests
{
    private static readonly Dictionary<string, string> Expected2026 = new()
    {
        ["P"] = "M N M M M J N M", // one report meets the minimum; the second half is due by 31 December; checklists due at the year's end
        ["P-A"] = "M N N P P J N X", // one meeting so far, due by 31 December; organization without cadres; R8, R9 missing; its rectification order overdue
        ["P-A-1"] = "N X N X X J J M", // no report yet (due by 31 December) but the first half of the practice is overdue; no posting
        ["P-B"] = "M P M M M J J N", // a report in H2 only: the minimum is met, the practice is not; R9 adopted in 2026 counts; its order due in December
        ["P-C"] = "M M M M M J M M", // everything, its only checklist reviewed
    };

    private static readonly Dictionary<string, string> Expected2025 = new()
    {
        ["P"] = "M M M M M J M M", // a report in each half, two meetings, both checklists reviewed
        ["P-A"] = "X X X X P J X M", // its organization came in 2026; R8, R9 missing; its posting's checklist never submitted
        ["P-A-1"] = "X X X X X J J M",
        ["P-B"] = "X X X M P J P M", // R9 only from 2026; the checklist of its ended posting submitted, not reviewed
        ["P-C"] = "X X X M M J J M", // its posting began in 2026
    };

    private static string Code(ComplianceState state) => state switch
    {
        ComplianceState.Met => "M",
        ComplianceState.PartlyMet => "P",
        ComplianceState.Missing => "X",
        ComplianceState.NotJudged => "J",
        _ => "N",
    };

    private static Dictionary<string, string> Cells(IHtmlDocument page) =>
        page.QuerySelectorAll("#heat-map tbody tr").ToDictionary(
            r => r.GetAttribute("data-unit-code")!,
            r => string.Join(' ', r.QuerySelectorAll("td").Select(td => Code(Enum.Parse<ComplianceState>(td.GetAttribute("data-state")!)))));

    private static async Task<(TestApp App, HandMadeProvince Province, HttpClient Client)> SignedInAsync(string role = Roles.SecrecyOfficer)
    {
        var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var client = await app.SignedInAsAsync("officer", role, p.Root);
        return (app, p, client);
    }

    [Fact]
    public async Task Every_cell_of_the_2026_heat_map_is_right()
    {
        var (app, _, client) = await SignedInAsync();
        using (app)
        {
            var page = await TestApp.GetDocumentAsync(client, "/Compliance?year=2026");

            Assert.Equal(Expected2026, Cells(page));
        }
    }

    [Fact]
    public async Task Every_cell_of_the_2025_heat_map_is_right()
    {
        var (app, _, client) = await SignedInAsync();
        using (app)
        {
            var page = await TestApp.GetDocumentAsync(client, "/Compliance?year=2025");

            Assert.Equal(Expected2025, Cells(page));
        }
    }

    [Fact]
    public async Task Without_a_year_the_map_shows_the_current_one()
    {
        var (app, _, client) = await SignedInAsync();
        using (app)
        {
            var page = await TestApp.GetDocumentAsync(client, "/Compliance");

            Assert.Equal("2026", page.QuerySelector("#heat-map")!.GetAttribute("data-year"));
            Assert.Equal("2026", (page.QuerySelector("#year option[selected]") as IHtmlOptionElement)!.Value);
        }
    }

    [Fact]
    public async Task Units_are_rows_in_tree_order_indented_and_a_deactivated_unit_is_left_out()
    {
        var (app, _, client) = await SignedInAsync();
        using (app)
        {
            var page = await TestApp.GetDocumentAsync(client, "/Compliance?year=2026");

            var rows = page.QuerySelectorAll("#heat-map tbody tr").ToList();
            Assert.Equal(["P", "P-A", "P-A-1", "P-B", "P-C"], rows.Select(r => r.GetAttribute("data-unit-code")));
            var indents = rows.Select(r => r.QuerySelector("th")!.GetAttribute("style")).ToList();
            Assert.Equal(["padding-left: 0.5rem", "padding-left: 1.75rem", "padding-left: 3rem", "padding-left: 1.75rem", "padding-left: 1.75rem"], indents);
            Assert.DoesNotContain("已撤销单位", page.QuerySelector("#heat-map")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cell_gives_its_reason_as_title_and_to_screen_readers_and_links_to_the_unit()
    {
        var (app, p, client) = await SignedInAsync();
        using (app)
        {
            var page = await TestApp.GetDocumentAsync(client, "/Compliance?year=2026");

            var rules = page.QuerySelector($"#heat-row-{p.City} td[data-requirement=RuleRegister]")!;
            Assert.Equal("缺少以下类别的保密制度：R8、R9。", rules.GetAttribute("title"));
            Assert.Contains("缺少以下类别的保密制度：R8、R9。", rules.QuerySelector(".visually-hidden")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("text-bg-warning", rules.ClassName, StringComparison.Ordinal);
            Assert.Equal($"/Compliance/Unit/{p.City}?year=2026#req-RuleRegister", rules.QuerySelector("a")!.GetAttribute("href"));

            var practice = page.QuerySelector($"#heat-row-{p.Root} td[data-requirement=BriefingPractice]")!;
            Assert.Equal("本省做法（每年分 2 个时段，每个时段听取 1 次）：截至 2026-12-31 的时段应听取 1 次，已听取 0 次，应在该日前完成。", practice.GetAttribute("title"));
            Assert.Contains("text-bg-danger", page.QuerySelector($"#heat-row-{p.CityBureau} td[data-requirement=BriefingPractice]")!.ClassName, StringComparison.Ordinal);
            Assert.Contains("text-bg-secondary", page.QuerySelector($"#heat-row-{p.CityBureau} td[data-requirement=Briefings]")!.ClassName, StringComparison.Ordinal);
            Assert.Contains("text-bg-success", page.QuerySelector($"#heat-row-{p.Cloud} td[data-requirement=Checklists]")!.ClassName, StringComparison.Ordinal);
            Assert.Contains("text-bg-secondary", page.QuerySelector($"#heat-row-{p.Root} td[data-requirement=Checklists]")!.ClassName, StringComparison.Ordinal);
            Assert.Contains("text-bg-light", page.QuerySelector($"#heat-row-{p.Root} td[data-requirement=Education]")!.ClassName, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_map_counts_units_per_state_for_every_requirement()
    {
        var (app, _, client) = await SignedInAsync();
        using (app)
        {
            var page = await TestApp.GetDocumentAsync(client, "/Compliance?year=2026");

            string Tally(ComplianceState state) =>
                string.Join(' ', page.QuerySelectorAll($"#heat-map-tallies tr[data-state={state}] td").Select(td => td.TextContent.Trim()));

            // Columns: the regulation's minimum for reports, the province's practice, member meetings, organization,
            // rules, education (no frequency in the regulation: not judged), checklists, rectification orders.
            Assert.Equal("4 1 3 3 3 0 1 3", Tally(ComplianceState.Met));
            Assert.Equal("0 1 0 1 1 0 0 0", Tally(ComplianceState.PartlyMet));
            Assert.Equal("0 1 0 1 1 0 0 1", Tally(ComplianceState.Missing));
            Assert.Equal("1 2 2 0 0 0 2 1", Tally(ComplianceState.NotYetDue));
            Assert.Equal("0 0 0 0 0 5 2 0", Tally(ComplianceState.NotJudged));
            Assert.Equal("5", page.QuerySelector("#total-units")!.TextContent.Trim());
            Assert.Equal("3", page.QuerySelector("#total-compliant")!.TextContent.Trim());
            Assert.Equal("4", page.QuerySelector("#total-missing")!.TextContent.Trim());
            Assert.Equal("3", page.QuerySelector("#total-partly")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task The_service_gives_the_semiannual_view_of_the_briefings()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var actor = new FixedCurrentUser("u", p.Root, Roles.SecrecyOfficer);

        var rows = await app.InScopeAsync(async sp =>
            (await TestApp.ServiceFor<ComplianceService>(sp, actor).HeatMapAsync(2026, new ComplianceFilter(), 1, 100)).Rows.Items.ToDictionary(r => r.UnitCode));

        static (ComplianceState, ComplianceState) Halves(UnitCompliance row) => (row.PracticePeriods[0].State, row.PracticePeriods[1].State);
        Assert.Equal((ComplianceState.Met, ComplianceState.NotYetDue), Halves(rows["P"]));
        Assert.Equal((ComplianceState.Missing, ComplianceState.Met), Halves(rows["P-B"]));
        Assert.Equal((ComplianceState.Met, ComplianceState.Met), Halves(rows["P-C"]));
        Assert.Equal(["R8", "R9"], rows["P-A"].Counts.MissingRuleAreas);
        Assert.Equal((2, 1, 0), (rows["P"].Counts.ChecklistsRequired, rows["P"].Counts.ChecklistsSubmitted, rows["P"].Counts.ChecklistsReviewed));
    }

    [Fact]
    public async Task The_gaps_filter_leaves_out_compliant_units_and_the_search_finds_a_unit()
    {
        var (app, _, client) = await SignedInAsync();
        using (app)
        {
            var gaps = await TestApp.GetDocumentAsync(client, "/Compliance?year=2026&gaps=true");
            var search = await TestApp.GetDocumentAsync(client, "/Compliance?year=2026&q=碧海");

            Assert.Equal(["P-A", "P-A-1", "P-B"], Cells(gaps).Keys);
            Assert.Equal(["P-B"], Cells(search).Keys);
        }
    }

    [Fact]
    public async Task The_heat_map_exports_to_CSV_and_XLSX()
    {
        var (app, _, client) = await SignedInAsync();
        using (app)
        {
            var csv = await client.GetAsync("/Compliance?handler=Export&format=csv&year=2026");
            var xlsx = await client.GetAsync("/Compliance?handler=Export&format=xlsx&year=2026");
            var unknown = await client.GetAsync("/Compliance?handler=Export&format=pdf&year=2026");

            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("compliance-2026.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
            var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(6, lines.Length);
            Assert.StartsWith("年度,单位代码,单位,层级,符合本办法要求,听取保密组织的情况汇报,听取保密组织的情况汇报：原因,听取保密组织的情况汇报（本省做法）,", lines[0], StringComparison.Ordinal);
            Assert.EndsWith(",本省做法：第 1 个时段（共 2 个）,本省做法：第 2 个时段（共 2 个）", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("2026,P-A,青山市,1,否,达标,已听取保密组织的情况汇报 1 次：达到本办法每年至少 1 次的要求（第五条（三））。,未到期,", lines[2], StringComparison.Ordinal);
            Assert.EndsWith(",达标,未到期", lines[2], StringComparison.Ordinal);
            Assert.Contains("2026,P-C,白云市,1,是,达标,", lines[5], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }
    }
}
