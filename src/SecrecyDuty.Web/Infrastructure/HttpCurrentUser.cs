using System.Globalization;
using System.Security.Claims;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Web.Background;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// The account services act for: the signed-in account of the request, or in a background job's scope the account that
/// started the job (<see cref="BackgroundActor"/>).
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor, BackgroundActor background) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    private ICurrentUser? Job => background.Account;

    public bool IsAuthenticated => Job?.IsAuthenticated ?? Principal?.Identity?.IsAuthenticated == true;

    public string? UserId => Job is { } job ? job.UserId
        : IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? UserName => Job is { } job ? job.UserName
        : IsAuthenticated ? Principal!.Identity!.Name : null;

    public int? UnitId => Job is { } job ? job.UnitId
        : IsAuthenticated && int.TryParse(Principal!.FindFirstValue(AppClaimTypes.UnitId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public IReadOnlyCollection<string> Roles => Job is { } job ? job.Roles
        : IsAuthenticated ? [.. Principal!.FindAll(ClaimTypes.Role).Select(c => c.Value)] : [];

    public bool IsInRole(string role) => Job is { } job ? job.IsInRole(role) : IsAuthenticated && Principal!.IsInRole(role);
}

public static class AppClaimTypes
{
    public const string UnitId = "secrecyduty:unit_id";
    public const string DisplayName = "secrecyduty:display_name";
}
