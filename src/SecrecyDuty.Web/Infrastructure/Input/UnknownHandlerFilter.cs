using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SecrecyDuty.Web.Infrastructure.Input;

/// <summary>
/// Razor Pages renders a page even when no handler matches the request (a POST to a page that only reads, or an
/// unknown <c>?handler=</c>, for which it even runs the unnamed handler); the page's data is then never loaded and the
/// view fails with a 500. A request that names a handler the page does not have is 404; a method the page does not
/// serve is 405, with the methods it does serve in <c>Allow</c>.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var method = context.HttpContext.Request.Method;
        var handlers = context.ActionDescriptor.HandlerMethods;
        var handlerName = context.RouteData.Values.TryGetValue("handler", out var name) ? name?.ToString() : null;
        if (string.IsNullOrEmpty(handlerName))
        {
            handlerName = context.HttpContext.Request.Query["handler"].FirstOrDefault();
        }

        // Razor Pages falls back to the unnamed handler for a name it does not know: "?handler=Delet" would save.
        if (!string.IsNullOrEmpty(handlerName) && !string.Equals(context.HandlerMethod?.Name, handlerName, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new NotFoundResult();
        }
        else if (context.HandlerMethod is not null)
        {
            await next();
        }
        else if (handlers.Count > 0 || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            context.HttpContext.Response.Headers.Allow = Allowed(handlers.Select(h => h.HttpMethod).ToList());
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
        else
        {
            await next();
        }
    }

    /// <summary>The methods a page serves: those of its handlers (a page without any only renders, for GET).</summary>
    private static string Allowed(List<string> methods)
    {
        var allowed = methods.Count == 0 ? ["GET"] : methods.Select(m => m.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (allowed.Contains("GET", StringComparer.Ordinal))
        {
            allowed.Add("HEAD");
        }

        return string.Join(", ", allowed);
    }
}
