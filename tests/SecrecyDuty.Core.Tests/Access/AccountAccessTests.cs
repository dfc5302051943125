using SecrecyDuty.Core.Accounts;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>Issue 3, "Accounts": administrators create and list the accounts of their jurisdiction; nobody registers.</summary>
public sealed class AccountAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Issue3_only_administrators_manage_accounts(string role, bool allowed) =>
        Rule(role, allowed, AccountAccess.CanManageAccounts, AccountAccess.RequireAccountManager);
}
