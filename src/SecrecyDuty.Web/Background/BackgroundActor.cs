using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// The account a background job's DI scope acts for. A request's scope takes its account from the request; a job runs
/// in a scope of its own after the request is gone, so it names its account here, once, before resolving anything that
/// acts for an account (<see cref="Infrastructure.HttpCurrentUser"/> asks this first). Services, the jurisdiction and the
/// DbContext are then built by DI as in a request.
/// </summary>
public sealed class BackgroundActor
{
    public ICurrentUser? Account { get; private set; }

    public void ActAs(ICurrentUser account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Account is not null)
        {
            throw new InvalidOperationException("A background scope acts for one account only.");
        }

        Account = account;
    }
}

/// <summary>
/// The uploading account as it was when the job started, for the job's own scope (the request, and
/// its HttpContext, are gone by then). Unlike <see cref="FixedCurrentUser"/> it keeps the sign-in name,
/// which the import's audit entry records.
/// </summary>
public sealed class CapturedUser(ICurrentUser source) : ICurrentUser
{
    private readonly string[] _roles = [.. source.Roles];

    public bool IsAuthenticated { get; } = source.IsAuthenticated;

    public string? UserId { get; } = source.UserId;

    public string? UserName { get; } = source.UserName;

    public int? UnitId { get; } = source.UnitId;

    public IReadOnlyCollection<string> Roles => _roles;

    public bool IsInRole(string role) => _roles.Contains(role, StringComparer.Ordinal);
}
