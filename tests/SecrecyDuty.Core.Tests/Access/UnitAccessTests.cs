using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Units;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>Issue 3, "Access": the secrecy office maintains the unit tree; every role reads it within its jurisdiction.</summary>
public sealed class UnitAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, false)] // reads master data only
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Issue3_administrators_and_secrecy_officers_maintain_units(string role, bool allowed) =>
        Rule(role, allowed, UnitAccess.CanMaintain, UnitAccess.RequireMaintainer);
}
