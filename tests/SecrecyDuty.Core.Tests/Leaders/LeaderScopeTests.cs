using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Tests.Leaders;

/// <summary>Art. 2: who the measure applies to.</summary>
public sealed class LeaderScopeTests
{
    [Theory]
    [InlineData(LeaderRank.ProvincialMinisterial, false, ScopeReason.Rank)]
    [InlineData(LeaderRank.DepartmentBureau, false, ScopeReason.Rank)]
    [InlineData(LeaderRank.CountyDivision, false, ScopeReason.Rank)]
    [InlineData(LeaderRank.Below, false, ScopeReason.NotInScope)]
    [InlineData(LeaderRank.Below, true, ScopeReason.OtherSecretHandlingUnitTeam)]
    [InlineData(LeaderRank.CountyDivision, true, ScopeReason.Rank)]
    [InlineData(LeaderRank.ProvincialMinisterial, true, ScopeReason.Rank)]
    public void Art2_scope_follows_the_rank_or_a_seat_on_an_other_secret_handling_units_team(LeaderRank rank, bool holdsPostingInOtherSecretHandlingUnit, ScopeReason expected) =>
        Assert.Equal(expected, LeaderScope.ReasonFor(rank, holdsPostingInOtherSecretHandlingUnit));

    [Theory]
    [InlineData(LeaderRank.ProvincialMinisterial)]
    [InlineData(LeaderRank.DepartmentBureau)]
    [InlineData(LeaderRank.CountyDivision)]
    public void Art2_a_leader_at_county_division_rank_or_above_is_in_scope_wherever_posted(LeaderRank rank) =>
        Assert.True(LeaderScope.IsInScope(rank, holdsPostingInOtherSecretHandlingUnit: false));

    [Fact]
    public void Art2_a_leader_below_county_division_on_the_team_of_an_other_secret_handling_unit_is_in_scope() =>
        Assert.True(LeaderScope.IsInScope(LeaderRank.Below, holdsPostingInOtherSecretHandlingUnit: true));

    [Fact]
    public void Art2_a_leader_below_county_division_elsewhere_is_not_in_scope() =>
        Assert.False(LeaderScope.IsInScope(LeaderRank.Below, holdsPostingInOtherSecretHandlingUnit: false));
}
