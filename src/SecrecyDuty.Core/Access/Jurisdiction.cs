using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Access;

/// <summary>
/// The units the current account may see. Every service query filters through <see cref="UnitIds"/>,
/// so that a page can never show what the service would not (docs/domain.md "Jurisdiction").
/// </summary>
public sealed class Jurisdiction(ISecrecyDutyDb db, ICurrentUser user)
{
    public JurisdictionScope Scope =>
        user.IsAuthenticated && user.UnitId is not null ? JurisdictionRules.ScopeFor(user.Roles) : JurisdictionScope.None;

    /// <summary>The unit at the top of the jurisdiction (the account's own), or null when the account sees no unit.</summary>
    public int? TopUnitId => Scope == JurisdictionScope.None ? null : user.UnitId;

    /// <summary>A query of the ids of the units in jurisdiction, to compose into other queries (SQL IN / EXISTS).</summary>
    public IQueryable<int> UnitIds()
    {
        var root = user.UnitId ?? 0;
        return Scope switch
        {
            JurisdictionScope.UnitAndDescendants =>
                db.UnitAncestries.Where(a => a.AncestorId == root).Select(a => a.DescendantId),
            JurisdictionScope.OwnUnit => db.Units.Where(u => u.Id == root).Select(u => u.Id),
            _ => db.Units.Where(_ => false).Select(u => u.Id),
        };
    }

    public Task<bool> IncludesUnitAsync(int unitId, CancellationToken cancellationToken = default) =>
        UnitIds().AnyAsync(id => id == unitId, cancellationToken);
}
