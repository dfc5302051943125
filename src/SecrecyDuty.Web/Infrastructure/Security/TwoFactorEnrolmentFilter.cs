using Microsoft.AspNetCore.Mvc.Filters;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Web.Infrastructure.Security;

/// <summary>
/// An account whose role requires two-factor sign-in (<see cref="TwoFactorPolicy"/>) and that signed in without a second
/// factor (it has not enrolled yet) sees only its enrolment page and can sign out: every other page sends it there.
/// The second factor shows in the cookie as Identity's <c>amr=mfa</c> claim.
/// </summary>
public sealed class TwoFactorEnrolmentFilter(TwoFactorPolicy policy, ICurrentUser user) : IAsyncPageFilter
{
    public const string EnrolmentPage = "/Account/TwoFactor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.ActionDescriptor.ViewEnginePath;
        var principal = context.HttpContext.User;
        if (principal.Identity?.IsAuthenticated == true
            && policy.IsRequiredFor(user)
            && !principal.HasClaim("amr", "mfa")
            && !page.StartsWith("/Account/", StringComparison.Ordinal)
            && page is not ("/Error" or "/StatusCode" or "/Culture"))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult(EnrolmentPage);
            return;
        }

        await next();
    }
}
