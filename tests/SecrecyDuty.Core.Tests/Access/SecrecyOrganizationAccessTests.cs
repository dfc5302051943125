using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.SecrecyOrganizations;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>
/// Issue 3, "Access": the secrecy office maintains a unit's secrecy organization (P5.2, S6.1) and its rule register,
/// marking rule areas not applicable (S6.6); every role reads them within its jurisdiction.
/// </summary>
public sealed class SecrecyOrganizationAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Issue3_S6_6_the_secrecy_office_maintains_organizations_and_rule_registers(string role, bool allowed) =>
        Rule(role, allowed, SecrecyOrganizationAccess.CanMaintain, SecrecyOrganizationAccess.RequireMaintainer);
}
