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
        var p = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-QS", "青山市", parent: "P")
            .WithUnit("P-QS-1", "青山市教育局", parent: "P-QS")
            .WithUnit("P-QS-1-A", "青山一中", parent: "P-QS-1")
            .WithUnit("P-BH", "碧海市", parent: "P")
            .BuildAsync();
        return new TestProvince(p.Unit("P"), p.Unit("P-QS"), p.Unit("P-QS-1"), p.Unit("P-QS-1-A"), p.Unit("P-BH"));
    }
}

public static class UnitTestData
{
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

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
