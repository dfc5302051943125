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
/// The account a job acts for, as the database holds it when the job runs (not as it was when the job was queued): a role
/// taken away meanwhile is not used.
/// </summary>
public sealed class JobAccount(string userId, string userName, int unitId, IEnumerable<string> roles) : ICurrentUser
{
    private readonly string[] _roles = [.. roles];

    public bool IsAuthenticated => true;

    public string? UserId { get; } = userId;

    public string? UserName { get; } = userName;

    public int? UnitId { get; } = unitId;

    public IReadOnlyCollection<string> Roles => _roles;

    public bool IsInRole(string role) => _roles.Contains(role, StringComparer.Ordinal);
}
