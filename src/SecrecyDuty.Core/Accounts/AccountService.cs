using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Accounts;

/// <summary>Accounts are created by administrators within their jurisdiction; there is no self-registration.</summary>
public sealed class AccountService(
    ISecrecyDutyDb db,
    UserManager<AppUser> users,
    ICurrentUser currentUser,
    Jurisdiction jurisdiction,
    IValidator<CreateAccountInput> validator,
    IValidator<ResetPasswordInput> resetValidator,
    UnitLookupService units,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public async Task<PagedList<AccountListItem>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        AccountAccess.RequireAccountManager(currentUser);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var visible = jurisdiction.UnitIds();
        var query = db.Users.AsNoTracking().Where(u => visible.Contains(u.UnitId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await query
            .OrderBy(u => u.UserName)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, UnitName = u.Unit!.Name, u.LockoutEnd, u.DeactivatedAtUtc })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await RolesOfAsync(ids, cancellationToken);
        var items = rows
            .Select(r => new AccountListItem(
                r.Id,
                r.UserName ?? "",
                r.DisplayName,
                r.UnitName,
                roles.TryGetValue(r.Id, out var rs) ? rs : [],
                r.LockoutEnd is { } end && end > now,
                r.DeactivatedAtUtc is not null))
            .ToList();
        return new PagedList<AccountListItem>(items, page, pageSize, total);
    }

    /// <summary>
    /// The unit the new account's form has chosen, to show in its picker; null for none (the picker's 0) or outside the
    /// jurisdiction. Whether the account may belong to it is <see cref="CreateAsync"/>'s to say.
    /// </summary>
    public async Task<UnitLookupItem?> UnitChoiceAsync(int unitId, CancellationToken cancellationToken = default)
    {
        AccountAccess.RequireAccountManager(currentUser);
        return unitId > 0 ? await units.FindAsync(unitId, UnitLookupScope.Jurisdiction, cancellationToken) : null;
    }

    /// <summary>An account in an active unit of the administrator's jurisdiction; the value is its id.</summary>
    public async Task<Result<string>> CreateAsync(CreateAccountInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        AccountAccess.RequireAccountManager(currentUser);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<string>.Failure(validation);
        }

        if (!await jurisdiction.IncludesUnitAsync(input.UnitId, cancellationToken))
        {
            return Result<string>.Failure(new FieldError(nameof(input.UnitId), l["Choose a unit within your jurisdiction."]));
        }

        // The picker offers active units only; a deactivated unit posted anyway is refused here.
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId && u.IsActive, cancellationToken))
        {
            return Result<string>.Failure(new FieldError(nameof(input.UnitId), l["Choose an active unit within your jurisdiction."]));
        }

        int? leaderId = null;
        if (!string.IsNullOrWhiteSpace(input.LeaderStaffNumber))
        {
            // The leader's record must be kept by the account's own unit: a unit leader acts within it.
            var staffNumber = input.LeaderStaffNumber.Trim();
            leaderId = await db.Leaders.AsNoTracking()
                .Where(x => x.StaffNumber == staffNumber && x.UnitId == input.UnitId && x.IsActive)
                .Select(x => (int?)x.Id)
                .SingleOrDefaultAsync(cancellationToken);
            if (leaderId is null)
            {
                return Result<string>.Failure(new FieldError(nameof(input.LeaderStaffNumber), l["No active leader with this staff number is kept by the chosen unit."]));
            }
        }

        return await CreateUserAsync(input, cancellationToken, leaderId);
    }

    /// <summary>
    /// The create-admin command: the first administrator, at the root unit (created when missing).
    /// Refused once an administrator exists, so the command cannot be used to take over a running system.
    /// </summary>
    public async Task<Result<string>> CreateFirstAdministratorAsync(CreateAccountInput input, string rootUnitCode, string rootUnitName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (administrators.Count > 0)
        {
            return Result<string>.Failure(new FieldError("", l["An administrator exists already: further accounts are created by an administrator in the application."]));
        }

        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == rootUnitCode, cancellationToken);
        if (unit is null)
        {
            if (string.IsNullOrWhiteSpace(rootUnitCode) || string.IsNullOrWhiteSpace(rootUnitName))
            {
                return Result<string>.Failure(new FieldError("unit", l["Give the root unit's code and name."]));
            }

            unit = new Unit { Code = rootUnitCode.Trim(), Name = rootUnitName.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            await UnitTree.AddAsync(db, unit, parentId: null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        input.UnitId = unit.Id;
        input.Role = Roles.Administrator;
        var validation = await validator.ValidateAsync(input, cancellationToken);
        return validation.IsValid ? await CreateUserAsync(input, cancellationToken) : Result<string>.Failure(validation);
    }

    private async Task<Result<string>> CreateUserAsync(CreateAccountInput input, CancellationToken cancellationToken, int? leaderId = null)
    {
        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            UnitId = input.UnitId,
            LeaderId = leaderId,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        // Identity saves the user and the role link separately: one transaction keeps them together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return Result<string>.Failure([.. created.Errors.Select(e => new FieldError(FieldOf(e), e.Description))]);
        }

        var inRole = await users.AddToRoleAsync(user, input.Role);
        if (!inRole.Succeeded)
        {
            return Result<string>.Failure([.. inRole.Errors.Select(e => new FieldError(nameof(input.Role), e.Description))]);
        }

        // Issue 14, finding 8: the account's creation is in the trail, with what it was given (never the password).
        AccountAudit.Add(db, currentUser, user, AuditAction.Create, user.CreatedAtUtc,
        [
            new("UserName", null, user.UserName),
            new("DisplayName", null, user.DisplayName),
            new("UnitId", null, user.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Role", null, input.Role),
            .. leaderId is { } leader ? [new AuditChange("LeaderId", null, leader.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<AuditChange>(),
        ]);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<string>.Success(user.Id);
    }

    /// <summary>An account within the administrator's jurisdiction; null outside it, as for an unknown id.</summary>
    public async Task<AccountDetails?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        AccountAccess.RequireAccountManager(currentUser);
        var visible = jurisdiction.UnitIds();
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && visible.Contains(u.UnitId))
            .Select(u => new { u.Id, u.UserName, u.DisplayName, UnitName = u.Unit!.Name, u.LockoutEnd, u.DeactivatedAtUtc, u.TwoFactorEnabled, u.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var roles = await RolesOfAsync([row.Id], cancellationToken);
        return new AccountDetails(
            row.Id,
            row.UserName ?? "",
            row.DisplayName,
            row.UnitName,
            roles.TryGetValue(row.Id, out var rs) ? (rs.Count > 0 ? rs[0] : "") : "",
            row.LockoutEnd is { } end && end > clock.GetUtcNow(),
            row.DeactivatedAtUtc is not null,
            row.TwoFactorEnabled,
            row.Id == currentUser.UserId,
            row.Version);
    }

    /// <summary>
    /// Sets a new password for another account (the person forgot theirs). Its sessions end on their next request: the
    /// security stamp changes (issue 14, finding 2). One's own password is changed on one's own page, with the old one.
    /// </summary>
    /// <remarks>
    /// Each action on an account is taken on the account as the page showed it, at <paramref name="version"/>: one changed
    /// since (another administrator's action, the person's own new password) is shown first (docs/decisions/0020).
    /// </remarks>
    public async Task<Result?> ResetPasswordAsync(string id, int version, ResetPasswordInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = await FindForChangeAsync(id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        if (!Versions.Allows(account.Version, version))
        {
            return await ConflictAsync(id, yourRole: null, cancellationToken);
        }

        if (account.Id == currentUser.UserId)
        {
            return Result.Failure(new FieldError("", l["Change your own password on your account's page, with your current password."]));
        }

        var validation = await resetValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        return await SaveWithAuditAsync(account, version, AuditAction.Update, [new("Password", null, "reset")], async () =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var reset = await users.ResetPasswordAsync(account, token, input.NewPassword);
            return reset.Succeeded ? null
                : reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? ConcurrencyFailure
                : Result.Failure([.. reset.Errors.Select(e => new FieldError(nameof(ResetPasswordInput.NewPassword), e.Description))]);
        }, cancellationToken);
    }

    /// <summary>The account can no longer sign in and its sessions end on their next request.</summary>
    public async Task<Result?> DeactivateAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        var account = await FindForChangeAsync(id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        if (!Versions.Allows(account.Version, version))
        {
            return await ConflictAsync(id, yourRole: null, cancellationToken);
        }

        if (account.Id == currentUser.UserId)
        {
            return Result.Failure(new FieldError("", l["You cannot deactivate your own account."]));
        }

        if (account.IsDeactivated)
        {
            return Result.Success();
        }

        return await SaveWithAuditAsync(account, version, AuditAction.Deactivate, [new("Active", "true", "false")], async () =>
        {
            account.DeactivatedAtUtc = clock.GetUtcNow().UtcDateTime;
            return await ResultOfAsync(users.UpdateSecurityStampAsync(account));
        }, cancellationToken);
    }

    public async Task<Result?> ReactivateAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        var account = await FindForChangeAsync(id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        if (!Versions.Allows(account.Version, version))
        {
            return await ConflictAsync(id, yourRole: null, cancellationToken);
        }

        if (!account.IsDeactivated)
        {
            return Result.Success();
        }

        return await SaveWithAuditAsync(account, version, AuditAction.Reactivate, [new("Active", "false", "true")], async () =>
        {
            account.DeactivatedAtUtc = null;
            return await ResultOfAsync(users.UpdateAsync(account));
        }, cancellationToken);
    }

    /// <summary>Ends a lockout after repeated failed sign-ins and clears the count of failures.</summary>
    public async Task<Result?> UnlockAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        var account = await FindForChangeAsync(id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        if (!Versions.Allows(account.Version, version))
        {
            return await ConflictAsync(id, yourRole: null, cancellationToken);
        }

        return await SaveWithAuditAsync(account, version, AuditAction.Update, [new("LockedOut", "true", "false")], async () =>
        {
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
            return await ResultOfAsync(users.UpdateAsync(account));
        }, cancellationToken);
    }

    /// <summary>
    /// For a person who lost both the phone and the recovery codes: the authenticator key and the recovery codes stop
    /// working and two-factor sign-in is off until the person enrols again (at the next sign-in, where the role requires
    /// it). The account's sessions end.
    /// </summary>
    public async Task<Result?> ResetTwoFactorAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        var account = await FindForChangeAsync(id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        if (!Versions.Allows(account.Version, version))
        {
            return await ConflictAsync(id, yourRole: null, cancellationToken);
        }

        if (account.Id == currentUser.UserId)
        {
            return Result.Failure(new FieldError("", l["Manage your own two-factor sign-in on your account's page."]));
        }

        return await SaveWithAuditAsync(account, version, AuditAction.Update, [new("TwoFactor", account.TwoFactorEnabled ? "on" : "off", "reset")], async () =>
        {
            var disabled = await ResultOfAsync(users.SetTwoFactorEnabledAsync(account, false));
            if (disabled is not null)
            {
                return disabled;
            }

            await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 0);
            return await ResultOfAsync(users.ResetAuthenticatorKeyAsync(account));
        }, cancellationToken);
    }

    /// <summary>
    /// Gives the account another role. Its sessions end on their next request (the security stamp changes), so the
    /// person signs in again with the new role's rights; nobody keeps a removed right until the cookie expires.
    /// </summary>
    public async Task<Result?> ChangeRoleAsync(string id, int version, ChangeRoleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = await FindForChangeAsync(id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        if (!Versions.Allows(account.Version, version))
        {
            return await ConflictAsync(id, input.Role, cancellationToken);
        }

        if (!Roles.IsKnown(input.Role))
        {
            return Result.Failure(new FieldError(nameof(input.Role), l["Choose a role."]));
        }

        if (account.Id == currentUser.UserId)
        {
            return Result.Failure(new FieldError(nameof(input.Role), l["You cannot change your own role."]));
        }

        if (input.Role == Roles.UnitLeader && account.LeaderId is null)
        {
            return Result.Failure(new FieldError(nameof(input.Role), l["A unit leader's account needs the staff number of the leader's record."]));
        }

        var current = await users.GetRolesAsync(account);
        if (current.Count == 1 && current[0] == input.Role)
        {
            return Result.Success();
        }

        return await SaveWithAuditAsync(account, version, AuditAction.Update, [new("Role", string.Join(",", current), input.Role)], async () =>
        {
            var removed = await users.RemoveFromRolesAsync(account, current);
            if (!removed.Succeeded)
            {
                return await ResultOfAsync(Task.FromResult(removed));
            }

            var added = await users.AddToRoleAsync(account, input.Role);
            return added.Succeeded ? await ResultOfAsync(users.UpdateSecurityStampAsync(account)) : await ResultOfAsync(Task.FromResult(added));
        }, cancellationToken);
    }

    private async Task<AppUser?> FindForChangeAsync(string id, CancellationToken cancellationToken)
    {
        AccountAccess.RequireAccountManager(currentUser);
        var visible = jurisdiction.UnitIds();
        return await db.Users.Where(u => u.Id == id && visible.Contains(u.UnitId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Runs Identity's change (which saves by itself) and the audit entry in one transaction: both or neither.
    /// <paramref name="change"/> returns null when it succeeded, else the errors to show. Identity's first save of the
    /// account says "where the version is still <paramref name="version"/>" and raises it (the role lives in another table,
    /// so the account's own row carries the change); a save that finds the account changed since, Identity reports as a
    /// concurrency failure, which is the conflict.
    /// </summary>
    private async Task<Result> SaveWithAuditAsync(AppUser account, int version, AuditAction action, AuditChange[] changes, Func<Task<Result?>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ExpectVersion(account, version);
        var failed = await change();
        if (failed is not null)
        {
            if (ReferenceEquals(failed, ConcurrencyFailure))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await ConflictAsync(account.Id, yourRole: null, cancellationToken);
            }

            return failed;
        }

        AccountAudit.Add(db, currentUser, account, action, clock.GetUtcNow().UtcDateTime, changes);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }

    private static async Task<Result?> ResultOfAsync(Task<IdentityResult> change)
    {
        var result = await change;
        return result.Succeeded ? null
            : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? ConcurrencyFailure
            : Result.Failure([.. result.Errors.Select(e => new FieldError("", e.Description))]);
    }

    /// <summary>Identity's answer when the account's row changed after it was read: turned into the conflict.</summary>
    private static readonly Result ConcurrencyFailure = Result.Failure(new FieldError("", nameof(IdentityErrorDescriber.ConcurrencyFailure)));

    /// <summary>The account as stored now: its status, role and two-factor sign-in, and the role the administrator chose.</summary>
    private async Task<Result> ConflictAsync(string id, string? yourRole, CancellationToken cancellationToken)
    {
        var stored = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.LockoutEnd, u.DeactivatedAtUtc, u.TwoFactorEnabled, Stamp = new VersionStamp(u.Version, u.SavedAtUtc, u.SavedBy) })
            .SingleAsync(cancellationToken);
        var conflict = await db.ConflictAsync(stored.Stamp, cancellationToken);
        var roles = await RolesOfAsync([id], cancellationToken);
        var role = roles.TryGetValue(id, out var rs) && rs.Count > 0 ? new RoleName(rs[0]) : null;
        var status = stored.DeactivatedAtUtc is not null ? l["Deactivated"]
            : stored.LockoutEnd is { } end && end > clock.GetUtcNow() ? l["Locked out"]
            : l["Active"];
        conflict.Stored(l["Status"], status);
        _ = yourRole is null ? conflict.Stored(l["Role"], role) : conflict.Field(l["Role"], role, new RoleName(yourRole));
        return Result.Failure(conflict.Stored(l["Two-factor sign-in"], stored.TwoFactorEnabled ? l["On"] : l["Off"]));
    }

    private static string FieldOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(CreateAccountInput.Password)
        : error.Code.Contains("Email", StringComparison.Ordinal) ? nameof(CreateAccountInput.Email)
        : nameof(CreateAccountInput.UserName);

    private async Task<Dictionary<string, IReadOnlyList<string>>> RolesOfAsync(List<string> userIds, CancellationToken cancellationToken)
    {
        var links = await db.UserRoles.AsNoTracking()
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return links.GroupBy(x => x.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Name ?? "").Order(StringComparer.Ordinal)]);
    }
}
