using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Checklists;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, finding 6: opening a page never changes data. The one exception the product requires is the record of who
/// opened an incident file (IncidentOpenings). The stored compliance judgements (UnitYearCompliances, the years they cover
/// and the notes of what saves made stale) are not data but a cache derived from it, which a page that reads them may bring up to date (docs/decisions/0022):
/// left out of the comparison, while every record, its version and the audit trail must stay as they were.
/// </summary>
public sealed partial class ReadOnlyGetTests
{
    private const int MaxPages = 500;
    private const int MaxPerShape = 3;

    [Theory]
    [InlineData("admin")]
    [InlineData("officer")]
    [InlineData("leader")]
    public async Task Every_page_a_person_can_reach_in_the_demo_province_leaves_every_table_unchanged(string userName)
    {
        using var app = TestApp.Rent("Development");
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(client, userName, DemoProvinceSeeder.DemoPassword)).StatusCode);
        var before = await SnapshotAsync(app);

        var visited = await CrawlAsync(client, ["/", .. PagesWithoutParameters(app), .. await MissingChecklistsAsync(app)]);

        Assert.True(visited.Count > 60, $"{visited.Count} pages visited");
        Assert.Contains(visited, v => v.StartsWith("/Checklists/Posting/", StringComparison.Ordinal));
        var after = await SnapshotAsync(app);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Opening_a_missing_checklist_shows_it_not_generated_and_its_button_generates_it()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var client = await app.SignedInAsync("zhang");
        var url = $"/Checklists/Posting/{p.ZhangPosting}?year=2025";
        var before = await SnapshotAsync(app);

        var page = await TestApp.GetDocumentAsync(client, url);

        Assert.Equal(before, await SnapshotAsync(app));
        Assert.NotNull(page.QuerySelector("#not-generated"));
        Assert.Null(page.QuerySelector("#checklist-form"));
        var form = await TestApp.GetFormAsync(client, url, "#generate-form");
        var response = await client.PostAsync(url + "&handler=Generate", form.ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var generated = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("职责清单已生成。", generated.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(generated.QuerySelector("#checklist-form"));
    }

    /// <summary>Follows the links of every page (same site, GET), at most a few addresses of each shape.</summary>
    private static async Task<List<string>> CrawlAsync(HttpClient client, IEnumerable<string> start)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.TryDequeue(out var url) && visited.Count < MaxPages)
        {
            if (!seen.Add(url) || url.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase) || url.StartsWith("/Culture", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var shape = Number().Replace(url.Split('?')[0], "#") + "?" + string.Join("&", QueryKeys(url));
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            if (shapes[shape] > MaxPerShape && !url.StartsWith("/Checklists/Posting/", StringComparison.Ordinal))
            {
                continue;
            }

            var response = await client.GetAsync(url);
            visited.Add(url);
            Assert.True((int)response.StatusCode < 500, $"GET {url}: {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await TestApp.ParseAsync(response);
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/lib/", StringComparison.Ordinal))
                {
                    queue.Enqueue(WebUtility.HtmlDecode(link.Split('#')[0]));
                }
            }
        }

        return visited;
    }

    private static IEnumerable<string> QueryKeys(string url) =>
        url.Contains('?', StringComparison.Ordinal)
            ? url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)
            : [];

    /// <summary>Checklists not generated yet, which opening used to generate: links to them are few in the demo.</summary>
    private static Task<List<string>> MissingChecklistsAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var missing = new List<string>();
            foreach (var year in new[] { 2025, 2026 })
            {
                var postings = await db.Postings.AsNoTracking()
                    .Where(p => !db.DutyChecklists.Any(c => c.PostingId == p.Id && c.Year == year))
                    .OrderBy(p => p.Id)
                    .Select(p => p.Id)
                    .Take(20)
                    .ToListAsync();
                missing.AddRange(postings.Select(id => $"/Checklists/Posting/{id}?year={year}"));
            }

            Assert.NotEmpty(missing);
            return missing;
        });

    /// <summary>The pages the app maps (its endpoint data) that need no route value.</summary>
    private static IEnumerable<string> PagesWithoutParameters(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText)
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A hash of every row of every table, except the openings of incident files that opening records on purpose, the
    /// stored compliance judgements that reading brings up to date (derived, not data), and the audit trail's sign-ins,
    /// exports and downloads (a test signs in as it goes and opens every export; each of these is audited on purpose).
    /// </summary>
    internal static Task<Dictionary<string, string>> SnapshotAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var excluded = new[] { typeof(IncidentOpening), typeof(UnitYearCompliance), typeof(ComplianceCoverage), typeof(ComplianceChange) }
                .Select(t => db.Model.FindEntityType(t)!.GetTableName())
                .ToHashSet(StringComparer.Ordinal);
            var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Where(t => !excluded.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                var audit = db.Model.FindEntityType(typeof(Core.Auditing.AuditEntry))!.GetTableName();
                command.CommandText = table == audit
                    ? $"SELECT * FROM \"{table}\" WHERE \"Action\" NOT IN ('{Core.Auditing.AuditAction.SignIn}', '{Core.Auditing.AuditAction.SignInFailed}', '{Core.Auditing.AuditAction.Export}', '{Core.Auditing.AuditAction.Download}')"
                    : $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    rows.Add(string.Join("\u001f", values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
                }

                rows.Sort(StringComparer.Ordinal);
                snapshot[table] = $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))))}";
            }

            return snapshot;
        });

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
