using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, finding 7: an unknown user name was answered without hashing the password, ten times faster than a known
/// one. Proven by behaviour, not by timing: both verify one password hash and get the same answer.
/// </summary>
public sealed class SignInEnumerationTests
{
    [Fact]
    public async Task An_unknown_user_name_verifies_a_password_hash_as_a_known_one_does_and_gets_the_same_answer()
    {
        var hasher = new CountingPasswordHasher();
        using var app = TestApp.StartOwn(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        await app.Province().WithUnit("U1", "Unit").WithAccount("leader", Roles.UnitLeader, "U1").BuildAsync();
        var client = app.CreateBrowserClient();

        var before = hasher.Verifications;
        var unknown = await TestApp.SignInAsync(client, "nobody", "Wrong-Password-2026");
        var afterUnknown = hasher.Verifications;
        var known = await TestApp.SignInAsync(client, "leader", "Wrong-Password-2026");
        var afterKnown = hasher.Verifications;

        Assert.Equal(1, afterUnknown - before);
        Assert.Equal(1, afterKnown - afterUnknown);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, known.StatusCode));
        var unknownPage = await TestApp.ParseAsync(unknown);
        var knownPage = await TestApp.ParseAsync(known);
        Assert.Equal("用户名或密码不正确，或账户因多次登录失败已被暂时锁定。", unknownPage.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal(unknownPage.QuerySelector("[role=alert]")!.TextContent, knownPage.QuerySelector("[role=alert]")!.TextContent);
    }

    private sealed class CountingPasswordHasher : PasswordHasher<AppUser>
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
