using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Data;
using SecrecyDuty.Tests.Shared;

namespace SecrecyDuty.Browser.Tests.EveryPage;

/// <summary>
/// Every page of the app that answers a plain GET with HTML, taken from the app's own endpoint data (not a list kept by hand),
/// with real ids from the demo province for its route values (the table of <c>tests/Shared/PageRoutes.cs</c>), and the roles that may open it as the access matrix says
/// (<c>tests/SecrecyDuty.Web.Tests/Security/access-matrix.txt</c>). A page with route values nobody mapped to a record fails.
/// </summary>
internal static class PageCatalogue
{
    /// <summary>The demo accounts by the access matrix's column letters; "-" is the anonymous visitor.</summary>
    public static readonly (char Key, string? UserName)[] Principals =
    [
        ('A', "admin"), ('O', "officer"), ('D', "discipline"), ('S', "supervisor"), ('L', "leader"), ('C', "cadre"), ('-', null),
    ];

    /// <summary>Pages that answer something other than a page: JSON for the pickers.</summary>
    private static readonly string[] NotPages = ["/Lookup/"];

    public sealed record PageVisit(string Page, string Url, string AllowedKeys);

    /// <summary>The pages to visit with their addresses, and the pages with route values nobody mapped (a failure).</summary>
    public static async Task<(List<PageVisit> Visits, List<string> Unmapped)> VisitsAsync(IServiceProvider services)
    {
        var records = await RecordsAsync(services);
        var matrix = await AccessMatrixAsync();
        var loader = services.GetRequiredService<PageLoader>();
        var visits = new List<PageVisit>();
        var unmapped = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var path = descriptor.ViewEnginePath;
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (NotPages.Any(p => path.StartsWith(p, StringComparison.Ordinal))
                || (pattern.Length > 0 && !pattern.EndsWith("Index", StringComparison.Ordinal) && path.EndsWith("/Index", StringComparison.Ordinal)))
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            if (!compiled.HandlerMethods.Any(h => h.Name is null && string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            string url;
            if (endpoint.RoutePattern.Parameters.Count == 0)
            {
                url = "/" + pattern;
            }
            else if (PageRoutes.Url(path, pattern, records) is { } mapped)
            {
                url = mapped;
            }
            else
            {
                unmapped.Add(path);
                continue;
            }

            visits.Add(new PageVisit(path, url, matrix.TryGetValue("GET " + path, out var keys) ? keys : ""));
        }

        return ([.. visits.DistinctBy(v => v.Page).OrderBy(v => v.Page, StringComparer.Ordinal)], unmapped);
    }

    private static async Task<Dictionary<string, string>> AccessMatrixAsync()
    {
        var file = Path.Combine(RepositoryRoot(), "tests", "SecrecyDuty.Web.Tests", "Security", "access-matrix.txt");
        var lines = await File.ReadAllLinesAsync(file);
        return lines.Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | "))
            .ToDictionary(p => p[0], p => p[1].Replace("·", "", StringComparison.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The records of the unit leader's unit (SF-JYT) where it has them, so that every role may open them.</summary>
    private static async Task<PageRecords> RecordsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Units.Where(u => u.Code == "SF-JYT").Select(u => u.Id).SingleAsync();
        var inside = db.UnitAncestries.Where(a => a.AncestorId == unit).Select(a => a.DescendantId);
        static async Task<int> First(IQueryable<int> preferred, IQueryable<int> any) =>
            await preferred.OrderBy(i => i).Select(i => (int?)i).FirstOrDefaultAsync() ?? await any.OrderBy(i => i).FirstAsync();
        var incident = await db.Incidents.OrderBy(i => db.IncidentPersons.Any(p => p.IncidentId == i.Id) ? 0 : 1).ThenBy(i => i.Id).Select(i => i.Id).FirstAsync();
        return new PageRecords(
            unit,
            await First(db.Leaders.Where(l => inside.Contains(l.UnitId)).Select(l => l.Id), db.Leaders.Select(l => l.Id)),
            await First(db.Postings.Where(p => inside.Contains(p.UnitId) && p.To == null).Select(p => p.Id), db.Postings.Select(p => p.Id)),
            await First(db.Activities.Where(a => inside.Contains(a.UnitId)).Select(a => a.Id), db.Activities.Select(a => a.Id)),
            await First(db.Inspections.Where(i => inside.Contains(i.UnitId) && db.Findings.Any(f => f.InspectionId == i.Id)).Select(i => i.Id), db.Inspections.Select(i => i.Id)),
            await First(db.Findings.Where(f => inside.Contains(f.UnitId)).Select(f => f.Id), db.Findings.Select(f => f.Id)),
            await First(db.RectificationOrders.Where(o => inside.Contains(o.UnitId)).Select(o => o.Id), db.RectificationOrders.Select(o => o.Id)),
            await First(db.Proposals.Where(p => inside.Contains(p.UnitId)).Select(p => p.Id), db.Proposals.Select(p => p.Id)),
            incident,
            await db.IncidentPersons.Where(p => p.IncidentId == incident).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync(),
            await db.ScoreTemplates.Where(t => t.IsCurrent).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecrecyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (SecrecyDuty.sln) was not found above " + AppContext.BaseDirectory);
    }
}
