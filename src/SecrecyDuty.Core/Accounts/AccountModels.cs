namespace SecrecyDuty.Core.Accounts;

public sealed record AccountListItem(string Id, string UserName, string DisplayName, string UnitName, IReadOnlyList<string> Roles, bool LockedOut, bool Deactivated = false);
