using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Common;

/// <summary>
/// The tables services query and change, through EF Core directly (LINQ, projections, change tracking).
/// Not a repository: it only lets Core's services see the Data project's DbContext without a project
/// cycle (docs/decisions/0002-services-use-ef-core.md).
/// </summary>
public interface ISecrecyDutyDb
{
    DbSet<Unit> Units { get; }

    DbSet<UnitAncestry> UnitAncestries { get; }

    DbSet<AppUser> Users { get; }

    DbSet<IdentityRole> Roles { get; }

    DbSet<IdentityUserRole<string>> UserRoles { get; }

    /// <summary>For the rare command that spans Identity's own saves and ours (one transaction).</summary>
    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
