using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>Every create, update and deactivation of an audited record leaves who, when, which record and what changed.</summary>
public sealed class AuditTrailTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Task<List<AuditEntry>> TrailAsync(TestApp app, string entityType) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Creating_a_record_writes_who_when_which_and_the_new_values()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("ROOT", "Province").BuildAsync()).Unit("ROOT");
        await app.InScopeAsync(async sp =>
        {
            TestApp.ServiceFor<ICurrentUser>(sp, new FixedCurrentUser("officer-1", root, Roles.SecrecyOfficer));
            var db = sp.GetRequiredService<AppDbContext>();
            await UnitTree.AddAsync(db, new Unit { Code = "C1", Name = "青山市" }, root);
            await db.SaveChangesAsync();
        });

        var entry = (await TrailAsync(app, "Unit")).Last();
        var unitId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == "C1").Select(u => u.Id).SingleAsync());
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal("officer-1", entry.UserId);
        Assert.Equal(unitId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal(unitId, entry.UnitId);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.AtUtc);
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(entry.Changes, Json)!;
        Assert.Contains(new AuditChange("Name", null, "青山市"), changes);
    }

    [Fact]
    public async Task An_update_records_old_and_new_values_of_changed_fields_only()
    {
        using var app = TestApp.Rent();
        var unit = (await app.Province().WithUnit("U", "Old name").BuildAsync()).Unit("U");
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var u = await db.Units.SingleAsync(x => x.Id == unit);
            u.Name = "New name";
            await db.SaveChangesAsync();
        });

        var entry = (await TrailAsync(app, "Unit")).Last();
        Assert.Equal(AuditAction.Update, entry.Action);
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(entry.Changes, Json)!;
        Assert.Equal([new AuditChange("Name", "Old name", "New name")], changes);
    }

    [Fact]
    public async Task Clearing_IsActive_is_recorded_as_a_deactivation()
    {
        using var app = TestApp.Rent();
        var unit = (await app.Province().WithUnit("U", "Unit").BuildAsync()).Unit("U");
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(x => x.Id == unit)).IsActive = false;
            await db.SaveChangesAsync();
        });

        Assert.Equal(AuditAction.Deactivate, (await TrailAsync(app, "Unit")).Last().Action);
    }

    [Fact]
    public async Task A_save_without_real_changes_writes_no_entry()
    {
        using var app = TestApp.Rent();
        var unit = (await app.Province().WithUnit("U", "Same").BuildAsync()).Unit("U");
        var before = (await TrailAsync(app, "Unit")).Count;
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(x => x.Id == unit)).Name = "Same";
            await db.SaveChangesAsync();
        });

        Assert.Equal(before, (await TrailAsync(app, "Unit")).Count);
    }
}
