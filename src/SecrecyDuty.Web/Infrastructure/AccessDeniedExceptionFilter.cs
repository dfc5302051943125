using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>A service's refusal becomes 403, shown by the status-code page; nothing else leaks.</summary>
public sealed class AccessDeniedExceptionFilter(ILogger<AccessDeniedExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is AccessDeniedException)
        {
            Log.AccessDenied(logger, context.HttpContext.Request.Path, context.HttpContext.User.Identity?.Name);
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            context.ExceptionHandled = true;
        }
    }
}
