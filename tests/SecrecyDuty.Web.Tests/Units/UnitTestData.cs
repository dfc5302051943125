using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Units;

/// <summary>
/// A small province for the unit tests:
/// P 示范省 ─┬─ P-QS 青山市 ── P-QS-1 青山市教育局 ── P-QS-1-A 青山一中
///           └─ P-BH 碧海市
/// </summary>
public sealed record TestProvince(int Root, int City, int County, int School, int OtherCity)
{
    public static async Task<TestProvince> CreateAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = await app.AddUnitAsync("P", "示范省");
        var city = await app.AddUnitAsync("P-QS", "青山市", root);
        var county = await app.AddUnitAsync("P-QS-1", "青山市教育局", city);
        var school = await app.AddUnitAsync("P-QS-1-A", "青山一中", county);
        var other = await app.AddUnitAsync("P-BH", "碧海市", root);
        return new TestProvince(root, city, county, school, other);
    }
}

public static class UnitTestData
{
    /// <summary>Adds a unit of the given kind, level and status straight in the database.</summary>
    public static Task<int> AddUnitAsync(
        this TestApp app,
        string code,
        string name,
        int parentId,
        UnitKind kind,
        AdministrativeLevel level,
        bool active = true) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var unit = new Unit { Code = code, Name = name, Kind = kind, Level = level, IsActive = active, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime };
            await UnitTree.AddAsync(db, unit, parentId);
            await db.SaveChangesAsync();
            return unit.Id;
        });

    public static Task<Unit> UnitAsync(this TestApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.AsNoTracking().SingleAsync(u => u.Id == id));

    public static Task SetActiveAsync(this TestApp app, int id, bool active) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(u => u.Id == id)).IsActive = active;
            await db.SaveChangesAsync();
        });

    /// <summary>Calls <see cref="UnitService"/> as <paramref name="actor"/> in a scope of its own.</summary>
    public static Task<T> AsAsync<T>(this TestApp app, ICurrentUser actor, Func<UnitService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<UnitService>(sp, actor)));

    /// <summary>The codes of the units <paramref name="actor"/> sees in the unit list, in code order.</summary>
    public static Task<List<string>> VisibleCodesAsync(this TestApp app, ICurrentUser actor) =>
        app.AsAsync(actor, async units => (await units.ListAsync(null, 1, Core.Common.Paging.MaxPageSize)).Items.Select(u => u.Code).ToList());

    /// <summary>A signed-in browser for a new account of <paramref name="role"/> at <paramref name="unitId"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(this TestApp app, string userName, string role, int unitId)
    {
        await app.AddUserAsync(userName, role, unitId);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, userName);
        return client;
    }

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
