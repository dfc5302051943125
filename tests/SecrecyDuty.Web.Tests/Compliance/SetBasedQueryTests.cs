using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using ActivityKind = SecrecyDuty.Core.Activities.ActivityKind;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// Issue 4: compliance is computed with set-based queries over the jurisdiction, not by loading every record. The
/// number of SQL commands must not grow with the number of units: once the judgements are stored (docs/decisions/0022),
/// nor when a write has made one unit's stale.
/// </summary>
public sealed class SetBasedQueryTests
{
    /// <summary>Counts the SQL commands EF Core runs for one DbContext instance (other tests run in parallel).</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly DbContext _context;
        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _listeners = [];
        private int _count;

        public CommandCounter(DbContext context)
        {
            _context = context;
            _subscription = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_listeners)
                {
                    _listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && ReferenceEquals(data.Context, _context))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_listeners)
            {
                _listeners.ForEach(l => l.Dispose());
            }
        }
    }

    /// <summary>A region with <paramref name="count"/> units below it, each with activities, an organization, rules, postings and checklists.</summary>
    private static async Task<int> RegionAsync(TestApp app, string code, int count)
    {
        var region = app.Province().WithUnit(code, code);
        var units = new List<string> { code };
        for (var i = 1; i < count; i++)
        {
            units.Add($"{code}-{i:00}");
            region.WithUnit(units[i], $"{code} {i}", parent: code);
        }

        foreach (var unit in units)
        {
            region
                .WithActivities(unit, ActivityKind.Briefing, new DateOnly(2026, 3, 1), new DateOnly(2025, 9, 1))
                .WithActivities(unit, ActivityKind.MemberMeeting, new DateOnly(2026, 4, 1), new DateOnly(2024, 4, 1))
                .WithActivities(unit, ActivityKind.Training, new DateOnly(2026, 10, 1))
                .WithOrganization(unit, establishedOn: new(2020, 1, 1), fullTime: 1, partTime: 1)
                .WithRuleEntries(unit, ["R1", "R2", "R3"], new(2021, 1, 1))
                .WithLeader("领导", unit, rank: LeaderRank.DepartmentBureau, key: "领导 " + unit)
                .WithPosting("领导 " + unit, PostingRole.PrincipalLeader, new(2022, 1, 1))
                .WithChecklist("领导 " + unit, 2025, ChecklistStatus.Reviewed);
        }

        return (await region.BuildAsync()).Unit(code);
    }

    private static Task<(int Commands, int Units)> CountAsync(TestApp app, int region, Func<ComplianceService, Task<int>> work) =>
        app.InScopeAsync(async sp =>
        {
            var service = TestApp.ServiceFor<ComplianceService>(sp, new FixedCurrentUser("u", region, Roles.SecrecyOfficer));
            using var counter = new CommandCounter(sp.GetRequiredService<AppDbContext>());
            var units = await work(service);
            return (counter.Count, units);
        });

    /// <summary>
    /// The first calls judge and store every unit of both regions (a write per row; each judging gives the year a new
    /// revision), the second ones count the figures the third ones find kept: what every later page costs, once no row of
    /// the province is stale.
    /// </summary>
    private static async Task<((int Commands, int Units) Few, (int Commands, int Units) Many)> CountOnceJudgedAsync(TestApp app, int small, int large, Func<ComplianceService, Task<int>> work)
    {
        for (var round = 0; round < 2; round++)
        {
            await CountAsync(app, small, work);
            await CountAsync(app, large, work);
        }

        return (await CountAsync(app, small, work), await CountAsync(app, large, work));
    }

    [Fact]
    public async Task The_heat_map_runs_the_same_few_queries_for_3_units_as_for_30()
    {
        using var app = TestApp.Rent();
        var small = await RegionAsync(app, "S", 3);
        var large = await RegionAsync(app, "L", 30);

        async Task<int> HeatMap(ComplianceService s) => (await s.HeatMapAsync(2026, new ComplianceFilter(), 1, 100)).Units;
        var (few, many) = await CountOnceJudgedAsync(app, small, large, HeatMap);

        Assert.Equal((3, 30), (few.Units, many.Units));
        Assert.Equal(few.Commands, many.Commands);

        // The saves' notes and the year's revision (none, and unchanged), whether any row is stale (none), the top's tree key,
        // the page's units (the totals are kept under the revision), and the page's rows judged anew (eleven).
        Assert.InRange(many.Commands, 1, 16);
    }

    [Fact]
    public async Task A_briefing_recorded_in_one_unit_is_judged_again_alone_with_as_many_queries_for_3_units_as_for_30()
    {
        using var app = TestApp.Rent();
        var small = await RegionAsync(app, "S", 3);
        var large = await RegionAsync(app, "L", 30);
        async Task<int> HeatMap(ComplianceService s) => (await s.HeatMapAsync(2026, new ComplianceFilter(), 1, 100)).Units;
        var (judgedFew, judgedMany) = await CountOnceJudgedAsync(app, small, large, HeatMap);
        Assert.Equal(judgedFew.Commands, judgedMany.Commands);
        var judged = judgedMany.Commands;

        await app.Province().WithActivity(small, ActivityKind.Briefing, new DateOnly(2026, 11, 20)).BuildAsync();
        var few = await CountAsync(app, small, HeatMap);
        await app.Province().WithActivity(large, ActivityKind.Briefing, new DateOnly(2026, 11, 20)).BuildAsync();
        var many = await CountAsync(app, large, HeatMap);

        // The save's note applied (the unit's rows marked stale, the years given a new revision, the note removed); the
        // jurisdiction's stale row found, judged (eleven grouped queries) and written, its year revised, the stale rows
        // looked for again; the revisions read again and the totals counted again, the kept ones being of an older revision.
        Assert.Equal(few.Commands, many.Commands);
        Assert.Equal(judged + 3 + 1 + 11 + 1 + 1 + 1 + 1 + 1, many.Commands);
    }

    [Fact]
    public async Task The_dashboard_over_five_years_runs_the_same_few_queries_for_3_units_as_for_30()
    {
        using var app = TestApp.Rent();
        var small = await RegionAsync(app, "S", 3);
        var large = await RegionAsync(app, "L", 30);

        async Task<int> Dashboard(ComplianceService s) => (await s.DashboardAsync(20)).HeatMap.Units;
        var (few, many) = await CountOnceJudgedAsync(app, small, large, Dashboard);

        Assert.Equal((3, 30), (few.Units, many.Units));
        Assert.Equal(few.Commands, many.Commands);

        // The saves' notes, the years' revisions, whether any row is stale, the top's tree key, the first rows of the map and
        // of the three lists (the totals and the trends are kept under the revisions), and the rows shown judged anew (eleven).
        Assert.InRange(many.Commands, 1, 19);
    }

    [Fact]
    public async Task The_trends_count_the_activities_of_each_year()
    {
        using var app = TestApp.Rent();
        var region = await RegionAsync(app, "S", 3);
        var actor = new FixedCurrentUser("u", region, Roles.Supervisor);

        var trends = await app.InScopeAsync(async sp => (await TestApp.ServiceFor<ComplianceService>(sp, actor).DashboardAsync(20)).Trends);

        Assert.Equal([2022, 2023, 2024, 2025, 2026], trends.Select(t => t.Year));
        Assert.Equal([0, 0, 0, 3, 3], trends.Select(t => t.Briefings));
        Assert.Equal([0, 0, 3, 0, 3], trends.Select(t => t.MemberMeetings));
        Assert.Equal([0, 0, 0, 0, 3], trends.Select(t => t.Trainings));
        Assert.All(trends, t => Assert.Equal(3, t.Units));
    }
}
