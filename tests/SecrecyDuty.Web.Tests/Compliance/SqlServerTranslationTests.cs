using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// The compliance queries translate to SQL Server too (no server runs here): the connection and the commands are
/// intercepted, the commands answered with no rows, and the SQL they carry kept for inspection.
/// </summary>
public sealed class SqlServerTranslationTests
{
    private sealed class NoServer : DbConnectionInterceptor
    {
        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();
    }

    private sealed class NoRows : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            using var table = new DataTable();
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(table.CreateDataReader()));
        }
    }

    [Fact]
    public async Task The_compliance_queries_translate_to_SQL_Server_as_grouped_queries()
    {
        var commands = new NoRows();
        var options = new DbContextOptionsBuilder<SqlServerDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=none;User Id=none;Password=none;Encrypt=False")
            .AddInterceptors(new NoServer(), commands)
            .Options;
        await using var db = new SqlServerDbContext(options);
        var user = new FixedCurrentUser("u", 1, Roles.SecrecyOfficer);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)));
        var compliance = new ComplianceService(db, new Jurisdiction(db, user), user, clock);

        var dashboard = await compliance.DashboardAsync(20);

        Assert.Equal(0, dashboard.HeatMap.Units);
        Assert.Equal(9, commands.Commands.Count);
        Assert.Equal(4, commands.Commands.Count(c => c.Contains("GROUP BY", StringComparison.Ordinal)));
        Assert.Contains(commands.Commands, c => c.Contains("DATEPART(month", StringComparison.Ordinal));
    }
}
