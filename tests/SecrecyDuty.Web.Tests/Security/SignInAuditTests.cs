using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>Issue 14, the audit trail holds every sign-in and every failed one, without telling an unknown name from a wrong password.</summary>
public sealed class SignInAuditTests
{
    [Fact]
    public async Task Every_sign_in_accepted_or_refused_is_in_the_audit_trail()
    {
        using var app = TestApp.Rent();
        var p = await app.Province().WithUnit("P", "示范省").WithAccount("officer", Roles.SecrecyOfficer, "P").BuildAsync();

        await TestApp.SignInAsync(app.CreateBrowserClient(), "officer");
        await TestApp.SignInAsync(app.CreateBrowserClient(), "officer", "wrong-password-1");
        await TestApp.SignInAsync(app.CreateBrowserClient(), "nobody");

        var entries = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.SignIn || a.Action == AuditAction.SignInFailed)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.UserName, a.UnitId, a.EntityType, a.Changes })
            .ToListAsync());

        Assert.Equal(
            [(AuditAction.SignIn, "officer", (int?)p.Unit("P")), (AuditAction.SignInFailed, "officer", p.Unit("P")), (AuditAction.SignInFailed, "nobody", null)],
            entries.Select(e => (e.Action, e.UserName, e.UnitId)));
        Assert.All(entries, e => Assert.Equal(("Account", "[]"), (e.EntityType, e.Changes)));
    }
}
