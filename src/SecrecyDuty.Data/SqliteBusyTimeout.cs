using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SecrecyDuty.Data;

/// <summary>
/// SQLite's own busy timeout (<c>PRAGMA busy_timeout</c>) on every connection the app's contexts open, equal to the connection
/// string's <c>Default Timeout</c> (<c>Database:SqliteBusyTimeoutSeconds</c>). Microsoft.Data.Sqlite does not set it: a
/// command that meets another connection's write lock gets SQLITE_BUSY at once and the library retries it after sleeping
/// 150 ms, again and again until the command timeout, so a wait for a write of a few milliseconds cost 150 or 300 ms (issue 10,
/// the tails of the briefing post and the incident file). SQLite's busy handler retries within milliseconds of the lock's
/// release instead; the library's loop stays behind it for what the handler does not cover.
/// </summary>
public static class SqliteBusyTimeout
{
    public static IInterceptor Interceptor { get; } = new SqliteConnectionOpened(Set);

    /// <summary>The busy timeout in milliseconds for a connection's default timeout in seconds (0, no timeout, waits as long as SQLite allows).</summary>
    public static int Milliseconds(int defaultTimeoutSeconds) =>
        defaultTimeoutSeconds <= 0 ? int.MaxValue : (int)Math.Min(defaultTimeoutSeconds * 1000L, int.MaxValue);

    private static void Set(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Milliseconds(connection.DefaultTimeout)};";
        command.ExecuteNonQuery();
    }
}
