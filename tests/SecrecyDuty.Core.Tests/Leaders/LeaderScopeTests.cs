using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

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

    [Theory]
    [InlineData(LeaderRank.CountyDivision, UnitKind.PartyOrgan, false, ScopeReason.Rank)]
    [InlineData(LeaderRank.Below, UnitKind.PartyOrgan, false, ScopeReason.NotInScope)] // 乡科级 in a Party organ
    [InlineData(LeaderRank.Below, UnitKind.StateOrgan, false, ScopeReason.NotInScope)]
    [InlineData(LeaderRank.DepartmentBureau, UnitKind.SocialOrganization, false, ScopeReason.Rank)]
    [InlineData(LeaderRank.Below, UnitKind.PublicInstitution, false, ScopeReason.NotInScope)]
    [InlineData(LeaderRank.CountyDivision, UnitKind.StateOwnedEnterprise, true, ScopeReason.Rank)] // 国有大、中型企业
    [InlineData(LeaderRank.DepartmentBureau, UnitKind.StateOwnedEnterprise, false, ScopeReason.EnterpriseNotLargeOrMedium)]
    [InlineData(LeaderRank.Below, UnitKind.StateOwnedEnterprise, false, ScopeReason.EnterpriseNotLargeOrMedium)]
    [InlineData(LeaderRank.Below, UnitKind.StateOwnedEnterprise, true, ScopeReason.NotInScope)]
    [InlineData(LeaderRank.Below, UnitKind.OtherSecretHandlingUnit, false, ScopeReason.OtherSecretHandlingUnitTeam)]
    [InlineData(LeaderRank.ProvincialMinisterial, UnitKind.OtherSecretHandlingUnit, false, ScopeReason.Rank)]
    [InlineData(LeaderRank.CountyDivision, UnitKind.PartyOrgan, true, ScopeReason.Rank)] // the flag means nothing outside enterprises
    public void Art2_a_posting_is_in_scope_by_rank_kind_and_size_of_its_unit(LeaderRank rank, UnitKind kind, bool largeOrMedium, ScopeReason expected)
    {
        Assert.Equal(expected, LeaderScope.ReasonForPosting(rank, kind, largeOrMedium));
        Assert.Equal(expected is ScopeReason.Rank or ScopeReason.OtherSecretHandlingUnitTeam, LeaderScope.IsPostingInScope(rank, kind, largeOrMedium));
    }

    [Fact]
    public void Art2_a_posting_heading_a_small_state_owned_enterprise_is_not_in_scope_a_large_one_is()
    {
        Assert.Equal(ScopeReason.EnterpriseNotLargeOrMedium, LeaderScope.ReasonForPosting(LeaderRank.DepartmentBureau, UnitKind.StateOwnedEnterprise, isLargeOrMediumEnterprise: false));
        Assert.True(LeaderScope.IsPostingInScope(LeaderRank.DepartmentBureau, UnitKind.StateOwnedEnterprise, isLargeOrMediumEnterprise: true));
    }

    [Theory]
    [InlineData(LeaderRank.Below, UnitKind.PartyOrgan)]
    [InlineData(LeaderRank.Below, UnitKind.StateOwnedEnterprise)]
    [InlineData(LeaderRank.CountyDivision, UnitKind.StateOwnedEnterprise)]
    public void Art2_leadership_team_of_other_secret_handling_unit_is_in_scope_whatever_the_rank(LeaderRank rank, UnitKind otherPostingKind)
    {
        Assert.True(LeaderScope.IsPostingInScope(rank, UnitKind.OtherSecretHandlingUnit, isLargeOrMediumEnterprise: false));
        Assert.True(LeaderScope.Includes(LeaderScope.ReasonForLeader(rank, holdsPosting: true, holdsPostingInScope: true, holdsPostingInSmallEnterprise: otherPostingKind == UnitKind.StateOwnedEnterprise)));
    }

    [Theory]
    [InlineData(LeaderRank.CountyDivision, false, false, false, ScopeReason.Rank)] // no posting: the rank alone
    [InlineData(LeaderRank.Below, false, false, false, ScopeReason.NotInScope)]
    [InlineData(LeaderRank.CountyDivision, true, true, false, ScopeReason.Rank)]
    [InlineData(LeaderRank.CountyDivision, true, true, true, ScopeReason.Rank)] // in scope through one posting is enough
    [InlineData(LeaderRank.Below, true, true, false, ScopeReason.OtherSecretHandlingUnitTeam)]
    [InlineData(LeaderRank.DepartmentBureau, true, false, true, ScopeReason.EnterpriseNotLargeOrMedium)] // heads only a small enterprise
    [InlineData(LeaderRank.Below, true, false, false, ScopeReason.NotInScope)]
    public void Art2_a_leader_is_in_scope_through_any_current_posting(LeaderRank rank, bool holdsPosting, bool holdsPostingInScope, bool holdsPostingInSmallEnterprise, ScopeReason expected) =>
        Assert.Equal(expected, LeaderScope.ReasonForLeader(rank, holdsPosting, holdsPostingInScope, holdsPostingInSmallEnterprise));
}
