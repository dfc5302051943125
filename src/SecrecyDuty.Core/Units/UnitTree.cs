using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Units;

/// <summary>A unit and how far it lies from another one in the tree (0: the unit itself).</summary>
public readonly record struct TreeDistance(int UnitId, int Depth);

/// <summary>The closure-table rows a move deletes, re-depths and inserts.</summary>
public sealed record AncestryChanges(
    IReadOnlyList<UnitAncestry> Removed,
    IReadOnlyList<UnitAncestry> Redepthed,
    IReadOnlyList<UnitAncestry> Added);

/// <summary>One unit of a jurisdiction as the tree view reads it, before nesting.</summary>
public sealed record UnitTreeRow(int Id, int? ParentId, string Code, string Name, UnitKind Kind, AdministrativeLevel Level, bool IsActive);

public sealed record UnitTreeNode(
    int Id,
    string Code,
    string Name,
    UnitKind Kind,
    AdministrativeLevel Level,
    bool IsActive,
    IReadOnlyList<UnitTreeNode> Children);

/// <summary>A unit of the tree view, whether units lie below it in jurisdiction, and those of them read so far.</summary>
public sealed record UnitTreeBranch(UnitTreeRow Unit, bool HasChildren, IReadOnlyList<UnitTreeBranch> Children);

/// <summary>Keeps the closure table in step with the parent links.</summary>
public static class UnitTree
{
    /// <summary>
    /// Adds <paramref name="unit"/> under <paramref name="parentId"/> together with its ancestry rows,
    /// referring to the new unit by navigation so that one SaveChanges writes both.
    /// </summary>
    public static async Task AddAsync(ISecrecyDutyDb db, Unit unit, int? parentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        unit.ParentId = parentId;
        db.Units.Add(unit);
        db.UnitAncestries.Add(new UnitAncestry { Ancestor = unit, Descendant = unit, Depth = 0 });
        if (parentId is null)
        {
            return;
        }

        var parentAncestors = await db.UnitAncestries.AsNoTracking()
            .Where(a => a.DescendantId == parentId)
            .Select(a => new { a.AncestorId, a.Depth })
            .ToListAsync(cancellationToken);
        foreach (var ancestor in parentAncestors)
        {
            db.UnitAncestries.Add(new UnitAncestry { AncestorId = ancestor.AncestorId, Descendant = unit, Depth = ancestor.Depth + 1 });
        }
    }

    /// <summary>
    /// Puts the tracked <paramref name="unit"/> under <paramref name="newParentId"/> and stages the closure-table
    /// rewrite for its whole subtree, to be written by the caller's one SaveChanges. Two queries whatever the
    /// size of the subtree: its members, and the ancestors of the unit and of the new parent.
    /// </summary>
    public static async Task MoveAsync(ISecrecyDutyDb db, Unit unit, int newParentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        var subtree = await db.UnitAncestries.AsNoTracking()
            .Where(a => a.AncestorId == unit.Id)
            .Select(a => new TreeDistance(a.DescendantId, a.Depth))
            .ToListAsync(cancellationToken);
        var ancestors = await db.UnitAncestries.AsNoTracking()
            .Where(a => a.DescendantId == unit.Id || a.DescendantId == newParentId)
            .Select(a => new { a.AncestorId, a.DescendantId, a.Depth })
            .ToListAsync(cancellationToken);
        var oldAncestors = ancestors
            .Where(a => a.DescendantId == unit.Id && a.Depth > 0)
            .Select(a => new TreeDistance(a.AncestorId, a.Depth))
            .ToList();
        var newParentAncestors = ancestors
            .Where(a => a.DescendantId == newParentId)
            .Select(a => new TreeDistance(a.AncestorId, a.Depth))
            .ToList();

        var changes = PlanMove(unit.Id, subtree, oldAncestors, newParentAncestors);
        unit.ParentId = newParentId;

        // The rows are known by key: attached as stubs, they are deleted or updated without loading them
        // (or, when this context tracks them already, through the tracked instance).
        foreach (var row in changes.Removed)
        {
            db.UnitAncestries.Remove(Tracked(db, row) ?? row);
        }

        foreach (var row in changes.Redepthed)
        {
            if (Tracked(db, row) is { } tracked)
            {
                tracked.Depth = row.Depth;
            }
            else
            {
                db.UnitAncestries.Attach(row).Property(a => a.Depth).IsModified = true;
            }
        }

        db.UnitAncestries.AddRange(changes.Added);
    }

    private static UnitAncestry? Tracked(ISecrecyDutyDb db, UnitAncestry row) =>
        db.UnitAncestries.Local.FindEntryUntyped([row.AncestorId, row.DescendantId])?.Entity;

    /// <summary>
    /// The closure rows that change when the unit <paramref name="unitId"/> moves under a new parent.
    /// <paramref name="subtree"/>: the unit and every unit below it, with their depth below the unit (the unit at 0).
    /// <paramref name="oldAncestors"/>: the unit's current ancestors (depth ≥ 1), self excluded.
    /// <paramref name="newParentAncestors"/>: the new parent and its ancestors, with their depth above the new parent.
    /// Rows linking the subtree to an ancestor it keeps get their depth corrected; rows to ancestors it leaves
    /// are removed; rows to ancestors it joins are added. Rows inside the subtree do not change.
    /// </summary>
    public static AncestryChanges PlanMove(
        int unitId,
        IReadOnlyCollection<TreeDistance> subtree,
        IReadOnlyCollection<TreeDistance> oldAncestors,
        IReadOnlyCollection<TreeDistance> newParentAncestors)
    {
        ArgumentNullException.ThrowIfNull(subtree);
        ArgumentNullException.ThrowIfNull(oldAncestors);
        ArgumentNullException.ThrowIfNull(newParentAncestors);
        if (newParentAncestors.Any(a => a.UnitId == unitId))
        {
            throw new InvalidOperationException($"Unit {unitId} cannot be moved under itself or a unit below it.");
        }

        // Depth of each new ancestor above the moved unit: one more than above its new parent.
        var newDepthAbove = newParentAncestors.ToDictionary(a => a.UnitId, a => a.Depth + 1);
        var oldDepthAbove = oldAncestors.ToDictionary(a => a.UnitId, a => a.Depth);
        var removed = new List<UnitAncestry>();
        var redepthed = new List<UnitAncestry>();
        var added = new List<UnitAncestry>();
        foreach (var below in subtree)
        {
            foreach (var (ancestorId, oldDepth) in oldDepthAbove)
            {
                if (!newDepthAbove.TryGetValue(ancestorId, out var newDepth))
                {
                    removed.Add(new UnitAncestry { AncestorId = ancestorId, DescendantId = below.UnitId, Depth = oldDepth + below.Depth });
                }
                else if (newDepth != oldDepth)
                {
                    redepthed.Add(new UnitAncestry { AncestorId = ancestorId, DescendantId = below.UnitId, Depth = newDepth + below.Depth });
                }
            }

            foreach (var (ancestorId, newDepth) in newDepthAbove)
            {
                if (!oldDepthAbove.ContainsKey(ancestorId))
                {
                    added.Add(new UnitAncestry { AncestorId = ancestorId, DescendantId = below.UnitId, Depth = newDepth + below.Depth });
                }
            }
        }

        return new AncestryChanges(removed, redepthed, added);
    }

    /// <summary>
    /// Nests the units of a jurisdiction by their parent links. A unit whose parent is not among
    /// <paramref name="rows"/> (the top of the jurisdiction) is a root. Siblings are ordered by code.
    /// </summary>
    public static IReadOnlyList<UnitTreeNode> Build(IEnumerable<UnitTreeRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var ids = all.Select(r => r.Id).ToHashSet();
        var childrenOf = all.Where(r => r.ParentId is int p && ids.Contains(p)).ToLookup(r => r.ParentId!.Value);

        UnitTreeNode Node(UnitTreeRow row) =>
            new(row.Id, row.Code, row.Name, row.Kind, row.Level, row.IsActive, [.. childrenOf[row.Id].Select(Node)]);

        return [.. all.Where(r => r.ParentId is not int p || !ids.Contains(p)).Select(Node)];
    }
}
