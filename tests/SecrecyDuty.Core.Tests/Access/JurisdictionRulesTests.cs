using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>docs/domain.md "Jurisdiction": leaders act within their own unit; other roles over their unit and below.</summary>
public sealed class JurisdictionRulesTests
{
    [Theory]
    [InlineData(Roles.UnitLeader, JurisdictionScope.OwnUnit)]
    [InlineData(Roles.SecrecyOfficer, JurisdictionScope.UnitAndDescendants)]
    [InlineData(Roles.DisciplineOfficial, JurisdictionScope.UnitAndDescendants)]
    [InlineData(Roles.Supervisor, JurisdictionScope.UnitAndDescendants)]
    [InlineData(Roles.CadreOfficial, JurisdictionScope.UnitAndDescendants)]
    [InlineData(Roles.Administrator, JurisdictionScope.UnitAndDescendants)]
    [InlineData("Unknown", JurisdictionScope.None)]
    public void Each_role_grants_its_scope(string role, JurisdictionScope expected) =>
        Assert.Equal(expected, JurisdictionRules.ScopeFor([role]));

    [Fact]
    public void No_role_grants_nothing() =>
        Assert.Equal(JurisdictionScope.None, JurisdictionRules.ScopeFor([]));

    [Fact]
    public void The_widest_scope_of_several_roles_applies() =>
        Assert.Equal(JurisdictionScope.UnitAndDescendants, JurisdictionRules.ScopeFor([Roles.UnitLeader, Roles.SecrecyOfficer]));
}
