using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Checklists;

/// <summary>For checklists: the leader the signed-in account belongs to (<c>AppUser.LeaderId</c>): whose checklists are "own".</summary>
internal static class ChecklistLeader
{
    public static async Task<int?> IdAsync(ISecrecyDutyDb db, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsAuthenticated && user.UserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.LeaderId).SingleOrDefaultAsync(cancellationToken)
            : null;
}
