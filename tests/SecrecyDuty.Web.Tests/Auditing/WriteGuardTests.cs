using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Auditing;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Auditing;

/// <summary>
/// Issue 14, finding 8: "a raw SQL change to an audit row or a unit leaves no trace". On the embedded database such a change
/// is refused unless it comes through the app (and so through the trail); taking the guard off shows in the audit check.
/// </summary>
public sealed class WriteGuardTests
{
    private static SqliteConnection OutsideConnection(TestApp app)
    {
        var file = app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Database.GetDbConnection().DataSource)).GetAwaiter().GetResult();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Theory]
    [InlineData("UPDATE Units SET Name = '改过的名称' WHERE Code = 'P'")]
    [InlineData("DELETE FROM Units WHERE Code = 'P'")]
    [InlineData("INSERT INTO UnitAncestries (AncestorId, DescendantId, Depth) VALUES (1, 1, 9)")]
    [InlineData("UPDATE AuditEntries SET UserName = 'someone-else'")]
    [InlineData("DELETE FROM AuditEntries")]
    [InlineData("UPDATE AspNetUsers SET LockoutEnd = NULL")]
    public async Task A_raw_SQL_write_from_outside_the_app_is_refused_and_changes_nothing(string sql)
    {
        using var app = TestApp.Rent();
        await app.Province().WithUnit("P", "示范省").WithAccount("admin", Roles.Administrator, "P").BuildAsync();
        var before = await Security.ReadOnlyGetTests.SnapshotAsync(app);

        using (var connection = OutsideConnection(app))
        {
            var refused = Assert.Throws<SqliteException>(() => Execute(connection, sql));
            Assert.Contains(SqliteWriteGuard.FunctionName, refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await Security.ReadOnlyGetTests.SnapshotAsync(app));
    }

    [Fact]
    public void A_table_left_out_of_the_guard_still_takes_raw_writes()
    {
        using var app = TestApp.Rent();
        using var connection = OutsideConnection(app);

        Execute(connection, "DELETE FROM Notifications");
    }

    [Fact]
    public async Task Every_table_of_the_model_is_guarded_or_left_open_for_a_stated_reason()
    {
        using var app = TestApp.Rent();
        var tables = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Model.GetEntityTypes()
            .Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList()));

        Assert.Equal(tables, SqliteWriteGuard.Tables.Concat(SqliteWriteGuard.Unguarded).Where(t => !t.StartsWith("__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Empty(SqliteWriteGuard.Tables.Intersect(SqliteWriteGuard.Unguarded));
    }

    [Fact]
    public async Task After_every_migration_each_guarded_table_has_its_guard()
    {
        using var app = TestApp.Rent();

        var unguarded = await app.InScopeAsync(sp => SqliteWriteGuard.UnguardedTablesAsync(sp.GetRequiredService<AppDbContext>()));

        Assert.Empty(unguarded);
    }

    [Fact]
    public async Task Taking_the_guard_off_a_table_shows_in_the_audit_check_command_and_page()
    {
        using var app = TestApp.Rent();
        await app.Province().WithUnit("P", "示范省").WithAccount("admin", Roles.Administrator, "P").BuildAsync();
        await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("DROP TRIGGER \"guard_Units_update\""));

        var result = await app.InScopeAsync(sp => sp.GetRequiredService<AuditChainService>().VerifyAsync());
        var page = await TestApp.GetDocumentAsync(await app.SignedInAsync("admin"), "/Admin/Audit/Verify");

        Assert.False(result.Intact);
        Assert.Null(result.FirstBreak);
        Assert.Equal(["Units"], result.UnguardedTables);
        var verdict = page.QuerySelector("#audit-verdict")!;
        Assert.Contains("alert-danger", verdict.ClassName, StringComparison.Ordinal);
        Assert.Contains("Units", verdict.TextContent, StringComparison.Ordinal);
    }
}
