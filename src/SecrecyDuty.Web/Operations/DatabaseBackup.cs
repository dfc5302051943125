using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Operations;

/// <summary>
/// The <c>backup</c> and <c>restore</c> commands (docs/operations.md, "Backup and restore"). On SQLite, a backup is a
/// consistent copy taken while the app runs (<c>VACUUM INTO</c> reads one snapshot, writers go on), checked before it is
/// reported done; a restore checks the backup first, refuses while any instance runs, and keeps the replaced file
/// aside. On SQL Server the server's own BACKUP and RESTORE are the tools: the commands print the statements.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Exit code: done.</summary>
    public const int Done = 0;

    /// <summary>Exit code: refused, nothing changed (a bad backup, an instance running, a target that exists).</summary>
    public const int Refused = 1;

    /// <summary>Exit code: wrong usage, or a provider whose own tools do the work (SQL Server).</summary>
    public const int Usage = 2;

    /// <summary>Writes a consistent copy of the SQLite database at <paramref name="connectionString"/> to <paramref name="target"/>.</summary>
    public static async Task<int> BackupSqliteAsync(string connectionString, string target, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var database = SqliteDatabase.FilePath(connectionString);
        if (!File.Exists(database))
        {
            await error.WriteLineAsync($"There is no database at {database}: check App:DataDirectory and ConnectionStrings:Sqlite. Nothing was backed up.");
            return Refused;
        }

        var path = Path.GetFullPath(target);
        if (File.Exists(path) || Directory.Exists(path))
        {
            await error.WriteLineAsync($"{path} exists already: choose a new file name (a backup never overwrites).");
            return Refused;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using (var source = new SqliteConnection(connectionString))
            {
                await source.OpenAsync(cancellationToken);
                await using var vacuum = source.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target;";
                vacuum.Parameters.AddWithValue("$target", path);
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            // One self-contained file, whatever the source's journal mode: a copy of it is the whole backup.
            var check = await CheckAsync(path, makeSelfContained: true, cancellationToken);
            if (check is not null)
            {
                File.Delete(path);
                await error.WriteLineAsync($"The backup failed its integrity check and was removed: {check}");
                return Refused;
            }
        }
        catch (SqliteException e)
        {
            DeleteIfExists(path);
            await error.WriteLineAsync($"The backup could not be written to {path}: {e.Message}");
            return Refused;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backup written to {path} ({new FileInfo(path).Length:N0} bytes); integrity check ok."));
        return Done;
    }

    /// <summary>
    /// Replaces the SQLite database at <paramref name="connectionString"/> with <paramref name="source"/>, after checking
    /// that it is an intact SecrecyDuty database no newer than this version of the app, and only while no instance runs.
    /// The replaced file is kept beside it, named with the time of the restore.
    /// </summary>
    public static async Task<int> RestoreSqliteAsync(
        string connectionString,
        string source,
        IReadOnlyCollection<string> knownMigrations,
        TimeProvider clock,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(knownMigrations);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var from = Path.GetFullPath(source);
        if (!File.Exists(from))
        {
            await error.WriteLineAsync($"{from} does not exist: nothing was restored.");
            return Refused;
        }

        var database = SqliteDatabase.FilePath(connectionString);
        if (string.Equals(from, database, StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"{from} is the database itself: name a backup file. Nothing was restored.");
            return Refused;
        }

        // Checked on a private copy, so that the file checked is the file restored.
        var staged = database + ".restoring";
        DeleteIfExists(staged);
        File.Copy(from, staged);
        try
        {
            var problem = await CheckAsync(staged, makeSelfContained: true, cancellationToken)
                ?? await CheckMigrationsAsync(staged, knownMigrations, cancellationToken);
            if (problem is not null)
            {
                await error.WriteLineAsync($"{from} cannot be restored: {problem} Nothing was changed.");
                return Refused;
            }

            using var exclusive = SqliteDatabase.TryTakeExclusiveLock(database);
            if (exclusive is null)
            {
                await error.WriteLineAsync($"The app is running over {database}: stop every instance, then restore. Nothing was changed.");
                return Refused;
            }

            var aside = string.Create(CultureInfo.InvariantCulture, $"{database}.before-restore-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}");
            if (File.Exists(database))
            {
                await CheckpointAsync(database, cancellationToken);
                File.Move(database, aside);
                foreach (var suffix in (string[])["-wal", "-shm"])
                {
                    if (File.Exists(database + suffix))
                    {
                        File.Move(database + suffix, aside + suffix);
                    }
                }
            }

            File.Move(staged, database);
            await output.WriteLineAsync(File.Exists(aside)
                ? $"Restored {database} from {from}; the database it replaced is kept as {aside}. Start the app (pending migrations apply as configured)."
                : $"Restored {database} from {from}. Start the app (pending migrations apply as configured).");
            return Done;
        }
        finally
        {
            DeleteIfExists(staged);
        }
    }

    /// <summary>What a DBA runs on SQL Server; the paths are the server's, not this machine's.</summary>
    public static string SqlServerBackupStatement(string connectionString, string target) =>
        $"BACKUP DATABASE {Bracket(new SqlConnectionStringBuilder(connectionString).InitialCatalog)} TO DISK = N'{target.Replace("'", "''", StringComparison.Ordinal)}' WITH COPY_ONLY, CHECKSUM, INIT;";

    public static string SqlServerRestoreStatement(string connectionString, string source) =>
        $"RESTORE DATABASE {Bracket(new SqlConnectionStringBuilder(connectionString).InitialCatalog)} FROM DISK = N'{source.Replace("'", "''", StringComparison.Ordinal)}' WITH CHECKSUM, REPLACE;";

    /// <summary>Null when <paramref name="path"/> is a SQLite database whose integrity check answers ok; else what is wrong.</summary>
    private static async Task<string?> CheckAsync(string path, bool makeSelfContained, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            if (makeSelfContained)
            {
                await using var journal = connection.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE;";
                await journal.ExecuteScalarAsync(cancellationToken);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var results = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                results.Add(reader.GetString(0));
            }

            return results is ["ok"] ? null : $"its integrity check found {string.Join("; ", results.Take(5))}.";
        }
        catch (SqliteException e)
        {
            return $"it is not a readable SQLite database ({e.Message}).";
        }
    }

    /// <summary>Null when the file is a SecrecyDuty database with no migration this app does not know (a newer version's).</summary>
    private static async Task<string?> CheckMigrationsAsync(string path, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Units');";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 2)
        {
            return "it is a SQLite database, but not one of SecrecyDuty.";
        }

        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory;";
        var unknown = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!knownMigrations.Contains(id))
            {
                unknown.Add(id);
            }
        }

        return unknown.Count == 0 ? null : $"it was made by a newer version of the app (migrations {string.Join(", ", unknown)}): install that version first.";
    }

    /// <summary>Moves what the write-ahead log holds into the database file, so that the file kept aside is whole by itself.</summary>
    private static async Task CheckpointAsync(string database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException)
        {
            // A damaged file is kept aside as it is, with its log beside it.
        }
    }

    private static string Bracket(string name) => "[" + name.Replace("]", "]]", StringComparison.Ordinal) + "]";

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
