using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// Where a test host's database lives. By default every <see cref="TestHost"/> gets its own SQLite file, copied from a
/// template migrated once per run, and the tests it serves one after another each start from the copy the host kept
/// after start-up. With SECRECYDUTY_TEST_SQLSERVER set to a connection string, every test gets a host and a database
/// of its own on that server instead, migrated by the app at start-up and dropped afterwards.
/// </summary>
public static class TestDatabase
{
    public const string SqlServerVariable = "SECRECYDUTY_TEST_SQLSERVER";

    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string? SqlServerConnectionString =>
        Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value ? value : null;

    public static bool UsesSqlServer => SqlServerConnectionString is not null;

    /// <summary>A migrated SQLite file for one host, in <paramref name="directory"/>.</summary>
    public static string CopySqliteTemplate(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        File.Copy(SqliteTemplate.Value, path);
        return path;
    }

    /// <summary>A connection string to a new, uniquely named database on the configured SQL Server.</summary>
    public static string NewSqlServerDatabase()
    {
        var builder = new SqlConnectionStringBuilder(SqlServerConnectionString)
        {
            InitialCatalog = $"SecrecyDutyTest_{Guid.NewGuid():N}",
        };
        return builder.ConnectionString;
    }

    public static void DropSqlServerDatabase(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqlServerDbContext>().UseSqlServer(connectionString).Options;
        using var db = new SqlServerDbContext(options);
        db.Database.EnsureDeleted();
    }

    private static string CreateSqliteTemplate()
    {
        var directory = Directory.CreateTempSubdirectory("secrecyduty-template-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        };
        var path = Path.Combine(directory.FullName, "template.db");
        var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        using (var db = new SqliteDbContext(options))
        {
            db.Database.Migrate();
        }

        return path;
    }
}
