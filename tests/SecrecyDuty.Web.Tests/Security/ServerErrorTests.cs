using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>Issue 14, finding 5: requests that answered 500. Out-of-range input is a clear message; an unknown handler is 404 or 405.</summary>
public sealed partial class ServerErrorTests
{
    private static async Task<(TestApp App, HttpClient Client, int Posting)> AdministratorAsync()
    {
        var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("SF", "示范省")
            .WithLeader("张教", "SF", "JY-1")
            .WithPosting("张教", PostingRole.PrincipalLeader, new DateOnly(2024, 1, 1))
            .WithAccount("admin", Roles.Administrator, "SF")
            .BuildAsync();
        return (app, await app.SignedInAsync("admin"), built.Posting("张教"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1999")]
    [InlineData("2147483647")]
    [InlineData("-2147483648")]
    public async Task A_checklist_year_out_of_range_is_said_beside_the_year_and_the_current_year_is_listed(string year)
    {
        var (app, client, _) = await AdministratorAsync();
        using var __ = app;

        var page = await TestApp.GetDocumentAsync(client, $"/Checklists?year={year}");

        Assert.Equal("请输入 2000 年至本年度之间的年份。", page.QuerySelector("#year-error")!.TextContent);
        Assert.Equal("2026", page.QuerySelector("#checklist-year")!.TextContent);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2147483648")]
    [InlineData("2147483647")]
    public async Task The_export_of_a_checklist_year_out_of_range_is_a_bad_request(string year)
    {
        var (app, client, _) = await AdministratorAsync();
        using var __ = app;

        var response = await client.GetAsync($"/Checklists?handler=Export&format=csv&year={year}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2147483647")]
    public async Task A_posting_checklist_of_a_year_out_of_range_is_never_a_server_error(string year)
    {
        var (app, client, posting) = await AdministratorAsync();
        using var __ = app;

        var response = await client.GetAsync($"/Checklists/Posting/{posting}?year={year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Null(page.QuerySelector("#checklist-form"));
    }

    [Theory]
    [InlineData("To=9999-12-31")]
    [InlineData("From=0001-01-01&To=9999-12-31")]
    [InlineData("From=9999-12-31")]
    public async Task The_audit_trail_searched_up_to_the_last_day_there_is_answers(string query)
    {
        var (app, client, _) = await AdministratorAsync();
        using var __ = app;

        var response = await client.GetAsync($"/Admin/Audit?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/%C2%BF", "/%C2%BF")]
    [InlineData("/Units?q=%E9%9D%92%E5%B1%B1", "/Units?q=%E9%9D%92%E5%B1%B1")]
    [InlineData("/%0D%0ASet-Cookie:x", "/")]
    [InlineData("//evil.example", "/")]
    public async Task Switching_the_language_returns_to_a_local_address_encoded_as_a_header_may_carry_it(string returnUrl, string location)
    {
        using var app = TestApp.Rent();
        var client = app.CreateBrowserClient();

        var response = await client.GetAsync($"/Culture?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_with_a_valid_token_to_any_page_that_only_reads_is_refused_without_a_server_error()
    {
        var (app, client, _) = await AdministratorAsync();
        using var __ = app;
        var form = await TestApp.GetFormAsync(client, "/", "#culture-form");
        var pages = await ReadOnlyPagesAsync(app);
        Assert.True(pages.Count >= 20, $"{pages.Count} pages only read");

        var answers = new List<string>();
        foreach (var page in pages)
        {
            var response = await client.PostAsync(page, form.Without("culture").ToContent());
            answers.Add($"{page}: {(int)response.StatusCode}");
        }

        Assert.All(answers, a => Assert.Matches(@": 40[45]$", a));
        var units = await client.PostAsync("/Units", form.Without("culture").ToContent());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, units.StatusCode);
        Assert.Equal(["GET", "HEAD"], units.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("GET", "/Units?handler=Nothing")]
    [InlineData("POST", "/Units/Create?handler=Nothing")]
    public async Task A_handler_the_page_does_not_have_is_not_found(string method, string url)
    {
        var (app, client, _) = await AdministratorAsync();
        using var __ = app;
        var form = await TestApp.GetFormAsync(client, "/", "#culture-form");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? form.Without("culture").ToContent() : null });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// Every page the app maps (its own endpoint data, not a list kept by hand) whose model has no POST handler, with
    /// each route parameter filled with 1: the refusal comes before any record is looked up.
    /// </summary>
    private static async Task<List<string>> ReadOnlyPagesAsync(TestApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            if (compiled.HandlerMethods.Any(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!, "1").Replace("/Index", "", StringComparison.Ordinal);
            pages.Add(path.Length == 0 ? "/" : path);
        }

        return [.. pages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
