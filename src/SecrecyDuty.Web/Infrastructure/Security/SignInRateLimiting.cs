using System.Threading.RateLimiting;

namespace SecrecyDuty.Web.Infrastructure.Security;

/// <summary>
/// Sign-in attempts are limited per client address and per user name (ASP.NET Core's rate limiter, fixed windows of one
/// minute), on top of Identity's lockout of an account after five failures: one address cannot try many names, and many
/// addresses cannot try one name fast (ASVS V6.3.1). A refused attempt is answered 429 before any password is checked.
/// </summary>
public static class SignInRateLimiting
{
    /// <summary>The pages whose POST is a sign-in attempt: the password and the second factor.</summary>
    private static readonly string[] SignInPaths = ["/Account/Login", "/Account/LoginWith2fa"];

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => PerMinute(settings.SignInAttemptsPerAddressPerMinute))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context) && UserNameOf(context) is { } name
                    ? RateLimitPartition.GetFixedWindowLimiter("account:" + name, _ => PerMinute(settings.SignInAttemptsPerAccountPerMinute))
                    : RateLimitPartition.GetNoLimiter("")));
        });
    }

    /// <summary>
    /// Reads the form of a sign-in attempt before the rate limiter, whose partition callback cannot read a body
    /// asynchronously; the form stays cached for model binding and the antiforgery check.
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignInAttempt(context) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsSignInAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && SignInPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static string? UserNameOf(HttpContext context) =>
        context.Request.HasFormContentType && context.Request.Form["Input.UserName"].ToString().Trim() is { Length: > 0 } name
            ? name.ToUpperInvariant()
            : null;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
