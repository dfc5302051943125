using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SecrecyDuty.Data;

/// <summary>
/// Runs a setting of the connection itself (a pragma, a function) on each SQLite connection the app's contexts open, on
/// the synchronous and the asynchronous path alike. The setting never touches the file, so it runs synchronously.
/// </summary>
internal sealed class SqliteConnectionOpened(Action<SqliteConnection> apply) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            apply(sqlite);
        }
    }
}
