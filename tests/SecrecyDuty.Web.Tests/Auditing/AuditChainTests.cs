using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Auditing;

/// <summary>
/// Issue 14, tamper-evident audit: entries written by the app are sealed into a hash chain; a raw SQL change to a sealed
/// entry, its deletion or two entries swapped are found at the first entry touched, by the service and the admin page.
/// </summary>
public sealed class AuditChainTests
{
    private static async Task<List<long>> SealedAsync(TestApp app)
    {
        await app.Province()
            .WithUnit("P", "示范省").WithUnit("A", "甲", parent: "P").WithUnit("B", "乙", parent: "P").WithUnit("C", "丙", parent: "P")
            .WithAccount("admin", Roles.Administrator, "P").WithAccount("officer", Roles.SecrecyOfficer, "P")
            .BuildAsync();
        return await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.AuditEntries.AddRange(Enumerable.Range(1, 4).Select(i => new AuditEntry
            {
                AtUtc = new DateTime(2026, 11, 27, 1, 0, i, DateTimeKind.Utc),
                UserName = "officer",
                Action = AuditAction.Update,
                EntityType = "Unit",
                EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Changes = $"[{{\"field\":\"Name\",\"old\":\"旧{i}\",\"new\":\"新{i}\"}}]",
            }));
            await db.SaveChangesAsync();
            await sp.GetRequiredService<AuditChainService>().SealAsync();
            return await db.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync();
        });
    }

    private static Task<AuditVerification> VerifyAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AuditChainService>().VerifyAsync());

    private static Task<int> SqlAsync(TestApp app, string sql, params object[] parameters) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(sql, parameters));

    [Fact]
    public async Task Every_entry_is_sealed_once_in_order_and_the_chain_holds()
    {
        using var app = TestApp.Rent();
        var ids = await SealedAsync(app);

        var result = await VerifyAsync(app);

        Assert.True(result.Intact);
        Assert.Equal((ids.Count, 0), (result.Checked, result.Unsealed));
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<AuditChainService>().SealAsync()));
    }

    [Fact]
    public async Task A_sealed_entry_changed_in_the_database_breaks_the_chain_at_that_entry()
    {
        using var app = TestApp.Rent();
        var ids = await SealedAsync(app);
        var target = ids[^2];

        await SqlAsync(app, "UPDATE AuditEntries SET UserName = 'someone' WHERE Id = {0}", target);
        var result = await VerifyAsync(app);

        Assert.Equal((target, AuditBreakKind.HashMismatch), (result.FirstBreak!.Id, result.FirstBreak.Kind));
        Assert.Equal(ids.Count - 2, result.Checked);
    }

    [Fact]
    public async Task A_deleted_entry_is_found_as_a_gap()
    {
        using var app = TestApp.Rent();
        var ids = await SealedAsync(app);

        await SqlAsync(app, "DELETE FROM AuditEntries WHERE Id = {0}", ids[^3]);
        var result = await VerifyAsync(app);

        Assert.Equal((ids[^2], AuditBreakKind.Gap), (result.FirstBreak!.Id, result.FirstBreak.Kind));
    }

    [Fact]
    public async Task Two_entries_whose_places_are_swapped_break_the_chain()
    {
        using var app = TestApp.Rent();
        var ids = await SealedAsync(app);
        var (first, second) = (ids[^3], ids[^2]);

        var places = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries
            .Where(a => a.Id == first || a.Id == second).ToDictionaryAsync(a => a.Id, a => a.Sequence!.Value));

        await SqlAsync(app, "UPDATE AuditEntries SET Sequence = -1 WHERE Id = {0}", first);
        await SqlAsync(app, "UPDATE AuditEntries SET Sequence = {0} WHERE Id = {1}", places[first], second);
        await SqlAsync(app, "UPDATE AuditEntries SET Sequence = {0} WHERE Id = {1}", places[second], first);
        var result = await VerifyAsync(app);

        Assert.Equal(AuditBreakKind.HashMismatch, result.FirstBreak!.Kind);
    }

    [Fact]
    public async Task The_administrators_page_says_where_the_chain_breaks_and_others_are_refused()
    {
        using var app = TestApp.Rent();
        var ids = await SealedAsync(app);
        var admin = await app.SignedInAsync("admin");

        var intact = await TestApp.GetDocumentAsync(admin, "/Admin/Audit/Verify");
        Assert.StartsWith("审计日志完好", intact.QuerySelector("#audit-verdict")!.TextContent.Trim(), StringComparison.Ordinal);

        await SqlAsync(app, "UPDATE AuditEntries SET Changes = '[]' WHERE Id = {0}", ids[^1]);
        var broken = await TestApp.GetDocumentAsync(admin, "/Admin/Audit/Verify");
        Assert.Contains($"（记录 {ids[^1]}）处断开", broken.QuerySelector("#audit-verdict")!.TextContent, StringComparison.Ordinal);

        var officer = await app.SignedInAsync("officer");
        var refused = await officer.GetAsync("/Admin/Audit/Verify");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
