using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>Proves the SQL Server side without a server, and keeps both providers' migrations complete.</summary>
public sealed class MigrationsTests
{
    private static SqlServerDbContext SqlServerContext() =>
        new SqlServerDesignTimeFactory().CreateDbContext([]);

    private static SqliteDbContext SqliteContext(string path) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);

    [Fact]
    public void Sql_Server_migrations_cover_the_whole_model()
    {
        using var db = SqlServerContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQL Server migration: add one with --context SqlServerDbContext.");
    }

    [Fact]
    public void Sqlite_migrations_cover_the_whole_model()
    {
        using var db = SqliteContext(Path.Combine(Path.GetTempPath(), "unused.db"));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQLite migration: add one with --context SqliteDbContext.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        using var sqlServer = SqlServerContext();
        using var sqlite = SqliteContext(Path.Combine(Path.GetTempPath(), "unused.db"));
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(sqlServer), Names(sqlite));
    }

    [Fact]
    public void Sql_Server_idempotent_script_parses_without_errors()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.Contains("CREATE TABLE [Units]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Units_Code]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_migrations_apply_to_an_empty_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("secrecyduty-migrate-").FullName, "fresh.db");
        using var db = SqliteContext(path);
        db.Database.Migrate();
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(0, db.Units.Count());
    }
}
