using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// Issue 10: the dashboard and the heat map count, sum and page over the stored judgements, one row per unit and year
/// (docs/decisions/0022), and judge only the rows they show. Whatever the path, the figures are those of the full
/// computation: every unit of each year judged by <see cref="ComplianceRules"/>, which the heat map's export still does;
/// also right after a write, and after the date moves on.
/// </summary>
public sealed class AggregatedDashboardTests
{
    private static Task<(ComplianceDashboard Dashboard, Dictionary<int, IReadOnlyList<UnitCompliance>> Full)> DashboardAndFullComputationAsync(TestApp app, int rootUnit) =>
        app.InScopeAsync(async sp =>
        {
            var service = TestApp.ServiceFor<ComplianceService>(sp, new FixedCurrentUser("u", rootUnit, Roles.SecrecyOfficer));
            var dashboard = await service.DashboardAsync(20);
            var full = new Dictionary<int, IReadOnlyList<UnitCompliance>>();
            foreach (var trend in dashboard.Trends)
            {
                full[trend.Year] = await service.ExportAsync(trend.Year, new ComplianceFilter());
            }

            return (dashboard, full);
        });

    /// <summary>The dashboard as the full computation gives it: every unit judged, the lists made of every unit's items.</summary>
    private static async Task<ComplianceDashboard> AssertDashboardEqualsFullComputationAsync(TestApp app, int rootUnit)
    {
        var (dashboard, full) = await DashboardAndFullComputationAsync(app, rootUnit);

        Assert.Equal(ComplianceService.TrendYears, dashboard.Trends.Count);
        foreach (var trend in dashboard.Trends)
        {
            var rows = full[trend.Year];
            Assert.Equal(
                new ComplianceTrend(trend.Year, rows.Sum(r => r.Counts.Briefings), rows.Sum(r => r.Counts.MemberMeetings), rows.Sum(r => r.Counts.Trainings), rows.Count, rows.Count(r => r.IsCompliant)),
                trend);
        }

        var current = full[dashboard.HeatMap.Year];
        AssertMapEquals(current, dashboard.HeatMap, 20);
        var overdue = current.SelectMany(r => r.Gaps.Select(g => new DueItem(r.UnitId, r.UnitName, g))).OrderBy(d => d.Result.State == ComplianceState.Missing ? 0 : 1).ToList();
        var dueLater = current.SelectMany(r => r.Results.Where(x => x.State == ComplianceState.NotYetDue).Select(x => new DueItem(r.UnitId, r.UnitName, x))).ToList();
        Assert.Equal(overdue.Count, dashboard.OverdueCount);
        Assert.Equal(Items(overdue.Take(ComplianceService.DueListSize)), Items(dashboard.Overdue));
        Assert.Equal(dueLater.Count, dashboard.DueLaterCount);
        Assert.Equal(Items(dueLater.Take(ComplianceService.DueListSize)), Items(dashboard.DueLater));
        return dashboard;
    }

    /// <summary>Totals and tallies over <paramref name="rows"/>, and the first rows of the page with their every state.</summary>
    private static void AssertMapEquals(IReadOnlyList<UnitCompliance> rows, ComplianceHeatMap map, int pageSize)
    {
        Assert.Equal(rows.Count, map.Units);
        Assert.Equal(rows.Count, map.Rows.TotalCount);
        Assert.Equal(rows.Count(r => r.IsCompliant), map.CompliantUnits);
        Assert.Equal(rows.Sum(r => r.Results.Count(x => x.State == ComplianceState.Missing)), map.MissingItems);
        Assert.Equal(rows.Sum(r => r.Results.Count(x => x.State == ComplianceState.PartlyMet)), map.PartlyMetItems);
        Assert.Equal(
            Requirements.All.Select(q => new RequirementTally(
                q,
                rows.Count(r => r[q].State == ComplianceState.Met),
                rows.Count(r => r[q].State == ComplianceState.PartlyMet),
                rows.Count(r => r[q].State == ComplianceState.Missing),
                rows.Count(r => r[q].State == ComplianceState.NotYetDue),
                rows.Count(r => r[q].State == ComplianceState.NotJudged))),
            map.Tallies);
        Assert.Equal(Cells(rows.Take(pageSize)), Cells(map.Rows.Items));
    }

    private static List<string> Cells(IEnumerable<UnitCompliance> rows) =>
        [.. rows.Select(r => $"{r.UnitCode} {r.Depth} {string.Join(",", r.Results.Select(x => $"{x.State} {x.DueOn}"))}")];

    private static List<string> Items(IEnumerable<DueItem> items) =>
        [.. items.Select(d => $"{d.UnitId} {d.Result.Requirement} {d.Result.State} {d.Result.DueOn}")];

    private static Task<UnitYearCompliance> StoredAsync(TestApp app, int unitId, int year) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitYearCompliances.AsNoTracking().SingleAsync(r => r.UnitId == unitId && r.Year == year));

    [Fact]
    public async Task The_stored_judgements_give_the_full_computations_figures_on_the_hand_made_province_with_units_set_up_and_closed_during_the_years()
    {
        using var app = TestApp.Rent();
        var province = await ComplianceTestData.BuildAsync(app);

        // Units whose life cuts a year beside units that existed all of it.
        await app.Province()
            .WithUnit("N", "新设单位", parent: province.Root, establishedOn: new(2024, 5, 1))
            .WithUnit("Z", "撤并单位", parent: province.Root, active: false, establishedOn: new(2010, 1, 1), closedOn: new(2025, 3, 31))
            .WithUnit("F", "全年单位", parent: province.Root, establishedOn: new(2023, 1, 1))
            .WithActivities("N", ActivityKind.Briefing, new DateOnly(2024, 9, 1), new DateOnly(2025, 2, 1))
            .WithActivities("N", ActivityKind.MemberMeeting, new DateOnly(2024, 10, 1))
            .WithActivities("Z", ActivityKind.Briefing, new DateOnly(2025, 1, 10), new DateOnly(2024, 6, 1))
            .WithActivities("Z", ActivityKind.MemberMeeting, new DateOnly(2024, 3, 1), new DateOnly(2024, 9, 1), new DateOnly(2025, 2, 1))
            .WithOrganization("Z", establishedOn: new(2012, 1, 1), fullTime: 1)
            .WithRuleEntries("Z", ComplianceTestData.AllAreas, new(2012, 1, 1))
            .WithActivities("F", ActivityKind.Briefing, new DateOnly(2024, 2, 1), new DateOnly(2024, 8, 1))
            .WithActivities("F", ActivityKind.MemberMeeting, new DateOnly(2024, 3, 1), new DateOnly(2024, 9, 1))
            .WithOrganization("F", establishedOn: new(2023, 1, 1), fullTime: 1)
            .WithRuleEntries("F", ComplianceTestData.AllAreas, new(2023, 1, 1))
            .WithLeader("钱全", "F", rank: LeaderRank.DepartmentBureau)
            .WithPosting("钱全", PostingRole.PrincipalLeader, new(2023, 1, 1))
            .WithChecklist("钱全", 2024, ChecklistStatus.Reviewed)
            .WithChecklist("钱全", 2023, ChecklistStatus.Submitted)
            .BuildAsync();

        await AssertDashboardEqualsFullComputationAsync(app, province.Root);

        // A jurisdiction below the top: its own totals, depths counted from its top.
        await AssertDashboardEqualsFullComputationAsync(app, province.City);
    }

    [Fact]
    public async Task The_stored_judgements_give_the_full_computations_figures_on_a_generated_province()
    {
        using var app = TestApp.Rent();
        await app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(new ProvinceSize(Units: 80, Leaders: 400, Years: 5, Seed: 3), _ => { }));
        var root = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync());

        await AssertDashboardEqualsFullComputationAsync(app, root);
    }

    [Fact]
    public async Task The_heat_map_counts_and_pages_with_its_filters_as_the_full_computation_does()
    {
        using var app = TestApp.Rent();
        await app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(new ProvinceSize(Units: 80, Leaders: 400, Years: 2, Seed: 5), _ => { }));
        var root = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync());
        var actor = new FixedCurrentUser("u", root, Roles.SecrecyOfficer);

        foreach (var filter in new[] { new ComplianceFilter(), new ComplianceFilter(GapsOnly: true), new ComplianceFilter("g-p01"), new ComplianceFilter("教育", GapsOnly: true) })
        {
            foreach (var year in new[] { 2025, 2026 })
            {
                var (map, secondPage, full) = await app.InScopeAsync(async sp =>
                {
                    var service = TestApp.ServiceFor<ComplianceService>(sp, actor);
                    return (await service.HeatMapAsync(year, filter, 1, 10), await service.HeatMapAsync(year, filter, 2, 10), await service.ExportAsync(year, filter));
                });

                Assert.NotEmpty(full);
                AssertMapEquals(full, map, 10);
                Assert.Equal(Cells(full.Skip(10).Take(10)), Cells(secondPage.Rows.Items));
            }
        }
    }

    [Fact]
    public async Task Every_kind_of_change_the_rules_read_is_followed_at_once_by_the_stored_judgements()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var actor = new FixedCurrentUser("u", p.Root, Roles.SecrecyOfficer);

        async Task AssertFollowsAsync(string change)
        {
            // A jurisdiction below first: its figures are kept too, and a unit moved out of it leaves them, though nothing
            // left in it is judged again.
            await AssertDashboardEqualsFullComputationAsync(app, p.City);
            foreach (var year in new[] { 2025, 2026 })
            {
                var (map, full) = await app.InScopeAsync(async sp =>
                {
                    var service = TestApp.ServiceFor<ComplianceService>(sp, actor);
                    return (await service.HeatMapAsync(year, new ComplianceFilter(), 1, 50), await service.ExportAsync(year, new ComplianceFilter()));
                });
                try
                {
                    AssertMapEquals(full, map, 50);
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    throw new Xunit.Sdk.XunitException($"After {change}, {year}: {e.Message}");
                }
            }

            await AssertDashboardEqualsFullComputationAsync(app, p.Root);
        }

        Task ChangeAsync(string change, Func<AppDbContext, Task> write) =>
            app.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                await write(db);
                await db.SaveChangesAsync();
            }).ContinueWith(_ => AssertFollowsAsync(change), TaskScheduler.Default).Unwrap();

        await AssertFollowsAsync("nothing");

        // Art. 9: a checklist reviewed; a posting ended; a leader's rank below the scope of art. 2.
        await ChangeAsync("a checklist reviewed", async db => (await db.DutyChecklists.SingleAsync(c => c.UnitId == p.Root && c.Year == 2026 && c.Status == ChecklistStatus.Open)).Status = ChecklistStatus.Reviewed);
        await ChangeAsync("a posting ended", async db => (await db.Postings.SingleAsync(x => x.UnitId == p.Cloud)).To = new DateOnly(2025, 12, 31));
        await ChangeAsync("a leader's rank", async db => (await db.Leaders.SingleAsync(l => l.Name == "王市")).Rank = LeaderRank.Below);

        // P5.2 and S6.6: a cadre for an organization without one; rules adopted; an area marked not applicable.
        await ChangeAsync("a cadre added", async db => db.SecrecyCadres.Add(new SecrecyCadre { SecrecyOrganizationId = await db.SecrecyOrganizations.Where(o => o.UnitId == p.City).Select(o => o.Id).SingleAsync(), Name = "保密干部", IsFullTime = true }));
        await ChangeAsync("a rule adopted", async db => db.RuleRegisterEntries.Add(new RuleRegisterEntry
        {
            UnitId = p.City,
            RuleAreaId = await db.RuleAreas.Where(a => a.Code == "R8" && db.Regulations.Any(r => r.Id == a.RegulationId && r.IsCurrent)).Select(a => a.Id).SingleAsync(),
            AdoptedOn = new DateOnly(2026, 6, 1),
            DocumentReference = "青保〔2026〕8号",
        }));

        // Art. 15: an order reported.
        await ChangeAsync("an order reported", async db => (await db.RectificationOrders.SingleAsync(o => o.UnitId == p.City)).Status = RectificationStatus.Reported);

        // The tree: a unit moved below another (its place and depth), a code changed (the order of it and those below it).
        await ChangeAsync("a unit moved", async db => await Core.Units.UnitTree.MoveAsync(db, await db.Units.SingleAsync(u => u.Id == p.CityBureau), p.Coast));
        await ChangeAsync("a code changed", async db => (await db.Units.SingleAsync(u => u.Id == p.Coast)).Code = "P-Z");

        // A unit's life: set up in 2026 (no longer judged for 2025), closed mid-2026, a new unit set up.
        await ChangeAsync("a unit's set-up date", async db => (await db.Units.SingleAsync(u => u.Id == p.Cloud)).EstablishedOn = new DateOnly(2026, 3, 1));
        await ChangeAsync("a unit closed", async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == p.CityBureau);
            unit.IsActive = false;
            unit.ClosedOn = new DateOnly(2026, 6, 30);
        });
        await ChangeAsync("a unit set up", async db => await Core.Units.UnitTree.AddAsync(db, new Core.Units.Unit { Code = "P-D", Name = "新设单位", EstablishedOn = new DateOnly(2025, 7, 1) }, p.Root));

        // The catalogue: the province's practice asks for quarterly reports (every judgement).
        await ChangeAsync("the catalogue", async db =>
        {
            var item = await db.DutyItems.SingleAsync(d => d.Code == "P5.3" && db.Regulations.Any(r => r.Id == d.RegulationId && r.IsCurrent));
            item.ExpectedPerYear = 4;
            item.ExpectedPeriodsPerYear = 4;
        });
    }

    [Fact]
    public async Task A_briefing_recorded_makes_its_units_row_stale_and_the_dashboard_shows_it_at_once()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        await app.Province().WithAccount("officer", Roles.SecrecyOfficer, p.Root).BuildAsync();
        var before = await AssertDashboardEqualsFullComputationAsync(app, p.Root);
        Assert.Contains(before.DueLater, d => d.UnitId == p.Root && d.Result.Requirement == Requirement.BriefingPractice);
        Assert.Equal(ComplianceTestData.Today, (await StoredAsync(app, p.Root, 2026)).JudgedFor);

        // Recorded through the form, as a secrecy officer does (the same save every service uses).
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, $"/Activities/Create?kind=Briefing&unitId={p.Root}", "#activity-form");
        var response = await client.PostAsync("/Activities/Create", form.With(
            ("Input.Date", "2026-11-20"),
            ("Input.PostingIds", p.RootPrincipalPosting.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Title", "听取保密组织的情况汇报"),
            ("Input.Presenters", "保密办主任"),
            ("Input.Topics", "下半年保密工作情况")).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The save noted the unit's judgements stale, in its own transaction; the next read applies the note.
        var notes = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ComplianceChanges.AsNoTracking().ToListAsync());
        Assert.Equal([p.Root], notes.Select(n => n.UnitId));

        var after = await AssertDashboardEqualsFullComputationAsync(app, p.Root);
        Assert.DoesNotContain(after.DueLater, d => d.UnitId == p.Root && d.Result.Requirement == Requirement.BriefingPractice);
        Assert.Equal(before.Trends[^1].Briefings + 1, after.Trends[^1].Briefings);
        Assert.Equal(ComplianceTestData.Today, (await StoredAsync(app, p.Root, 2026)).JudgedFor);
        Assert.Empty(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ComplianceChanges.ToListAsync()));
    }

    [Fact]
    public async Task Rows_judged_for_an_earlier_day_are_judged_again_when_the_date_moves_on()
    {
        using var app = TestApp.Rent();
        var p = await ComplianceTestData.BuildAsync(app);
        var before = await AssertDashboardEqualsFullComputationAsync(app, p.Root);
        Assert.DoesNotContain(before.Overdue, d => d.UnitId == p.Coast && d.Result.Requirement == Requirement.RectificationOrders);

        // 21 December: P-B's order was due on the 20th and is not reported.
        app.Clock.Advance(TimeSpan.FromDays(24));
        var december = await AssertDashboardEqualsFullComputationAsync(app, p.Root);
        Assert.Contains(december.Overdue, d => d.UnitId == p.Coast && d.Result.Requirement == Requirement.RectificationOrders);
        Assert.Equal(new DateOnly(2026, 12, 21), (await StoredAsync(app, p.Coast, 2026)).JudgedFor);

        // A new year: 2026 is over (P heard no report in its second half: the practice is partly met) and 2027 begins.
        app.Clock.Advance(TimeSpan.FromDays(14));
        var january = await AssertDashboardEqualsFullComputationAsync(app, p.Root);
        Assert.Equal(2027, january.HeatMap.Year);
        Assert.Equal(new DateOnly(2027, 1, 4), (await StoredAsync(app, p.Root, 2026)).JudgedFor);
        Assert.Equal(ComplianceState.PartlyMet, (await StoredAsync(app, p.Root, 2026)).BriefingPractice);

        // A year that was over when it was judged stays settled: nothing of it changes with the date.
        app.Clock.Advance(TimeSpan.FromDays(30));
        await AssertDashboardEqualsFullComputationAsync(app, p.Root);
        Assert.Equal(new DateOnly(2027, 1, 4), (await StoredAsync(app, p.Root, 2026)).JudgedFor);
        Assert.Equal(new DateOnly(2027, 2, 3), (await StoredAsync(app, p.Root, 2027)).JudgedFor);
    }
}
