namespace SecrecyDuty.Core.Units;

/// <summary>
/// Closure-table row: <see cref="AncestorId"/> is <see cref="DescendantId"/> itself (depth 0) or one of
/// its ancestors. Jurisdiction over "a unit and all units below it" becomes one indexed join on every
/// provider, instead of a recursive query (docs/decisions/0003-unit-tree-closure-table.md).
/// </summary>
public class UnitAncestry
{
    public int AncestorId { get; set; }

    public Unit? Ancestor { get; set; }

    public int DescendantId { get; set; }

    public Unit? Descendant { get; set; }

    public int Depth { get; set; }
}
