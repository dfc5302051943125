using Microsoft.Extensions.Time.Testing;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>
/// The compliance queries translate to SQL Server too (no server runs here): the connection and the commands are
/// intercepted, the commands answered with no rows, and the SQL they carry kept for inspection.
/// </summary>
public sealed class SqlServerTranslationTests
{
    [Fact]
    public async Task The_compliance_queries_translate_to_SQL_Server_as_grouped_queries()
    {
        var commands = new SqlServerWithoutServer();
        await using var db = commands.CreateContext();
        var user = new FixedCurrentUser("u", 1, Roles.SecrecyOfficer);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)));
        var compliance = new ComplianceService(db, new Jurisdiction(db, user), user, clock);

        var dashboard = await compliance.DashboardAsync(20);

        Assert.Equal(0, dashboard.HeatMap.Units);
        // The current year judged per unit (ten grouped queries), the units that changed during the earlier years the same
        // way, and per earlier year three counts (issue 10, docs/decisions/0017).
        Assert.Equal(10 + 10 + (3 * (ComplianceService.TrendYears - 1)), commands.Commands.Count);
        Assert.Equal(10 + 4, commands.Commands.Count(c => c.Contains("GROUP BY", StringComparison.Ordinal)));

        // Years and periods by comparing dates with constants, not by extracting parts of every row's date.
        Assert.DoesNotContain(commands.Commands, c => c.Contains("DATEPART", StringComparison.Ordinal));
    }
}
