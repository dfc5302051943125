using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// What the engine judges at all: postings in scope of art. 2, the years a unit existed, rule areas that do not apply
/// (S6.6), and the frequencies the regulation data gives. Today is 2026-11-27.
/// </summary>
public sealed class ScopeAndUnitLifeTests
{
    private static Task<IReadOnlyDictionary<string, UnitCompliance>> HeatMapAsync(TestApp app, int rootId, int year) =>
        app.InScopeAsync<IReadOnlyDictionary<string, UnitCompliance>>(async sp =>
        {
            var actor = new FixedCurrentUser("u", rootId, Roles.SecrecyOfficer);
            var map = await TestApp.ServiceFor<ComplianceService>(sp, actor).HeatMapAsync(year, new ComplianceFilter(), 1, 100);
            return map.Rows.Items.ToDictionary(r => r.UnitCode);
        });

    private static Task ChangeAsync(TestApp app, Func<AppDbContext, Task> change) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await change(db);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Art2_a_xiangke_level_leader_in_a_party_organ_gets_no_required_checklist()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("P", "示范省")
            .WithLeader("乡科", "P", rank: LeaderRank.Below)
            .WithPosting("乡科", PostingRole.OtherMember, new(2020, 1, 1))
            .BuildAsync()).Unit("P");

        var row = (await HeatMapAsync(app, root, 2026))["P"];

        Assert.Equal(0, row.Counts.ChecklistsRequired);
        Assert.Equal(ComplianceState.NotJudged, row[Requirement.Checklists].State);
    }

    [Fact]
    public async Task Art2_the_leadership_team_of_an_other_secret_handling_unit_needs_checklists_whatever_the_rank()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("P", "示范省", kind: UnitKind.OtherSecretHandlingUnit)
            .WithLeader("乡科", "P", rank: LeaderRank.Below)
            .WithPosting("乡科", PostingRole.OtherMember, new(2020, 1, 1))
            .BuildAsync()).Unit("P");

        Assert.Equal(1, (await HeatMapAsync(app, root, 2026))["P"].Counts.ChecklistsRequired);
    }

    [Fact]
    public async Task Art2_only_large_and_medium_state_owned_enterprises_count()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-S", "小型国企", parent: "P", kind: UnitKind.StateOwnedEnterprise)
            .WithUnit("P-L", "大型国企", parent: "P", kind: UnitKind.StateOwnedEnterprise, largeOrMedium: true)
            .WithLeader("小企", "P-S", rank: LeaderRank.DepartmentBureau)
            .WithLeader("大企", "P-L", rank: LeaderRank.DepartmentBureau)
            .WithPosting("小企", PostingRole.PrincipalLeader, new(2020, 1, 1))
            .WithPosting("大企", PostingRole.PrincipalLeader, new(2020, 1, 1))
            .BuildAsync()).Unit("P");

        var rows = await HeatMapAsync(app, root, 2026);

        Assert.Equal((0, 1), (rows["P-S"].Counts.ChecklistsRequired, rows["P-L"].Counts.ChecklistsRequired));
    }

    [Fact]
    public async Task Art2_a_checklist_of_a_posting_out_of_scope_is_not_counted()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("P", "示范省")
            .WithLeader("乡科", "P", rank: LeaderRank.Below)
            .WithPosting("乡科", PostingRole.OtherMember, new(2020, 1, 1))
            .WithChecklist("乡科", 2026, ChecklistStatus.Reviewed)
            .BuildAsync()).Unit("P");

        var row = (await HeatMapAsync(app, root, 2026))["P"];

        Assert.Equal((0, 0, 0), (row.Counts.ChecklistsRequired, row.Counts.ChecklistsSubmitted, row.Counts.ChecklistsReviewed));
    }

    [Fact]
    public async Task Unit_life_a_unit_set_up_in_November_is_judged_from_then()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-N", "新设单位", parent: "P", establishedOn: new DateOnly(2025, 11, 1))
            .WithActivity("P-N", ActivityKind.Briefing, new DateOnly(2025, 12, 1))
            .WithActivity("P-N", ActivityKind.MemberMeeting, new DateOnly(2025, 12, 2))
            .BuildAsync()).Unit("P");

        var in2025 = (await HeatMapAsync(app, root, 2025))["P-N"];
        var in2024 = await HeatMapAsync(app, root, 2024);

        Assert.Equal(ComplianceState.Met, in2025[Requirement.Briefings].State);
        Assert.Equal(ComplianceState.Met, in2025[Requirement.BriefingPractice].State); // the first half is not judged
        Assert.Equal(ComplianceState.NotJudged, in2025.PracticePeriods[0].State);
        Assert.Equal(ComplianceState.Met, in2025[Requirement.MemberMeetings].State); // its share of "2 or more a year"
        Assert.Equal(new DateOnly(2025, 11, 1), in2025.EstablishedOn);
        Assert.False(in2024.ContainsKey("P-N"));
    }

    [Fact]
    public async Task Unit_life_a_closed_unit_keeps_the_years_it_existed_and_none_after()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-C", "已撤销单位", parent: "P", active: false, closedOn: new DateOnly(2025, 3, 31))
            .BuildAsync()).Unit("P");

        var in2025 = await HeatMapAsync(app, root, 2025);
        var in2026 = await HeatMapAsync(app, root, 2026);

        Assert.Equal(new DateOnly(2025, 3, 31), in2025["P-C"][Requirement.Briefings].DueOn);
        Assert.Equal(ComplianceState.Missing, in2025["P-C"][Requirement.Briefings].State);
        Assert.False(in2026.ContainsKey("P-C"));
    }

    [Fact]
    public async Task Art6_6_a_rule_area_marked_not_applicable_counts_as_met()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("P", "示范省")
            .WithRuleEntries("P", ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R9"], new(2020, 1, 1))
            .BuildAsync()).Unit("P");
        await ChangeAsync(app, async db =>
        {
            db.RuleAreaExemptions.Add(new RuleAreaExemption
            {
                UnitId = root,
                RuleAreaId = await db.RuleAreas.Where(a => a.Code == "R8" && db.Regulations.Any(r => r.Id == a.RegulationId && r.IsCurrent)).Select(a => a.Id).SingleAsync(),
                Reason = "本单位无科学技术工作",
                RecordedBy = "officer",
                RecordedAtUtc = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
            });
        });

        var row = (await HeatMapAsync(app, root, 2026))["P"];

        Assert.Equal(ComplianceState.Met, row[Requirement.RuleRegister].State);
        Assert.Equal(1, row.Counts.RuleAreasNotApplicable);
    }

    [Fact]
    public async Task Art5_3_a_province_that_asks_for_quarterly_reports_changes_data_not_code()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("P", "示范省")
            .WithActivities("P", ActivityKind.Briefing, new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 1))
            .BuildAsync()).Unit("P");
        await ChangeAsync(app, async db =>
        {
            var item = await db.DutyItems.SingleAsync(d => d.Code == "P5.3" && db.Regulations.Any(r => r.Id == d.RegulationId && r.IsCurrent));
            item.ExpectedPerYear = 4;
            item.ExpectedPeriodsPerYear = 4;
        });

        var row = (await HeatMapAsync(app, root, 2026))["P"];

        Assert.Equal(4, row.PracticePeriods.Count);
        Assert.Equal(
            [ComplianceState.Met, ComplianceState.Met, ComplianceState.Missing, ComplianceState.NotYetDue],
            row.PracticePeriods.Select(p => p.State));
        Assert.Equal(ComplianceState.Met, row[Requirement.Briefings].State);
    }
}
