using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Tests.Leaders;

/// <summary>Arts. 5–7: who may hold which role in a unit, and when.</summary>
public sealed class PostingRulesTests
{
    private const int Unit = 1;
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private static PostingPeriod P(int leader, PostingRole role, DateOnly from, DateOnly? to = null, int id = 0, int unit = Unit, bool leadsSecrecyWork = false) =>
        new(id, leader, unit, role, from, to, leadsSecrecyWork);

    [Fact]
    public void A_period_may_not_end_before_it_starts() =>
        Assert.Equal([PostingProblem.EndsBeforeStart], PostingRules.Check(P(1, PostingRole.OtherMember, Jan1, Jan1.AddDays(-1)), []));

    [Fact]
    public void A_period_of_one_day_is_valid() =>
        Assert.Empty(PostingRules.Check(P(1, PostingRole.OtherMember, Jan1, Jan1), []));

    [Fact]
    public void A_leader_cannot_hold_two_overlapping_postings_in_the_same_role_in_one_unit() =>
        Assert.Contains(PostingProblem.OverlapsSameLeaderAndUnit, PostingRules.Check(
            P(1, PostingRole.OtherMember, Jan1.AddMonths(3)),
            [P(1, PostingRole.OtherMember, Jan1, Jan1.AddMonths(6), id: 7)]));

    [Fact]
    public void Art6_one_leader_may_hold_two_roles_in_one_unit_at_once() =>
        Assert.Empty(PostingRules.Check(
            P(1, PostingRole.OtherMember, Jan1.AddMonths(3)),
            [P(1, PostingRole.PrincipalLeader, Jan1, Jan1.AddMonths(6), id: 7)]));

    [Fact]
    public void A_posting_may_start_the_day_after_the_previous_one_ended() =>
        Assert.Empty(PostingRules.Check(
            P(1, PostingRole.PrincipalLeader, Jan1.AddMonths(6).AddDays(1)),
            [P(1, PostingRole.OtherMember, Jan1, Jan1.AddMonths(6), id: 7)]));

    [Fact]
    public void A_posting_ending_on_the_day_the_other_starts_overlaps() =>
        Assert.Contains(PostingProblem.OverlapsSameLeaderAndUnit, PostingRules.Check(
            P(1, PostingRole.OtherMember, Jan1, Jan1.AddMonths(6)),
            [P(1, PostingRole.OtherMember, Jan1.AddMonths(6), id: 7)]));

    [Fact]
    public void The_same_leader_may_hold_postings_in_two_units_at_once() =>
        Assert.Empty(PostingRules.Check(
            P(1, PostingRole.PrincipalLeader, Jan1),
            [P(1, PostingRole.PrincipalLeader, Jan1, id: 7, unit: 2)]));

    [Fact]
    public void Art5_two_principal_leaders_at_once_are_allowed() =>
        Assert.Empty(PostingRules.Check(
            P(2, PostingRole.PrincipalLeader, Jan1),
            [P(1, PostingRole.PrincipalLeader, Jan1, id: 7)]));

    [Fact]
    public void Art5_a_third_principal_leader_at_once_is_refused() =>
        Assert.Equal([PostingProblem.TooManyPrincipalLeaders], PostingRules.Check(
            P(3, PostingRole.PrincipalLeader, Jan1.AddMonths(1)),
            [P(1, PostingRole.PrincipalLeader, Jan1, id: 7), P(2, PostingRole.PrincipalLeader, Jan1, id: 8)]));

    [Fact]
    public void Art5_a_third_principal_leader_after_one_left_is_allowed() =>
        Assert.Empty(PostingRules.Check(
            P(3, PostingRole.PrincipalLeader, Jan1.AddMonths(6)),
            [P(1, PostingRole.PrincipalLeader, Jan1, Jan1.AddMonths(6).AddDays(-1), id: 7), P(2, PostingRole.PrincipalLeader, Jan1, id: 8)]));

    [Fact]
    public void Art5_two_earlier_principals_that_never_held_together_leave_room() =>
        Assert.Empty(PostingRules.Check(
            P(3, PostingRole.PrincipalLeader, Jan1),
            [P(1, PostingRole.PrincipalLeader, Jan1, Jan1.AddMonths(3), id: 7), P(2, PostingRole.PrincipalLeader, Jan1.AddMonths(4), id: 8)]));

    [Fact]
    public void Art6_a_second_leader_in_charge_of_secrecy_at_once_is_refused() =>
        Assert.Equal([PostingProblem.TooManySecrecyLeaders], PostingRules.Check(
            P(2, PostingRole.SecrecyLeader, Jan1.AddMonths(2), Jan1.AddMonths(3)),
            [P(1, PostingRole.SecrecyLeader, Jan1, id: 7)]));

    [Fact]
    public void Art6_a_principal_leader_who_also_leads_secrecy_work_is_allowed_when_nobody_else_does() =>
        Assert.Empty(PostingRules.Check(
            P(1, PostingRole.PrincipalLeader, Jan1, leadsSecrecyWork: true),
            [P(2, PostingRole.PrincipalLeader, Jan1, id: 7), P(3, PostingRole.OtherMember, Jan1, id: 8)]));

    [Fact]
    public void Art6_a_flagged_posting_beside_a_leader_in_charge_of_secrecy_is_refused() =>
        Assert.Equal([PostingProblem.TooManySecrecyLeaders], PostingRules.Check(
            P(1, PostingRole.PrincipalLeader, Jan1.AddMonths(1), leadsSecrecyWork: true),
            [P(2, PostingRole.SecrecyLeader, Jan1, id: 7)]));

    [Fact]
    public void Art6_a_leader_in_charge_of_secrecy_beside_a_flagged_posting_is_refused() =>
        Assert.Equal([PostingProblem.TooManySecrecyLeaders], PostingRules.Check(
            P(2, PostingRole.SecrecyLeader, Jan1.AddMonths(1)),
            [P(1, PostingRole.OtherMember, Jan1, id: 7, leadsSecrecyWork: true)]));

    [Fact]
    public void Art6_two_flagged_postings_at_once_are_refused_even_of_one_leader() =>
        Assert.Equal([PostingProblem.TooManySecrecyLeaders], PostingRules.Check(
            P(1, PostingRole.OtherMember, Jan1, leadsSecrecyWork: true),
            [P(1, PostingRole.PrincipalLeader, Jan1, id: 7, leadsSecrecyWork: true)]));

    [Fact]
    public void Art6_a_flagged_posting_may_follow_a_leader_in_charge_who_left() =>
        Assert.Empty(PostingRules.Check(
            P(1, PostingRole.PrincipalLeader, Jan1.AddMonths(6), leadsSecrecyWork: true),
            [P(2, PostingRole.SecrecyLeader, Jan1, Jan1.AddMonths(6).AddDays(-1), id: 7)]));

    [Fact]
    public void Art5_and_art6_a_flagged_third_principal_leader_breaks_both_limits() =>
        Assert.Equal([PostingProblem.TooManyPrincipalLeaders, PostingProblem.TooManySecrecyLeaders], PostingRules.Check(
            P(3, PostingRole.PrincipalLeader, Jan1, leadsSecrecyWork: true),
            [P(1, PostingRole.PrincipalLeader, Jan1, id: 7), P(2, PostingRole.PrincipalLeader, Jan1, id: 8), P(4, PostingRole.SecrecyLeader, Jan1, id: 9)]));

    [Fact]
    public void Art7_other_team_members_are_not_limited() =>
        Assert.Empty(PostingRules.Check(
            P(9, PostingRole.OtherMember, Jan1),
            [.. Enumerable.Range(1, 8).Select(i => P(i, PostingRole.OtherMember, Jan1, id: 10 + i))]));

    [Fact]
    public void Editing_a_posting_does_not_collide_with_itself() =>
        Assert.Empty(PostingRules.Check(
            P(1, PostingRole.SecrecyLeader, Jan1, id: 7),
            [P(1, PostingRole.SecrecyLeader, Jan1.AddMonths(-1), id: 7)]));
}
