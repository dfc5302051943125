using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>Runs only against a real SQL Server (SECRECYDUTY_TEST_SQLSERVER); skipped otherwise.</summary>
public sealed class SqlServerTests
{
    [SqlServerFact]
    public async Task The_app_migrates_a_new_SQL_Server_database_and_answers_jurisdiction_queries()
    {
        using var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("P", "Province")
            .WithUnit("P-C", "City", parent: "P")
            .WithUnit("P-C-1", "County", parent: "P-C")
            .WithUnit("P-X", "Other", parent: "P")
            .BuildAsync();
        var city = built.Unit("P-C");

        var visible = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.IsType<SqlServerDbContext>(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var units = TestApp.ServiceFor<UnitService>(sp, new FixedCurrentUser("u", city, Roles.SecrecyOfficer));
            return (await units.ListAsync(null, 1, 50)).Items.Select(u => u.Code).ToList();
        });

        Assert.Equal(["P-C", "P-C-1"], visible);
    }
}
