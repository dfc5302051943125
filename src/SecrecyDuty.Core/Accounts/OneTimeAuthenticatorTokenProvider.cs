using Microsoft.AspNetCore.Identity;

namespace SecrecyDuty.Core.Accounts;

/// <summary>
/// Identity's authenticator token provider with a code accepted once only: the time step of each accepted code is
/// stored on the account, and a code of that step or an earlier one is refused (RFC 6238 §5.2; ASVS V6.5.1). Two
/// requests racing with one code cannot both pass: the account's concurrency stamp lets only one save succeed.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<AppUser>
{
    public const string Name = "SecrecyDutyAuthenticator";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is null)
        {
            return false;
        }

        var code = new string([.. token.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        var step = Totp.MatchingStep(Totp.FromBase32(key), code, clock.GetUtcNow());
        if (step is null || (user.LastAuthenticatorTimeStep is { } last && step <= last))
        {
            return false;
        }

        user.LastAuthenticatorTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
