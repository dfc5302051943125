namespace SecrecyDuty.Web.Infrastructure.Security;

/// <summary>
/// The security headers of every response, through NetEscapades.AspNetCore.SecurityHeaders (issue 14, "Security
/// headers"; ASVS V3.4). Scripts come only from the app's own files: no inline script, no eval. Inline style attributes
/// are still allowed (a few layout widths and white-space rules in views); styles cannot run code.
/// </summary>
public static class SecurityHeaderPolicy
{
    public static HeaderPolicyCollection For(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var policy = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddCrossOriginResourcePolicy(b => b.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().None();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
        if (!environment.IsDevelopment())
        {
            // Sent on HTTPS responses only; a year, subdomains included.
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }

        return policy;
    }

    /// <summary>
    /// Nothing the app answers (pages, exports, evidence downloads) is kept by the browser or a proxy: it holds personal
    /// and disciplinary records (ASVS V14.3.2). Static files, served before this runs, stay cacheable.
    /// </summary>
    public static IApplicationBuilder UseNoStoreForDynamicResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store, max-age=0";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
