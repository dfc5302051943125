using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Tests.Compliance;

/// <summary>The stored judgements are paged by <see cref="TreeKey"/>: ordering by it must be the unit tree's order.</summary>
public sealed class TreeKeyTests
{
    private static readonly (string Code, string? Parent)[] Tree =
    [
        ("P", null), ("P-B", "P"), ("P-A", "P"), ("P-A-1", "P-A"), ("P-AB", "P"), ("P-A-10", "P-A"), ("P-A-2", "P-A"),
        ("P-A-1-x", "P-A-1"), ("P_C", "P"), ("P-a", "P"), ("P-9", "P"), ("P-A-1-X", "P-A-1"), ("Q", null), ("P-", "P"),
    ];

    private static List<string> Path(string code)
    {
        var parents = Tree.ToDictionary(u => u.Code, u => u.Parent);
        var path = new List<string>();
        for (string? at = code; at is not null; at = parents[at])
        {
            path.Insert(0, at);
        }

        return path;
    }

    [Fact]
    public void Ordering_by_the_key_gives_the_trees_order_depth_first_with_siblings_by_code()
    {
        var rows = Tree.Select((u, i) => new UnitTreeRow(i + 1, u.Parent is null ? null : Array.FindIndex(Tree, t => t.Code == u.Parent) + 1, u.Code, u.Code, UnitKind.PartyOrgan, AdministrativeLevel.Provincial, true)).ToList();
        var expected = new List<string>();
        void Walk(IEnumerable<UnitTreeNode> nodes)
        {
            foreach (var node in nodes)
            {
                expected.Add(node.Code);
                Walk(node.Children);
            }
        }

        Walk(UnitTree.Build(rows));

        var byKey = Tree.Select(u => u.Code).OrderBy(c => TreeKey.Of(Path(c)), StringComparer.Ordinal).ToList();

        Assert.Equal(expected, byKey);
        Assert.Equal(["P", "P-", "P-9", "P-A", "P-A-1", "P-A-1-X", "P-A-1-x", "P-A-10", "P-A-2", "P-AB", "P-B", "P-a", "P_C", "Q"], byKey);
    }

    [Fact]
    public void A_key_is_digits_only_so_that_every_collation_orders_it_alike()
    {
        Assert.All(Tree, u => Assert.Matches("^[0-9]+$", TreeKey.Of(Path(u.Code))));
        Assert.Equal("3600" + "36102100", TreeKey.Of(["P", "P-A"]));
    }

    [Fact]
    public void A_unit_comes_before_the_units_below_it_and_after_a_sibling_whose_code_begins_its_own()
    {
        var unit = TreeKey.Of(["P", "P-A"]);
        var below = TreeKey.Of(["P", "P-A", "P-A-1"]);
        var longerSibling = TreeKey.Of(["P", "P-AB"]);

        Assert.True(string.CompareOrdinal(unit, below) < 0);
        Assert.True(string.CompareOrdinal(below, longerSibling) < 0);
        Assert.StartsWith(unit, below, StringComparison.Ordinal);
        Assert.False(longerSibling.StartsWith(unit, StringComparison.Ordinal));
    }

    [Fact]
    public void The_keys_of_a_unit_and_of_the_units_below_it_and_only_those_lie_in_its_range()
    {
        var key = TreeKey.Of(Path("P-A"));
        var below = new[] { "P-A", "P-A-1", "P-A-10", "P-A-2", "P-A-1-x", "P-A-1-X" };

        Assert.All(Tree, u => Assert.Equal(
            below.Contains(u.Code),
            string.CompareOrdinal(TreeKey.Of(Path(u.Code)), key) >= 0 && string.CompareOrdinal(TreeKey.Of(Path(u.Code)), TreeKey.UpperBound(key)) < 0));
    }

    [Fact]
    public void A_code_outside_the_allowed_characters_sorts_after_them_and_a_very_deep_key_is_cut_to_the_column()
    {
        Assert.True(string.CompareOrdinal(TreeKey.Of(["P", "P-z"]), TreeKey.Of(["P", "P-甲"])) < 0);
        Assert.Equal(TreeKey.MaxLength, TreeKey.Of(Enumerable.Repeat(new string('A', 32), 20)).Length);
    }
}
