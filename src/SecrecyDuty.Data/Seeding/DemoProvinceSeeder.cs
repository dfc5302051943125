using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Data.Seeding;

/// <summary>A demo sign-in printed to the console in Development.</summary>
public sealed record DemoAccount(string UserName, string Role, string UnitName);

/// <summary>
/// A small fictional province (示范省) in three levels with one demo account per role, for the
/// Development environment only. Runs once: it does nothing when any unit exists.
/// </summary>
public sealed class DemoProvinceSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>Shared by every demo account; meets the password policy. Never used outside Development.</summary>
    public const string DemoPassword = "Demo-Password-2026";

    private static readonly (string Code, string Name, string? Parent)[] DemoUnits =
    [
        ("SF", "中共示范省委员会", null),
        ("SF-BMJ", "示范省国家保密局", "SF"),
        ("SF-JYT", "示范省教育厅", "SF"),
        ("SF-CZT", "示范省财政厅", "SF"),
        ("SF-JTTZ", "示范省交通投资集团有限公司", "SF"),
        ("SF-QS", "中共青山市委员会", "SF"),
        ("SF-JYT-KSY", "示范省教育考试院", "SF-JYT"),
        ("SF-QS-JYJ", "青山市教育局", "SF-QS"),
        ("SF-QS-BMJ", "青山市国家保密局", "SF-QS"),
        ("SF-QS-NY", "青山能源集团有限公司", "SF-QS"),
    ];

    private static readonly (string UserName, string DisplayName, string Role, string Unit)[] DemoUsers =
    [
        ("admin", "系统管理员", Roles.Administrator, "SF"),
        ("officer", "李保密（省保密局）", Roles.SecrecyOfficer, "SF"),
        ("qs.officer", "王青（青山市保密局）", Roles.SecrecyOfficer, "SF-QS"),
        ("discipline", "赵纪（省纪委监委）", Roles.DisciplineOfficial, "SF"),
        ("supervisor", "钱督（省委办公厅）", Roles.Supervisor, "SF"),
        ("leader", "张教（省教育厅厅长）", Roles.UnitLeader, "SF-JYT"),
    ];

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Units.AnyAsync(cancellationToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var byCode = new Dictionary<string, Unit>();
            foreach (var (code, name, parent) in DemoUnits)
            {
                var unit = new Unit { Code = code, Name = name, CreatedAtUtc = now };
                int? parentId = parent is null ? null : byCode[parent].Id;
                await UnitTree.AddAsync(db, unit, parentId, cancellationToken);

                // Parents are saved before their children so the closure rows can copy their ancestry.
                await db.SaveChangesAsync(cancellationToken);
                byCode[code] = unit;
            }

            foreach (var (userName, displayName, role, unitCode) in DemoUsers)
            {
                var user = new AppUser
                {
                    UserName = userName,
                    DisplayName = displayName,
                    UnitId = byCode[unitCode].Id,
                    LockoutEnabled = true,
                    CreatedAtUtc = now,
                };
                Check(await users.CreateAsync(user, DemoPassword));
                Check(await users.AddToRoleAsync(user, role));
            }
        }

        var names = DemoUsers.Select(u => u.UserName).ToList();
        var present = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, UnitName = u.Unit!.Name })
            .ToListAsync(cancellationToken);
        return [.. DemoUsers
            .Join(present, d => d.UserName, p => p.UserName, (d, p) => new DemoAccount(d.UserName, d.Role, p.UnitName))];
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
