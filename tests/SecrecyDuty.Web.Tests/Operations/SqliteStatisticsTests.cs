using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Tests.Operations;

/// <summary>
/// Issue 10: SQLite's planner statistics are kept current (docs/performance.md, "Statistics"): <c>PRAGMA optimize</c> at
/// start-up and every few hours analyzes the tables that grew, so plans follow the province's size.
/// </summary>
public sealed class SqliteStatisticsTests
{
    [Fact]
    public async Task Optimizing_at_start_up_analyzes_a_grown_table_that_was_never_analyzed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stats-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=false"))
            {
                await connection.OpenAsync();
                await using var create = connection.CreateCommand();
                create.CommandText = """
                    CREATE TABLE Things (Id INTEGER PRIMARY KEY, UnitId INTEGER NOT NULL, Day TEXT NOT NULL);
                    CREATE INDEX IX_Things_UnitId_Day ON Things (UnitId, Day);
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                    INSERT INTO Things (UnitId, Day) SELECT i % 100, '2026-01-01' FROM n;
                    """;
                await create.ExecuteNonQueryAsync();
            }

            await using (var db = new StatisticsContext(file))
            {
                await SqliteStatistics.OptimizeAsync(db, atStartup: true);
            }

            await using var check = new SqliteConnection($"Data Source={file};Pooling=false");
            await check.OpenAsync();
            await using var query = check.CreateCommand();
            query.CommandText = "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'Things'";
            Assert.True((long)(await query.ExecuteScalarAsync())! > 0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class StatisticsContext(string file) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlite($"Data Source={file};Pooling=false");
    }
}
