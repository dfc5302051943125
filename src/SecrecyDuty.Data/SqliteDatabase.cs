using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SecrecyDuty.Data;

/// <summary>
/// What keeps the SQLite file safe (docs/operations.md, "Durability"): write-ahead logging, a busy timeout, and a lock
/// file that tells a restore whether an instance of the app still uses the database.
/// </summary>
public static class SqliteDatabase
{
    /// <summary>Beside the database: every running instance holds a shared lock on it, a restore an exclusive one.</summary>
    public const string LockFileSuffix = ".lock";

    /// <summary>
    /// Puts the database in WAL mode (kept in the file itself): readers never block the writer nor the writer readers,
    /// and a commit is one append to the log, so a process killed mid-write leaves the last committed state. The
    /// default <c>synchronous=FULL</c> stays: each commit is on disk before it is acknowledged.
    /// </summary>
    public static async Task UseWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused write-ahead logging for {connection.DataSource} (journal mode {mode}).");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The full path of the database file a SQLite connection string names.</summary>
    public static string FilePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>
    /// A shared lock on the database's lock file, for as long as the app runs (disposed when it stops; the operating
    /// system releases it when the process dies). Several instances may hold it together; a restore cannot while any does.
    /// </summary>
    /// <exception cref="IOException">A restore holds the file.</exception>
    public static IDisposable HoldInstanceLock(string connectionString)
    {
        try
        {
            // FileShare other than None takes a shared lock (flock LOCK_SH on Unix), None an exclusive one.
            return new FileStream(FilePath(connectionString) + LockFileSuffix, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (IOException e)
        {
            throw new IOException($"The database {FilePath(connectionString)} is being restored: start the app once the restore has finished.", e);
        }
    }

    /// <summary>The exclusive lock a restore needs: null while any instance of the app runs over the database.</summary>
    public static IDisposable? TryTakeExclusiveLock(string databasePath)
    {
        try
        {
            return new FileStream(databasePath + LockFileSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
