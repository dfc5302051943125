using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Notifications;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>Issue 12: every account reads its own notifications and digest.</summary>
public sealed class NotificationAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, true)]
    [InlineData(Roles.DisciplineOfficial, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.UnitLeader, true)]
    public void Issue12_every_role_reads_its_own_notifications(string role, bool allowed) =>
        Rule(role, allowed, NotificationAccess.CanReadOwnNotifications, NotificationAccess.RequireOwnNotifications);
}
