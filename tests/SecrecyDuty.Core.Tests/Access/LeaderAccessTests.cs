using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Leaders;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>
/// Issue 3, "Access": the secrecy office maintains leaders (art. 2) and their postings (arts. 5–7); every role reads them
/// within its jurisdiction.
/// </summary>
public sealed class LeaderAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, false)] // reads master data only
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Issue3_administrators_and_secrecy_officers_maintain_leaders_and_postings(string role, bool allowed) =>
        Rule(role, allowed, LeaderAccess.CanMaintain, LeaderAccess.RequireMaintainer);
}
