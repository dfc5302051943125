using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>
/// Arts. 5–6: unit leaders record the activities of their own unit (the briefings they hear, the meetings they chair);
/// the secrecy office those of its jurisdiction. The overseeing roles read them only.
/// </summary>
public sealed class ActivityAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.UnitLeader, true)] // own unit only (ActivityAccess.WritableUnitIds)
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void Art5_art6_unit_leaders_and_the_secrecy_office_record_activities(string role, bool allowed) =>
        Rule(role, allowed, ActivityAccess.CanRecord, ActivityAccess.RequireRecorder);
}
