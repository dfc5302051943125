using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>The units of the hand-made province, and the leader whose account the leader tests link.</summary>
internal sealed record HandMadeProvince(int Root, int City, int CityBureau, int Coast, int Cloud, int Closed, int RootPrincipalLeader, int RootPrincipalPosting);

/// <summary>
/// A small province written straight to the database, with every case of the compliance rules in it (the test clock
/// is 2026-11-27, in the second half of 2026):
/// <list type="bullet">
/// <item>P 示范省: in 2026 everything but the second-half briefing, two postings with one checklist submitted; in 2025 everything, checklists reviewed.</item>
/// <item>P-A 青山市: in 2026 a first-half briefing, one member meeting, an organization set up in 2026 without cadres, R8 and R9 missing, no training, a posting without checklist.</item>
/// <item>P-A-1 青山市教育局: two trainings and a directive study in 2026 (which counts for nothing here), a briefing of 2024.</item>
/// <item>P-B 碧海市: in 2026 a second-half briefing, three member meetings, R9 adopted only in 2026, no posting; in 2025 a training and a posting that ended mid-year with its checklist submitted, not reviewed.</item>
/// <item>P-C 白云市: everything in 2026, its posting's checklist reviewed; in 2025 only its organization and rules.</item>
/// <item>Rectification orders of 2026: P-A's past its deadline without a report, P-B's due in December, P-C's reported in time.</item>
/// <item>P-X: deactivated, not on the map.</item>
/// </list>
/// </summary>
internal static class ComplianceTestData
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static readonly string[] AllAreas = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"];

    public static async Task<HandMadeProvince> BuildAsync(TestApp app)
    {
        var p = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-A", "青山市", parent: "P")
            .WithUnit("P-A-1", "青山市教育局", parent: "P-A")
            .WithUnit("P-B", "碧海市", parent: "P")
            .WithUnit("P-C", "白云市", parent: "P")
            .WithUnit("P-X", "已撤销单位", parent: "P", active: false)
            .WithLeader("张省", "P", rank: LeaderRank.DepartmentBureau)
            .WithLeader("李省", "P", rank: LeaderRank.DepartmentBureau)
            .WithLeader("王市", "P-A", rank: LeaderRank.DepartmentBureau)
            .WithLeader("赵市", "P-B", rank: LeaderRank.DepartmentBureau)
            .WithLeader("孙市", "P-C", rank: LeaderRank.DepartmentBureau)
            .WithPosting("张省", PostingRole.PrincipalLeader, new(2020, 1, 1))
            .WithPosting("李省", PostingRole.SecrecyLeader, new(2020, 1, 1))
            .WithPosting("王市", PostingRole.PrincipalLeader, new(2024, 1, 1))
            .WithPosting("赵市", PostingRole.PrincipalLeader, new(2023, 1, 1), new(2025, 6, 30))
            .WithPosting("孙市", PostingRole.PrincipalLeader, new(2026, 1, 1))

            // P: the second-half briefing of 2026 is the only gap.
            .WithActivities("P", ActivityKind.Briefing, new DateOnly(2026, 3, 10), new DateOnly(2025, 4, 1), new DateOnly(2025, 10, 1))
            .WithActivities("P", ActivityKind.MemberMeeting, new DateOnly(2026, 2, 1), new DateOnly(2026, 8, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 9, 1))
            .WithActivities("P", ActivityKind.Training, new DateOnly(2026, 5, 5), new DateOnly(2025, 5, 5))
            .WithOrganization("P", establishedOn: new(2015, 1, 1), fullTime: 1, partTime: 1)
            .WithRuleEntries("P", AllAreas, new(2020, 3, 1))

            // P-A: a little of everything.
            .WithActivities("P-A", ActivityKind.Briefing, new DateOnly(2026, 5, 20))
            .WithActivities("P-A", ActivityKind.MemberMeeting, new DateOnly(2026, 6, 1))
            .WithOrganization("P-A", establishedOn: new(2026, 2, 1))
            .WithRuleEntries("P-A", ["R1", "R2", "R3", "R4", "R5", "R6", "R7"], new(2020, 3, 1))

            // P-A-1: kinds that do not count, and a year that does not count.
            .WithActivities("P-A-1", ActivityKind.Training, new DateOnly(2026, 1, 15), new DateOnly(2026, 10, 15))
            .WithActivities("P-A-1", ActivityKind.DirectiveStudy, new DateOnly(2026, 4, 1))
            .WithActivities("P-A-1", ActivityKind.Briefing, new DateOnly(2024, 12, 31))

            // P-B: the second half only; a rule area adopted late; a posting that ended in 2025.
            .WithActivities("P-B", ActivityKind.Briefing, new DateOnly(2026, 8, 1))
            .WithActivities("P-B", ActivityKind.MemberMeeting, new DateOnly(2026, 3, 1), new DateOnly(2026, 7, 1), new DateOnly(2026, 11, 1))
            .WithActivities("P-B", ActivityKind.Training, new DateOnly(2025, 6, 30))
            .WithOrganization("P-B", establishedOn: new(2019, 6, 1), partTime: 1)
            .WithRuleEntries("P-B", ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"], new(2020, 3, 1))
            .WithRuleEntries("P-B", ["R9"], new(2026, 3, 1))

            // P-C: fully compliant in 2026; its posting began in 2026.
            .WithActivities("P-C", ActivityKind.Briefing, new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 1))
            .WithActivities("P-C", ActivityKind.MemberMeeting, new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 31))
            .WithActivities("P-C", ActivityKind.Training, new DateOnly(2026, 9, 9))
            .WithOrganization("P-C", establishedOn: new(2018, 1, 1), fullTime: 2)
            .WithRuleEntries("P-C", AllAreas, new(2020, 3, 1))

            // Rectification orders (art. 15): P-A's is past its deadline without a report, P-B's deadline is ahead, P-C reported in time.
            .WithRectificationOrder("P-A", "P", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31))
            .WithRectificationOrder("P-B", "P", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 20))
            .WithRectificationOrder("P-C", "P", new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30), RectificationStatus.Reported)

            .WithChecklist("张省", 2026, ChecklistStatus.Submitted)
            .WithChecklist("李省", 2026, ChecklistStatus.Open)
            .WithChecklist("张省", 2025, ChecklistStatus.Reviewed)
            .WithChecklist("李省", 2025, ChecklistStatus.Reviewed)
            .WithChecklist("赵市", 2025, ChecklistStatus.Submitted)
            .WithChecklist("孙市", 2026, ChecklistStatus.Reviewed)
            .WithChecklist("王市", 2024, ChecklistStatus.Reviewed)
            .BuildAsync();
        return new HandMadeProvince(p.Unit("P"), p.Unit("P-A"), p.Unit("P-A-1"), p.Unit("P-B"), p.Unit("P-C"), p.Unit("P-X"), p.Leader("张省"), p.Posting("张省"));
    }
}
