using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Accounts;

/// <summary>What is the same for every signed-in person's account: its password, its sessions, its two-factor sign-in.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft, string? PendingKey, string UserName);

/// <summary>Every person's own account: the password, the sessions and the authenticator app (issue 14).</summary>
public sealed class OwnAccountService(
    ISecrecyDutyDb db,
    UserManager<AppUser> users,
    ICurrentUser currentUser,
    IValidator<ChangePasswordInput> passwordValidator,
    TwoFactorPolicy policy,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>
    /// Changes one's own password, given the current one. Every other session of the account ends on its next request
    /// (the security stamp changes); the page renews the sign-in of this one.
    /// </summary>
    public async Task<Result> ChangePasswordAsync(ChangePasswordInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = await RequireAccountAsync(cancellationToken);
        var validation = await passwordValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await users.ChangePasswordAsync(account, input.CurrentPassword, input.NewPassword);
        if (!changed.Succeeded)
        {
            return Result.Failure([.. changed.Errors.Select(e => new FieldError(
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(input.CurrentPassword) : nameof(input.NewPassword),
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? l["The current password is not correct."] : e.Description))]);
        }

        await AuditAsync(account, AuditAction.Update, new AuditChange("Password", null, "changed"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// Sign-out: every session of the account ends on the server, not only this browser's cookie (issue 14, finding 1).
    /// A copy of the cookie replayed afterwards carries the old security stamp and is refused.
    /// </summary>
    public async Task EndSessionsAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } id || await users.FindByIdAsync(id) is not { } account)
        {
            return;
        }

        await users.UpdateSecurityStampAsync(account);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public async Task<TwoFactorStatus> TwoFactorStatusAsync(CancellationToken cancellationToken = default)
    {
        var account = await RequireAccountAsync(cancellationToken);
        var enabled = await users.GetTwoFactorEnabledAsync(account);
        return new TwoFactorStatus(
            enabled,
            policy.IsRequiredFor(currentUser),
            enabled ? await users.CountRecoveryCodesAsync(account) : 0,
            enabled ? null : await users.GetAuthenticatorKeyAsync(account),
            account.UserName ?? "");
    }

    /// <summary>A new authenticator key for enrolment (a POST: opening a page never changes data). Not in force until confirmed.</summary>
    public async Task StartEnrolmentAsync(CancellationToken cancellationToken = default)
    {
        var account = await RequireAccountAsync(cancellationToken);
        if (await users.GetTwoFactorEnabledAsync(account))
        {
            return;
        }

        await users.ResetAuthenticatorKeyAsync(account);
    }

    /// <summary>
    /// Confirms enrolment with a code from the app (accepted once, as at sign-in), turns two-factor sign-in on and returns
    /// the recovery codes, shown once.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> ConfirmEnrolmentAsync(string? code, CancellationToken cancellationToken = default)
    {
        var account = await RequireAccountAsync(cancellationToken);
        if (await users.GetAuthenticatorKeyAsync(account) is null)
        {
            return Result<IReadOnlyList<string>>.Failure(new FieldError("Code", l["Set up the authenticator app first."]));
        }

        var valid = !string.IsNullOrWhiteSpace(code)
            && await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            return Result<IReadOnlyList<string>>.Failure(new FieldError("Code", l["The code is not correct. Enter the six digits the app shows now."]));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(account, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount))?.ToList() ?? [];
        await AuditAsync(account, AuditAction.Update, new AuditChange("TwoFactor", "off", "on"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<IReadOnlyList<string>>.Success(codes);
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(CancellationToken cancellationToken = default)
    {
        var account = await RequireAccountAsync(cancellationToken);
        if (!await users.GetTwoFactorEnabledAsync(account))
        {
            return [];
        }

        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount))?.ToList() ?? [];
    }

    /// <summary>Turns two-factor sign-in off, where the account's role does not require it.</summary>
    public async Task<Result> DisableTwoFactorAsync(CancellationToken cancellationToken = default)
    {
        var account = await RequireAccountAsync(cancellationToken);
        if (policy.IsRequiredFor(currentUser))
        {
            return Result.Failure(new FieldError("", l["Your role requires two-factor sign-in: it cannot be turned off."]));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
        await AuditAsync(account, AuditAction.Update, new AuditChange("TwoFactor", "on", "off"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }

    private async Task<AppUser> RequireAccountAsync(CancellationToken cancellationToken)
    {
        AccessDeniedException.ThrowUnless(currentUser.IsAuthenticated && currentUser.UserId is not null);
        return await db.Users.SingleOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken)
            ?? throw new AccessDeniedException();
    }

    private async Task AuditAsync(AppUser account, AuditAction action, AuditChange change, CancellationToken cancellationToken)
    {
        AccountAudit.Add(db, currentUser, account, action, clock.GetUtcNow().UtcDateTime, change);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Who must sign in with an authenticator app: administrators and discipline officials, when the setting
/// <c>Security:TwoFactor:Required</c> is on (its default outside Development). Others may turn it on.
/// </summary>
public sealed class TwoFactorPolicy(bool required)
{
    public static IReadOnlyList<string> RequiredRoles { get; } = [Roles.Administrator, Roles.DisciplineOfficial];

    public bool Required { get; } = required;

    public bool IsRequiredFor(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Required && RequiredRoles.Any(user.IsInRole);
    }
}
