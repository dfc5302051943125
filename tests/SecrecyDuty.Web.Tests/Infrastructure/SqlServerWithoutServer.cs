using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// A SQL Server context with no server behind it (none runs here): opening the connection is suppressed and every
/// command is answered with no rows (a count with 0), while the SQL it carries is kept in <see cref="Commands"/> for
/// the translation tests to inspect. <paramref name="answer"/> may answer a command with rows of its own (null: no rows).
/// </summary>
internal sealed class SqlServerWithoutServer(Func<string, DataTable?>? answer = null)
{
    public List<string> Commands { get; } = [];

    public SqlServerDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<SqlServerDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=none;User Id=none;Password=none;Encrypt=False")
            .AddInterceptors(new NoServer(), new NoRows(Commands, answer))
            .Options;
        return new SqlServerDbContext(options);
    }

    private sealed class NoServer : DbConnectionInterceptor
    {
        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();
    }

    private sealed class NoRows(List<string> commands, Func<string, DataTable?>? answer) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Add(command.CommandText);
            if (answer?.Invoke(command.CommandText) is { } rows)
            {
                return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(rows.CreateDataReader()));
            }

            using var table = new DataTable();

            // A count answers 0; every other query, no rows.
            if (command.CommandText.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal))
            {
                table.Columns.Add("Count", typeof(int));
                table.Rows.Add(0);
            }

            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(table.CreateDataReader()));
        }
    }
}
