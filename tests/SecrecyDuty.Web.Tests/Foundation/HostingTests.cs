using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Foundation;

public sealed class HostingTests
{
    [Fact]
    public async Task Health_reports_the_database_check_without_sign_in()
    {
        using var app = TestApp.Rent();
        var response = await app.CreateBrowserClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("database", json.RootElement.GetProperty("checks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_page_but_sign_in_requires_an_account()
    {
        using var app = TestApp.Rent();
        var response = await app.CreateBrowserClient().GetAsync("/Units");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        using var app = TestApp.Rent();
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, await AdminAsync(app));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/Register")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Identity/Account/Register")).StatusCode);
    }

    [Fact]
    public async Task Static_assets_are_served_by_the_app_itself()
    {
        using var app = TestApp.Rent();
        var client = app.CreateBrowserClient();
        var login = await TestApp.GetDocumentAsync(client, "/Account/Login");

        var assets = login.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            Assert.StartsWith("/", asset, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset)).StatusCode);
        }
    }

    [Fact]
    public async Task Reference_roles_are_seeded_at_start_up()
    {
        using var app = TestApp.Rent();
        var roles = await app.InScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService<AppDbContext>().Roles.Select(r => r.Name!).OrderBy(n => n).ToList()));

        Assert.Equal(["Administrator", "CadreOfficial", "DisciplineOfficial", "SecrecyOfficer", "Supervisor", "UnitLeader"], roles);
    }

    [Fact]
    public async Task The_demo_province_has_a_cadre_official_account_at_the_province_root()
    {
        using var app = TestApp.Rent("Development");
        var seeded = await app.InScopeAsync(sp => sp.GetRequiredService<DemoProvinceSeeder>().SeedAsync());

        var cadre = Assert.Single(seeded, a => a.UserName == "cadre");
        Assert.Equal(Core.Accounts.Roles.CadreOfficial, cadre.Role);
        Assert.Equal("中共示范省委员会", cadre.UnitName);
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(client, "cadre", DemoProvinceSeeder.DemoPassword)).StatusCode);
        Assert.NotNull((await TestApp.GetDocumentAsync(client, "/")).QuerySelector("#home-cadre-official"));
    }

    [Fact]
    public async Task Development_seeds_a_demo_province_in_three_levels_with_one_account_per_role()
    {
        using var app = TestApp.Rent("Development");
        var client = app.CreateBrowserClient();
        var (levels, roles) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var depth = db.UnitAncestries.Max(a => a.Depth) + 1;
            var seeded = await sp.GetRequiredService<DemoProvinceSeeder>().SeedAsync();
            return (depth, seeded.Select(a => a.Role).Distinct().Count());
        });

        Assert.Equal(3, levels);
        Assert.Equal(Core.Accounts.Roles.All.Count, roles);
        var (units, withOrganization, withoutSecrecyLeader) = await app.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var today = new DateOnly(2026, 11, 27);
            return Task.FromResult((
                db.Units.Count(),
                db.SecrecyOrganizations.Count(),
                db.Units.Count(u => u.IsActive && !db.Postings.Any(p => p.UnitId == u.Id
                    && (p.Role == Core.Leaders.PostingRole.SecrecyLeader || p.LeadsSecrecyWork) && p.From <= today && (p.To == null || p.To >= today)))));
        });
        Assert.Equal(units - 1, withOrganization);
        Assert.Equal(0, withoutSecrecyLeader);

        // Journey 1 starts here: the demo leader's unit has this year's first-half briefing, not the second.
        var briefings = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Activities
            .Where(a => a.Unit!.Code == "SF-JYT" && a.Kind == Core.Activities.ActivityKind.Briefing && a.Date.Year == 2026)
            .Select(a => a.Date.Month).ToList()));
        Assert.Equal([4], briefings);
        var signIn = await TestApp.SignInAsync(client, "leader", DemoProvinceSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Development_demo_units_have_their_lives_one_set_up_this_november_and_one_closed_in_a_past_year()
    {
        using var app = TestApp.Rent("Development");
        var units = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.AsNoTracking()
            .Select(u => new { u.Id, u.Code, u.EstablishedOn, u.ClosedOn, u.IsActive, u.Kind, u.IsLargeOrMediumEnterprise }).ToListAsync());
        var today = new DateOnly(2026, 11, 27);

        Assert.All(units, u => Assert.True(u.EstablishedOn <= today, u.Code));
        Assert.Contains(units, u => u.EstablishedOn < today.AddYears(-5));
        Assert.Contains(units, u => u.EstablishedOn > today.AddYears(-5) && u.EstablishedOn.Value.Year < today.Year);
        var novemberUnit = Assert.Single(units, u => u.EstablishedOn is { Year: 2026, Month: 11 });
        var closed = Assert.Single(units, u => u.ClosedOn is not null);
        Assert.Equal((false, true), (closed.IsActive, closed.ClosedOn!.Value.Year < today.Year));
        Assert.Contains(units, u => u.Kind == Core.Units.UnitKind.StateOwnedEnterprise && u.IsLargeOrMediumEnterprise);
        Assert.Contains(units, u => u.Kind == Core.Units.UnitKind.StateOwnedEnterprise && !u.IsLargeOrMediumEnterprise);

        // Records only while a unit existed; the new unit's principal leader also leads its secrecy work (art. 6).
        var (early, late, openAfterClosing, charge) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (
                await db.Activities.CountAsync(a => a.Unit!.EstablishedOn != null && a.Date < a.Unit.EstablishedOn),
                await db.Activities.CountAsync(a => a.Unit!.ClosedOn != null && a.Date > a.Unit.ClosedOn),
                await db.Postings.CountAsync(p => p.UnitId == closed.Id && (p.To == null || p.To > closed.ClosedOn)),
                await db.Postings.Where(p => p.UnitId == novemberUnit.Id && p.LeadsSecrecyWork).Select(p => p.Role).ToListAsync());
        });
        Assert.Equal((0, 0, 0), (early, late, openAfterClosing));
        Assert.Equal([Core.Leaders.PostingRole.PrincipalLeader], charge);
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RuleAreaExemptions.AnyAsync(e => e.UnitId == novemberUnit.Id)));
    }

    [Fact]
    public async Task The_testing_environment_has_no_demo_data()
    {
        using var app = TestApp.Rent();
        var units = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Units.Count()));
        Assert.Equal(0, units);
    }

    internal static async Task<string> AdminAsync(TestApp app)
    {
        await app.Province()
            .WithUnit("ROOT", "省保密局")
            .WithAccount("admin", Core.Accounts.Roles.Administrator, "ROOT")
            .BuildAsync();
        return "admin";
    }
}
