using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Foundation;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, "Access matrix test": every page handler and endpoint the app maps (read from its own endpoint data, not
/// from a list kept by hand), requested by each role and by an anonymous visitor in the demo province, is allowed or
/// refused as its classification says:
/// <list type="bullet">
/// <item>each page's access class (anonymous, any signed-in account, administrators) by its folder, checked against the
/// authorization metadata of the endpoint and against the answers (an anonymous visitor is sent to sign in, a
/// non-administrator is refused /Admin); a page in a folder nobody classified fails;</item>
/// <item>for each handler and each role, allowed or refused (403) as <c>access-matrix.txt</c> says, a table reviewed
/// against the access classes of docs/decisions/0014-access-classes-per-area.md; a handler missing from the table fails.
/// Route values are an id that does not exist, so that a handler the role may use answers 404 rather than changing
/// anything, and one it may not use answers 403.</item>
/// </list>
/// Set <c>SECRECYDUTY_WRITE_ACCESS_MATRIX=1</c> to rewrite the table from the answers (then review the diff).
/// </summary>
public sealed partial class AccessMatrixTests
{
    private const string MissingId = "999999";

    private enum AccessClass
    {
        Anonymous,
        SignedIn,
        Administrator,
    }

    /// <summary>The access class of each folder (or single page). A page matches its longest prefix.</summary>
    private static readonly Dictionary<string, AccessClass> Classes = new(StringComparer.Ordinal)
    {
        ["/Account/Login"] = AccessClass.Anonymous,
        ["/Account/LoginWith2fa"] = AccessClass.Anonymous,
        ["/Account/AccessDenied"] = AccessClass.Anonymous,
        ["/Culture"] = AccessClass.Anonymous,
        ["/Error"] = AccessClass.Anonymous,
        ["/StatusCode"] = AccessClass.Anonymous,
        ["/health"] = AccessClass.Anonymous,
        ["/Account"] = AccessClass.SignedIn,
        ["/Admin"] = AccessClass.Administrator,
        ["/Index"] = AccessClass.SignedIn,
        ["/Activities"] = AccessClass.SignedIn,
        ["/Appraisals"] = AccessClass.SignedIn,
        ["/Checklists"] = AccessClass.SignedIn,
        ["/Compliance"] = AccessClass.SignedIn,
        ["/Import"] = AccessClass.SignedIn,
        ["/Incidents"] = AccessClass.SignedIn,
        ["/Inspections"] = AccessClass.SignedIn,
        ["/Leaders"] = AccessClass.SignedIn,
        ["/Lookup"] = AccessClass.SignedIn,
        ["/Notifications"] = AccessClass.SignedIn,
        ["/Postings"] = AccessClass.SignedIn,
        ["/Proposals"] = AccessClass.SignedIn,
        ["/Regulation"] = AccessClass.SignedIn,
        ["/SecrecyOrganizations"] = AccessClass.SignedIn,
        ["/Units"] = AccessClass.SignedIn,
    };

    /// <summary>The demo accounts, one per role, and the anonymous visitor ("-").</summary>
    private static readonly (string Key, string? UserName)[] Principals =
    [
        ("A", "admin"), ("O", "officer"), ("D", "discipline"), ("S", "supervisor"), ("L", "leader"), ("C", "cadre"), ("-", null),
    ];

    [Fact]
    public async Task Every_endpoint_is_classified_and_its_authorization_metadata_matches_its_class()
    {
        using var app = TestApp.Rent("Development");
        var unclassified = new List<string>();
        var mismatched = new List<string>();
        foreach (var endpoint in await EndpointsAsync(app))
        {
            if (ClassOf(endpoint.Path) is not { } expected)
            {
                unclassified.Add(endpoint.Path);
                continue;
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var actual = anonymous ? AccessClass.Anonymous : policies.Contains("Administrator") ? AccessClass.Administrator : AccessClass.SignedIn;
            if (actual != expected)
            {
                mismatched.Add($"{endpoint.Path}: {actual}, classified {expected}");
            }
        }

        Assert.Empty(unclassified);
        Assert.Empty(mismatched);
    }

    [Fact]
    public async Task Every_handler_answers_each_role_and_anonymous_as_the_access_matrix_says()
    {
        using var app = TestApp.Rent("Development");
        var requests = (await EndpointsAsync(app)).SelectMany(e => e.Requests).ToList();
        var answers = requests.ToDictionary(r => r.Key, _ => new StringBuilder());
        var errors = new List<string>();
        foreach (var (key, userName) in Principals)
        {
            var client = app.CreateBrowserClient();
            if (userName is not null)
            {
                await TestApp.SignInAsync(client, userName, DemoProvinceSeeder.DemoPassword);
            }

            var token = (await TestApp.GetFormAsync(client, userName is null ? "/Account/Login" : "/", userName is null ? "#login-form" : "#culture-form"))["__RequestVerificationToken"];

            // Sign-out last: it ends the session the other requests use.
            foreach (var request in requests.OrderBy(r => r.Path == "/Account/Logout"))
            {
                var response = await client.SendAsync(request.Build(token));
                var outcome = Outcome(response);
                if ((int)response.StatusCode >= 500)
                {
                    errors.Add($"{request.Key} as {userName ?? "anonymous"}: {(int)response.StatusCode}");
                }

                var expectedClass = ClassOf(request.Path)!.Value;
                if (userName is null && expectedClass != AccessClass.Anonymous && outcome != 'L')
                {
                    errors.Add($"{request.Key} as anonymous: {(int)response.StatusCode}, not sent to sign in");
                }

                if (userName is not null && userName != "admin" && expectedClass == AccessClass.Administrator && outcome != 'R')
                {
                    errors.Add($"{request.Key} as {userName}: {(int)response.StatusCode}, not refused");
                }

                answers[request.Key].Append(outcome == 'Y' ? key : "·");
            }
        }

        Assert.Empty(errors);
        var table = string.Join("\n", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} | {a.Value}")) + "\n";
        var file = Path.Combine(LocalizationTests.RepositoryRoot(), "tests", "SecrecyDuty.Web.Tests", "Security", "access-matrix.txt");
        if (Environment.GetEnvironmentVariable("SECRECYDUTY_WRITE_ACCESS_MATRIX") == "1")
        {
            await File.WriteAllTextAsync(file, Header + table);
        }

        var expected = (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var actual = table.TrimEnd('\n').Split('\n').ToList();
        Assert.Empty(actual.Except(expected).Select(l => $"not as the matrix says (or not in it): {l}"));
        Assert.Empty(expected.Except(actual).Select(l => $"in the matrix, not answered so: {l}"));
    }

    private const string Header = """
        # Who may use each handler: one line per method, page and handler; the columns are the demo accounts
        # A administrator, O secrecy officer, D discipline official, S supervisor, L unit leader, C cadre official,
        # - anonymous. A letter: allowed (any answer but a refusal: 200, a redirect, 400 or 404 for the id that does
        # not exist). A dot: refused (403, or sent to sign in). Written by AccessMatrixTests with
        # SECRECYDUTY_WRITE_ACCESS_MATRIX=1; every change is reviewed against docs/decisions/0014-access-classes-per-area.md.

        """;

    /// <summary>Y allowed, R refused (403 or sent to the access-denied page), L sent to sign in.</summary>
    private static char Outcome(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return 'R';
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            // The challenge carries the address to come back to; sign-out's own redirect to the sign-in page does not.
            if (location.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal))
            {
                return 'L';
            }

            if (location.Contains("/Account/AccessDenied", StringComparison.Ordinal))
            {
                return 'R';
            }
        }

        return 'Y';
    }

    private static AccessClass? ClassOf(string path) =>
        Classes.Where(c => path == c.Key || path.StartsWith(c.Key + "/", StringComparison.Ordinal))
            .OrderByDescending(c => c.Key.Length)
            .Select(c => (AccessClass?)c.Value)
            .FirstOrDefault();

    private sealed record Endpoint(string Path, EndpointMetadataCollection Metadata, IReadOnlyList<HandlerRequest> Requests);

    private sealed record HandlerRequest(string Method, string Path, string Url, string? Handler)
    {
        public string Key => $"{Method} {Path}{(Handler is null ? "" : "?handler=" + Handler)}";

        public HttpRequestMessage Build(string token)
        {
            // An export is asked for in a format it has, so that the role rule answers rather than the format check.
            var url = Url + (Handler is null ? "" : (Url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + Handler)
                + (Handler == "Export" ? "&format=csv" : "");
            return Method == "GET"
                ? new HttpRequestMessage(HttpMethod.Get, url)
                : new HttpRequestMessage(new HttpMethod(Method), url) { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
        }
    }

    /// <summary>Every page of the endpoint data with its handlers (route values: an id that does not exist), and the other endpoints.</summary>
    private static async Task<List<Endpoint>> EndpointsAsync(TestApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var endpoints = new List<Endpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText!;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                // A page maps twice (/Units and /Units/Index): the one with its full name is enough.
                if (pattern.Length > 0 && !pattern.EndsWith("Index", StringComparison.Ordinal) && descriptor.ViewEnginePath.EndsWith("/Index", StringComparison.Ordinal))
                {
                    continue;
                }

                var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
                var url = "/" + RouteParameter().Replace(pattern, MissingId);
                var requests = compiled.HandlerMethods
                    .Select(h => new HandlerRequest(h.HttpMethod.ToUpperInvariant(), descriptor.ViewEnginePath, url, h.Name))
                    .DistinctBy(r => r.Key)
                    .ToList();
                endpoints.Add(new Endpoint(descriptor.ViewEnginePath, endpoint.Metadata, requests));
            }
            else if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods)
            {
                var path = "/" + pattern.TrimStart('/');
                endpoints.Add(new Endpoint(path, endpoint.Metadata, [.. methods.HttpMethods.Select(m => new HandlerRequest(m, path, path, null))]));
            }
            else
            {
                var path = "/" + pattern.TrimStart('/');
                endpoints.Add(new Endpoint(path, endpoint.Metadata, [new HandlerRequest("GET", path, path, null)]));
            }
        }

        return [.. endpoints.DistinctBy(e => e.Path)];
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
