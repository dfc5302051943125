namespace SecrecyDuty.Core.Access;

/// <summary>The account a service acts for. The web layer fills it from the signed-in principal.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    string? UserId { get; }

    /// <summary>The sign-in name, for the audit trail.</summary>
    string? UserName { get; }

    /// <summary>The account's unit: the root of its jurisdiction. Null when not signed in.</summary>
    int? UnitId { get; }

    IReadOnlyCollection<string> Roles { get; }

    bool IsInRole(string role);
}

/// <summary>A fixed actor for commands run outside a request (seeding, the create-admin command, tests).</summary>
public sealed class FixedCurrentUser(string? userId, int? unitId, params string[] roles) : ICurrentUser
{
    public bool IsAuthenticated => userId is not null;

    public string? UserId => userId;

    public string? UserName => userId;

    public int? UnitId => unitId;

    public IReadOnlyCollection<string> Roles => roles;

    public bool IsInRole(string role) => roles.Contains(role, StringComparer.Ordinal);
}
