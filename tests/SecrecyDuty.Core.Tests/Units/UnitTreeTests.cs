using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Tests.Units;

public sealed class UnitTreeTests
{
    private static UnitTreeRow Row(int id, int? parentId, string code, bool active = true) =>
        new(id, parentId, code, "Unit " + code, UnitKind.StateOrgan, AdministrativeLevel.County, active);

    [Fact]
    public void Units_nest_under_their_parents_with_siblings_in_code_order()
    {
        var roots = UnitTree.Build([Row(1, null, "P"), Row(3, 1, "P-B"), Row(2, 1, "P-A"), Row(4, 2, "P-A-1")]);

        var root = Assert.Single(roots);
        Assert.Equal(["P-A", "P-B"], root.Children.Select(c => c.Code));
        Assert.Equal("P-A-1", Assert.Single(root.Children[0].Children).Code);
        Assert.Empty(root.Children[1].Children);
    }

    [Fact]
    public void A_unit_whose_parent_lies_outside_the_jurisdiction_is_a_root()
    {
        // A city officer's jurisdiction: the city (its parent, the province, is not visible) and a county.
        var roots = UnitTree.Build([Row(5, 1, "P-QS"), Row(6, 5, "P-QS-1")]);

        var city = Assert.Single(roots);
        Assert.Equal(5, city.Id);
        Assert.Equal(6, Assert.Single(city.Children).Id);
    }

    [Fact]
    public void An_inactive_unit_stays_in_the_tree_and_is_marked()
    {
        var roots = UnitTree.Build([Row(1, null, "P"), Row(2, 1, "P-OLD", active: false)]);

        Assert.False(Assert.Single(roots[0].Children).IsActive);
    }

    // A tree as parent links: 1 ─┬─ 2 ── 3 ── 4
    //                            └─ 5 ── 6
    private static readonly Dictionary<int, int?> Parents = new() { [1] = null, [2] = 1, [3] = 2, [4] = 3, [5] = 1, [6] = 5 };

    /// <summary>The closure table as it should be for the given parent links: (ancestor, descendant) → depth.</summary>
    private static Dictionary<(int Ancestor, int Descendant), int> ClosureOf(IReadOnlyDictionary<int, int?> parents)
    {
        var closure = new Dictionary<(int, int), int>();
        foreach (var unit in parents.Keys)
        {
            var depth = 0;
            for (int? ancestor = unit; ancestor is int a; ancestor = parents[a], depth++)
            {
                closure[(a, unit)] = depth;
            }
        }

        return closure;
    }

    private static List<TreeDistance> Below(Dictionary<(int Ancestor, int Descendant), int> closure, int unit) =>
        [.. closure.Where(r => r.Key.Ancestor == unit).Select(r => new TreeDistance(r.Key.Descendant, r.Value))];

    private static List<TreeDistance> Above(Dictionary<(int Ancestor, int Descendant), int> closure, int unit, bool includeSelf) =>
        [.. closure.Where(r => r.Key.Descendant == unit && (includeSelf || r.Value > 0)).Select(r => new TreeDistance(r.Key.Ancestor, r.Value))];

    [Theory]
    [InlineData(3, 5)] // a branch to a cousin: leaves 2, joins 5, keeps 1 at a new depth
    [InlineData(3, 1)] // a branch up a level: leaves 2, keeps 1 one level nearer
    [InlineData(5, 4)] // a branch down several levels: joins 2, 3 and 4, keeps 1 further away
    [InlineData(6, 2)] // a leaf
    public void Applying_a_planned_move_gives_the_closure_of_the_new_tree(int unit, int newParent)
    {
        var closure = ClosureOf(Parents);

        var changes = UnitTree.PlanMove(unit, Below(closure, unit), Above(closure, unit, includeSelf: false), Above(closure, newParent, includeSelf: true));
        foreach (var row in changes.Removed)
        {
            Assert.True(closure.Remove((row.AncestorId, row.DescendantId)), $"removes a row that exists: {row.AncestorId}→{row.DescendantId}");
        }

        foreach (var row in changes.Redepthed)
        {
            Assert.True(closure.ContainsKey((row.AncestorId, row.DescendantId)), $"re-depths a row that exists: {row.AncestorId}→{row.DescendantId}");
            closure[(row.AncestorId, row.DescendantId)] = row.Depth;
        }

        foreach (var row in changes.Added)
        {
            Assert.True(closure.TryAdd((row.AncestorId, row.DescendantId), row.Depth), $"adds a row that is new: {row.AncestorId}→{row.DescendantId}");
        }

        var moved = new Dictionary<int, int?>(Parents) { [unit] = newParent };
        Assert.Equal(ClosureOf(moved).OrderBy(r => r.Key), closure.OrderBy(r => r.Key));
    }

    [Fact]
    public void A_move_touches_only_rows_between_the_branch_and_the_ancestors_it_leaves_or_joins()
    {
        var closure = ClosureOf(Parents);

        // 3 (with 4) moves from 2 to 5: rows 2→3 and 2→4 go, 5→3 and 5→4 come, 1→3 and 1→4 keep their depth.
        var changes = UnitTree.PlanMove(3, Below(closure, 3), Above(closure, 3, includeSelf: false), Above(closure, 5, includeSelf: true));

        Assert.Equal([(2, 3), (2, 4)], changes.Removed.Select(r => (r.AncestorId, r.DescendantId)).Order());
        Assert.Equal([(5, 3, 1), (5, 4, 2)], changes.Added.Select(r => (r.AncestorId, r.DescendantId, r.Depth)).Order());
        Assert.Empty(changes.Redepthed);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(2, 4)]
    public void A_move_under_itself_or_its_own_branch_is_refused(int unit, int newParent)
    {
        var closure = ClosureOf(Parents);

        Assert.Throws<InvalidOperationException>(() =>
            UnitTree.PlanMove(unit, Below(closure, unit), Above(closure, unit, includeSelf: false), Above(closure, newParent, includeSelf: true)));
    }
}
