using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure.Security;

/// <summary>
/// Checks the sign-in cookie against the account on every request (Identity's security-stamp check with a validation
/// interval of zero, in one narrow query): the cookie is refused, and the browser signed out, when the account's
/// security stamp changed since the cookie was issued (sign-out, a password changed or reset, a role changed,
/// two-factor sign-in turned on or off), when the account was deactivated, or while it is locked out
/// (issue 14, findings 1 and 2; docs/decisions/0018-sessions-end-on-the-server.md).
/// </summary>
public static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        if (userId is not null && stamp is not null)
        {
            var db = services.GetRequiredService<ISecrecyDutyDb>();
            var account = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd, u.DeactivatedAtUtc })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (account is not null
                && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal)
                && account.DeactivatedAtUtc is null
                && !(account.LockoutEnd is { } end && end > now))
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
