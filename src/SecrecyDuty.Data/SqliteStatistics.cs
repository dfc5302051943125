using Microsoft.EntityFrameworkCore;

namespace SecrecyDuty.Data;

/// <summary>
/// Keeps SQLite's planner statistics current (issue 10, docs/performance.md "Statistics"). SQLite plans queries from the
/// statistics <c>ANALYZE</c> stores and never refreshes them by itself; a province that grows from a few units to ten
/// thousand would keep the plans of the empty database. <c>PRAGMA optimize</c> analyzes only the tables whose size
/// changed much since, and <c>analysis_limit</c> bounds each analysis to a sample, so it takes milliseconds, not a scan.
/// SQL Server keeps its statistics up to date itself.
/// </summary>
public static class SqliteStatistics
{
    /// <summary>Rows sampled per index by an analysis (SQLite's recommendation for <c>PRAGMA optimize</c>: a few hundred).</summary>
    private const string AnalysisLimit = "PRAGMA analysis_limit=400";

    /// <summary>
    /// At start-up, 0x10002 also looks at tables no query of this connection has used yet (SQLite's advice for an
    /// application that opens its database once); later runs look at the tables used since.
    /// </summary>
    public static async Task OptimizeAsync(DbContext db, bool atStartup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(AnalysisLimit, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(atStartup ? "PRAGMA optimize=0x10002" : "PRAGMA optimize", cancellationToken);
    }
}
