using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// Issue 10: the dashboard judges only the current year unit by unit and counts the trends of earlier years in SQL
/// (docs/decisions/0017). Whatever the path, the figures are those of the full computation: every unit of each year
/// judged by <see cref="ComplianceRules"/>, which the heat map's export still does.
/// </summary>
public sealed class AggregatedDashboardTests
{
    private static async Task AssertDashboardEqualsFullComputationAsync(TestApp app, int rootUnit)
    {
        var actor = new FixedCurrentUser("u", rootUnit, Roles.SecrecyOfficer);
        var (dashboard, full) = await app.InScopeAsync(async sp =>
        {
            var service = TestApp.ServiceFor<ComplianceService>(sp, actor);
            var dashboard = await service.DashboardAsync(20);
            var full = new Dictionary<int, IReadOnlyList<UnitCompliance>>();
            foreach (var trend in dashboard.Trends)
            {
                full[trend.Year] = await service.ExportAsync(trend.Year, new ComplianceFilter());
            }

            return (dashboard, full);
        });

        Assert.Equal(ComplianceService.TrendYears, dashboard.Trends.Count);
        foreach (var trend in dashboard.Trends)
        {
            var rows = full[trend.Year];
            Assert.Equal(
                new ComplianceTrend(trend.Year, rows.Sum(r => r.Counts.Briefings), rows.Sum(r => r.Counts.MemberMeetings), rows.Sum(r => r.Counts.Trainings), rows.Count, rows.Count(r => r.IsCompliant)),
                trend);
        }

        var current = full[dashboard.HeatMap.Year];
        Assert.Equal(current.Count, dashboard.HeatMap.Units);
        Assert.Equal(current.Count(r => r.IsCompliant), dashboard.HeatMap.CompliantUnits);
        Assert.Equal(current.Take(20).Select(r => r.UnitId), dashboard.HeatMap.Rows.Items.Select(r => r.UnitId));
        Assert.Equal(current.Sum(r => r.Gaps.Count()), dashboard.OverdueCount);
    }

    [Fact]
    public async Task The_trends_counted_in_SQL_equal_the_rules_applied_to_every_unit_of_the_hand_made_province_with_units_set_up_and_closed_during_the_years()
    {
        using var app = TestApp.Rent();
        var province = await ComplianceTestData.BuildAsync(app);

        // Units whose life cuts a year (judged by the rules) beside units that existed all of it (counted in SQL).
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
    }

    [Fact]
    public async Task The_trends_counted_in_SQL_equal_the_rules_applied_to_every_unit_of_a_generated_province()
    {
        using var app = TestApp.Rent();
        await app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(new ProvinceSize(Units: 80, Leaders: 400, Years: 5, Seed: 3), _ => { }));
        var root = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync());

        await AssertDashboardEqualsFullComputationAsync(app, root);
    }
}
