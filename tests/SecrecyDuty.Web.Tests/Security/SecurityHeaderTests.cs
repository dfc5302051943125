using System.Net;
using System.Text.RegularExpressions;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, "Security headers": every response carries a Content-Security-Policy without inline scripts, frame-ancestors
/// 'none', nosniff, a strict referrer policy and (over HTTPS, outside Development) HSTS; nothing dynamic is cached.
/// </summary>
public sealed partial class SecurityHeaderTests
{
    [Fact]
    public async Task A_page_carries_the_security_headers_and_is_not_stored()
    {
        using var app = TestApp.Rent();
        await SessionTests.SecrecyOfficeAsync(app);
        var client = await app.SignedInAsync("officer");

        var response = await client.GetAsync("/Leaders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);

        // HSTS over HTTPS, for the server's real name (localhost is left out, as ASP.NET Core's own HSTS does).
        var named = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        named.Headers.Host = "secrecyduty.example.cn";
        var hsts = await client.SendAsync(named);
        Assert.Equal("max-age=31536000; includeSubDomains", hsts.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task The_sign_in_page_and_a_not_found_answer_carry_them_too()
    {
        using var app = TestApp.Rent();
        var client = app.CreateBrowserClient();

        AssertSecurityHeaders(await client.GetAsync("/Account/Login"));
        var signedIn = await app.SignedInAsAsync("someone", SecrecyDuty.Core.Accounts.Roles.SecrecyOfficer, (await SessionTests.SecrecyOfficeAsync(app)).Unit("U1"));
        AssertSecurityHeaders(await signedIn.GetAsync("/Leaders/Details/999999"));
    }

    [Fact]
    public async Task An_export_is_not_stored_by_the_browser_or_a_proxy()
    {
        using var app = TestApp.Rent();
        await SessionTests.SecrecyOfficeAsync(app);
        var client = await app.SignedInAsync("officer");

        var response = await client.GetAsync("/Leaders?handler=Export&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Static_files_stay_cacheable_and_carry_the_policy()
    {
        using var app = TestApp.Rent();

        var response = await app.CreateBrowserClient().GetAsync("/js/confirm.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.NoStore ?? false);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Development_sends_no_HSTS_so_that_a_local_http_address_keeps_working()
    {
        using var app = TestApp.Rent("Development");

        var response = await app.CreateBrowserClient().GetAsync("/Account/Login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>No view has an inline script or an inline event handler, which the policy would block.</summary>
    [Fact]
    public void No_view_has_an_inline_script_or_event_handler()
    {
        var pages = Path.Combine(LocalizationTests.RepositoryRoot(), "src", "SecrecyDuty.Web", "Pages");
        var offending = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(pages, f), Line: i + 1, Text: line)))
            .Where(l => InlineScript().IsMatch(l.Text) || EventHandler().IsMatch(l.Text) || l.Text.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offending);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        if (csp.StartsWith("sandbox;", StringComparison.Ordinal))
        {
            // An evidence download: nothing in it runs and nothing is loaded for it (EvidenceDownloads.SandboxPolicy).
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        }
        else
        {
            var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
            Assert.Equal("script-src 'self'", scriptSrc);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        }

        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
