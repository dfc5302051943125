using System.Data;
using Microsoft.Extensions.Time.Testing;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// The compliance queries translate to SQL Server too (no server runs here): the connection and the commands are
/// intercepted, the commands answered with no rows (the years' coverage with the years and no stale row, so that nothing is
/// written), and
/// the SQL they carry kept for inspection.
/// </summary>
public sealed class SqlServerTranslationTests
{
    private static readonly int[] Years = [2022, 2023, 2024, 2025, 2026];

    /// <summary>The years covered, and "no" to whether any row is stale.</summary>
    private static DataTable? Covered(string sql)
    {
        if (sql.StartsWith("SELECT CASE", StringComparison.Ordinal) && sql.Contains("[UnitYearCompliances]", StringComparison.Ordinal))
        {
            var none = new DataTable();
            none.Columns.Add("Value", typeof(bool));
            none.Rows.Add(false);
            return none;
        }

        if (!sql.Contains("[ComplianceCoverages]", StringComparison.Ordinal))
        {
            return null;
        }

        var table = new DataTable();
        table.Columns.Add("Year", typeof(int));
        table.Columns.Add("Revision", typeof(Guid));
        foreach (var year in Years)
        {
            table.Rows.Add(year, Guid.NewGuid());
        }

        return table;
    }

    [Fact]
    public async Task The_dashboard_counts_and_pages_the_stored_judgements_and_the_full_computation_groups_in_SQL_Server()
    {
        var commands = new SqlServerWithoutServer(Covered);
        await using var db = commands.CreateContext();
        var user = new FixedCurrentUser("u", 1, Roles.SecrecyOfficer);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)));
        var compliance = new ComplianceService(db, new Jurisdiction(db, user), user, clock, new ComplianceJudgementService(db, clock, new ComplianceRefreshGate()), new ComplianceFigures());

        var dashboard = await compliance.DashboardAsync(20);

        Assert.Equal(0, dashboard.HeatMap.Units);
        Assert.Equal(Years, dashboard.Trends.Select(t => t.Year));

        // The notes of saves to apply (none), the years covered, whether any row is stale (none), the top's tree key, then
        // over the stored judgements the totals and the trends, the map's first rows and the three lists' (docs/decisions/0022):
        // ten commands, and no unit to judge.
        Assert.Equal(10, commands.Commands.Count);
        Assert.Equal(7, commands.Commands.Count(c => c.Contains("[UnitYearCompliances]", StringComparison.Ordinal)));
        Assert.Single(commands.Commands, c => c.Contains("GROUP BY [u].[Year]", StringComparison.Ordinal));

        commands.Commands.Clear();
        _ = await compliance.ExportAsync(2026, new ComplianceFilter());

        // The full computation: eleven queries, grouped in SQL.
        Assert.Equal(11, commands.Commands.Count);
        Assert.Equal(5, commands.Commands.Count(c => c.Contains("GROUP BY", StringComparison.Ordinal)));

        // Years and periods by comparing dates with constants, not by extracting parts of every row's date.
        Assert.DoesNotContain(commands.Commands, c => c.Contains("DATEPART", StringComparison.Ordinal));
    }
}
