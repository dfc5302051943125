namespace SecrecyDuty.Data;

public enum DatabaseProvider
{
    /// <summary>An embedded file under the app's data folder: the zero set-up default.</summary>
    Sqlite,

    /// <summary>The production database of record.</summary>
    SqlServer,
}

/// <summary>The "Database" configuration section (docs/configuration.md).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up. Unset: on for SQLite, off for SQL Server (use the migrate command).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>
    /// SQLite: how long a command waits for another connection's write to finish before it fails with "database is
    /// locked" (Microsoft.Data.Sqlite retries while busy for the connection's <c>Default Timeout</c>).
    /// </summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
