using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Admin;

public sealed class AuditTrailPageTests
{
    private static async Task RenameAsync(TestApp app, int unitId, string name) =>
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(u => u.Id == unitId)).Name = name;
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task An_administrator_reads_the_trail_filtered_by_record_type_and_action()
    {
        using var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("ROOT", "省保密局")
            .WithUnit("QS", "青山市", parent: "ROOT")
            .BuildAsync();
        var root = built.Unit("ROOT");
        var city = built.Unit("QS");
        await RenameAsync(app, city, "青山市委");
        var client = await app.SignedInAsAsync("admin", Roles.Administrator, root);

        var page = await TestApp.GetDocumentAsync(client, "/Admin/Audit?EntityType=Unit&Action=Update");

        var rows = page.QuerySelectorAll("#audit-table tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("青山市 → 青山市委", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("修改", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trail_is_limited_to_the_administrators_jurisdiction()
    {
        using var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("ROOT", "Province")
            .WithUnit("C1", "City", parent: "ROOT")
            .WithUnit("C2", "Other city", parent: "ROOT")
            .BuildAsync();
        var city = built.Unit("C1");
        var other = built.Unit("C2");
        await RenameAsync(app, other, "Other city renamed");
        var cityAdmin = new FixedCurrentUser("a", city, Roles.Administrator);

        var entries = await app.InScopeAsync(sp => TestApp.ServiceFor<AuditService>(sp, cityAdmin).ListAsync(new AuditFilter(), 1, 100));

        Assert.All(entries.Items, e => Assert.Equal(city.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EntityId));
    }

    [Fact]
    public async Task Only_administrators_read_the_trail()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("ROOT", "Province").BuildAsync()).Unit("ROOT");
        var officer = new FixedCurrentUser("o", root, Roles.SecrecyOfficer);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.InScopeAsync(sp => TestApp.ServiceFor<AuditService>(sp, officer).ListAsync(new AuditFilter(), 1, 10)));

        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, root);
        var response = await client.GetAsync("/Admin/Audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_filter_includes_the_whole_last_day()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("ROOT", "Province").BuildAsync()).Unit("ROOT");
        var admin = new FixedCurrentUser("a", root, Roles.Administrator);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        var (onDay, dayBefore) = await app.InScopeAsync(async sp =>
        {
            var audit = TestApp.ServiceFor<AuditService>(sp, admin);
            return ((await audit.ListAsync(new AuditFilter { From = today, To = today }, 1, 10)).TotalCount,
                    (await audit.ListAsync(new AuditFilter { To = today.AddDays(-1) }, 1, 10)).TotalCount);
        });

        Assert.Equal(1, onDay);
        Assert.Equal(0, dayBefore);
    }
}
