using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>
/// The version every editable record carries (issue 14, "No lost updates"; docs/decisions/0020), kept by the DbContext for
/// every save whatever the service: raised and stamped, compared in the UPDATE itself, left out of the audit trail.
/// </summary>
public sealed class RecordVersionTests
{
    private static Task<Unit> UnitAsync(TestApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.AsNoTracking().SingleAsync(u => u.Id == id));

    private static Task RenameAsync(TestApp app, int id, string name, string? by = null) =>
        app.InScopeAsync(async sp =>
        {
            if (by is not null)
            {
                TestApp.ServiceFor<ICurrentUser>(sp, new FixedCurrentUser(by, null, Roles.SecrecyOfficer));
            }

            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(u => u.Id == id)).Name = name;
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Every_save_of_a_record_raises_its_version_by_one_and_stamps_who_saved_it_and_when()
    {
        using var app = TestApp.Rent();
        var id = (await app.Province().WithUnit("P", "示范省").BuildAsync()).Unit("P");
        var created = await UnitAsync(app, id);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await RenameAsync(app, id, "示范省（改）", by: "officer-1");
        var saved = await UnitAsync(app, id);

        Assert.Equal((1, "(system)"), (created.Version, created.SavedBy));
        Assert.Equal((2, "officer-1", app.Clock.GetUtcNow().UtcDateTime), (saved.Version, saved.SavedBy, saved.SavedAtUtc));
    }

    [Fact]
    public async Task A_save_that_changes_nothing_keeps_the_version()
    {
        using var app = TestApp.Rent();
        var id = (await app.Province().WithUnit("P", "示范省").BuildAsync()).Unit("P");

        await RenameAsync(app, id, "示范省");

        Assert.Equal(1, (await UnitAsync(app, id)).Version);
    }

    [Fact]
    public async Task The_audit_trail_records_the_change_without_the_version_and_its_stamp()
    {
        using var app = TestApp.Rent();
        var id = (await app.Province().WithUnit("P", "示范省").BuildAsync()).Unit("P");

        await RenameAsync(app, id, "示范省（改）");

        var entry = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Unit)).OrderBy(a => a.Id).LastAsync());
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.Contains("示范省（改）", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Version", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("SavedBy", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_over_a_version_someone_else_raised_meanwhile_is_refused_by_the_database_and_writes_nothing()
    {
        using var app = TestApp.Rent();
        var id = (await app.Province().WithUnit("P", "示范省").BuildAsync()).Unit("P");

        var saved = await app.InScopeAsync(async sp =>
        {
            // Read here at version 1 ...
            var db = sp.GetRequiredService<AppDbContext>();
            var unit = await db.Units.SingleAsync(u => u.Id == id);

            // ... saved meanwhile by another request ...
            await RenameAsync(app, id, "示范省（先）");

            // ... and written here over version 1: the UPDATE finds no such row.
            unit.Name = "示范省（迟）";
            return await db.TrySaveOverAsync(unit, Versions.First);
        });

        Assert.False(saved);
        var stored = await UnitAsync(app, id);
        Assert.Equal(("示范省（先）", 2), (stored.Name, stored.Version));
    }

    [Fact]
    public async Task A_row_written_without_a_version_starts_at_the_first_one_as_the_migration_left_existing_rows()
    {
        using var app = TestApp.Rent();

        await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(
            "INSERT INTO Units (Code, Name, Kind, Level, IsLargeOrMediumEnterprise, IsActive, CreatedAtUtc) VALUES ('OLD', '旧单位', 'StateOrgan', 'County', 0, 1, '2020-01-01 00:00:00')"));

        var old = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.AsNoTracking().SingleAsync(u => u.Code == "OLD"));
        Assert.Equal((Versions.First, (DateTime?)null, (string?)null), (old.Version, old.SavedAtUtc, old.SavedBy));
    }
}
