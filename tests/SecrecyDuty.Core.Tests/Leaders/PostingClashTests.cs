using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Tests.Leaders;

/// <summary>What the messages beside the form fields name: the clashing posting, the full stretch and who fills it.</summary>
public sealed class PostingClashTests
{
    private const int Unit = 1;
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private static PostingPeriod P(int leader, PostingRole role, DateOnly from, DateOnly? to = null, int id = 0, int unit = Unit) =>
        new(id, leader, unit, role, from, to);

    [Fact]
    public void The_overlapping_posting_of_the_same_leader_is_the_earliest_one() =>
        Assert.Equal(7, PostingRules.OverlappingPostingOfSameLeader(
            P(1, PostingRole.OtherMember, Jan1, Jan1.AddMonths(12)),
            [P(1, PostingRole.OtherMember, Jan1.AddMonths(6), id: 8), P(1, PostingRole.OtherMember, Jan1.AddMonths(-3), Jan1.AddDays(5), id: 7)])?.Id);

    [Fact]
    public void Art5_the_clash_starts_where_the_candidate_starts_and_ends_when_the_first_holder_leaves()
    {
        var clash = PostingRules.FirstRoleClash(
            P(3, PostingRole.PrincipalLeader, Jan1.AddMonths(1)),
            [P(1, PostingRole.PrincipalLeader, Jan1, Jan1.AddMonths(6), id: 7), P(2, PostingRole.PrincipalLeader, Jan1, id: 8)]);

        Assert.NotNull(clash);
        Assert.Equal(Jan1.AddMonths(1), clash.From);
        Assert.Equal(Jan1.AddMonths(6), clash.To);
        Assert.Equal([7, 8], clash.Holders.Select(h => h.Id));
    }

    [Fact]
    public void Art5_the_clash_starts_on_the_day_the_second_holder_arrives_within_the_candidates_period()
    {
        var clash = PostingRules.FirstRoleClash(
            P(3, PostingRole.PrincipalLeader, Jan1),
            [P(1, PostingRole.PrincipalLeader, Jan1, id: 7), P(2, PostingRole.PrincipalLeader, Jan1.AddMonths(3), id: 8)]);

        Assert.Equal(Jan1.AddMonths(3), clash?.From);
        Assert.Null(clash?.To);
    }

    [Fact]
    public void Art6_a_clash_ends_no_later_than_the_candidates_own_end() =>
        Assert.Equal(Jan1.AddMonths(2), PostingRules.FirstRoleClash(
            P(2, PostingRole.SecrecyLeader, Jan1, Jan1.AddMonths(2)),
            [P(1, PostingRole.SecrecyLeader, Jan1.AddMonths(-12), id: 7)])?.To);

    [Fact]
    public void Art7_other_members_never_clash() =>
        Assert.Null(PostingRules.FirstRoleClash(
            P(2, PostingRole.OtherMember, Jan1),
            [P(1, PostingRole.OtherMember, Jan1, id: 7)]));

    [Fact]
    public void A_leader_does_not_clash_with_the_own_earlier_posting_in_the_same_role() =>
        Assert.Null(PostingRules.FirstRoleClash(
            P(1, PostingRole.SecrecyLeader, Jan1),
            [P(1, PostingRole.SecrecyLeader, Jan1.AddMonths(-12), id: 7)]));
}
