using System.Globalization;
using System.Security.Claims;
using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>The signed-in account, as the services see it.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string? UserId => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? UserName => IsAuthenticated ? Principal!.Identity!.Name : null;

    public int? UnitId =>
        IsAuthenticated && int.TryParse(Principal!.FindFirstValue(AppClaimTypes.UnitId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public IReadOnlyCollection<string> Roles =>
        IsAuthenticated ? [.. Principal!.FindAll(ClaimTypes.Role).Select(c => c.Value)] : [];

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);
}

public static class AppClaimTypes
{
    public const string UnitId = "secrecyduty:unit_id";
    public const string DisplayName = "secrecyduty:display_name";
}
