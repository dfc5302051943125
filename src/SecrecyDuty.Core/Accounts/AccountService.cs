using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
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
            .Select(u => new { u.Id, u.UserName, u.DisplayName, UnitName = u.Unit!.Name, u.LockoutEnd })
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
                r.LockoutEnd is { } end && end > now))
            .ToList();
        return new PagedList<AccountListItem>(items, page, pageSize, total);
    }

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

        await transaction.CommitAsync(cancellationToken);
        return Result<string>.Success(user.Id);
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
