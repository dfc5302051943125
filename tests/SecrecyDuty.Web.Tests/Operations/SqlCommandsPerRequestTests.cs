using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Infrastructure.Diagnostics;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Operations;

/// <summary>
/// The cost of a page must not grow with the province (docs/performance.md): every main page runs as many SQL commands on
/// a province four times larger. Counted, not timed: the app sends each request's count in <c>X-Sql-Commands</c>.
/// </summary>
public sealed class SqlCommandsPerRequestTests
{
    private static readonly (string Account, string Page)[] Pages =
    [
        ("officer", "/"),
        ("officer", "/Compliance"),
        ("officer", "/Units"),
        ("officer", "/Units?parent={unit}"),
        ("officer", "/Units/Create?parentId={unit}"),
        ("officer", "/Units/Move/{child}"),
        ("admin", "/Admin/Accounts/Create"),
        ("officer", "/Units/Details/{unit}"),
        ("officer", "/Units/Tree"),
        ("officer", "/Units/Tree?handler=Children&id={unit}"),
        ("officer", "/Leaders/Create"),
        ("officer", "/Postings/Create?unitId={unit}"),
        ("officer", "/Leaders"),
        ("officer", "/Leaders?q=%E7%8E%8B"),
        ("officer", "/Leaders/Details/{leader}"),
        ("officer", "/SecrecyOrganizations"),
        ("officer", "/Activities"),
        ("officer", "/Checklists"),
        ("officer", "/Appraisals"),
        ("officer", "/Inspections"),
        ("officer", "/Proposals"),
        ("discipline", "/Incidents"),
        ("discipline", "/Incidents/Details/{incident}"),
        ("leader", "/"),
        ("cadre", "/Proposals"),
        ("officer", "/Notifications/Digest"),
        ("officer", "/Notifications"),
    ];

    [Fact]
    public async Task Every_main_page_runs_as_many_SQL_commands_on_a_province_four_times_larger()
    {
        var small = await CountAsync(new ProvinceSize(Units: 60, Leaders: 300, Years: 3));
        var large = await CountAsync(new ProvinceSize(Units: 240, Leaders: 1200, Years: 3));

        Assert.All(small, c => Assert.True(c.Value > 0, $"{c.Key}: no SQL command counted"));
        Assert.Equal(small.Keys, large.Keys);
        var differing = small.Where(c => large[c.Key] != c.Value).Select(c => $"{c.Key}: {c.Value} on the small province, {large[c.Key]} on the large").ToList();
        Assert.True(differing.Count == 0, string.Join("; ", differing));
    }

    private static async Task<Dictionary<string, int>> CountAsync(ProvinceSize size)
    {
        using var app = TestApp.StartOwn(b => b.UseSetting("Diagnostics:CountSqlCommands", "true"));
        await app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(size, _ => { }));
        var ids = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return new Dictionary<string, string>
            {
                ["{unit}"] = (await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{child}"] = (await db.Units.Where(u => u.ParentId != null && u.Parent!.ParentId == null).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{leader}"] = (await db.Leaders.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{incident}"] = (await db.Incidents.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        });

        var clients = new Dictionary<string, HttpClient>();
        var counts = new Dictionary<string, int>();
        foreach (var (account, template) in Pages)
        {
            if (!clients.TryGetValue(account, out var client))
            {
                client = clients[account] = app.CreateBrowserClient();
                await TestApp.SignInAsync(client, account, ProvinceGenerator.Password);
            }

            var page = ids.Aggregate(template, (p, id) => p.Replace(id.Key, id.Value, StringComparison.Ordinal));
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{account} {page}: {(int)response.StatusCode}");
            counts[$"{account} {template}"] = int.Parse(response.Headers.GetValues(SqlCommandCount.Header).Single(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
