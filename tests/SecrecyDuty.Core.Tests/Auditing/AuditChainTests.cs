using SecrecyDuty.Core.Auditing;

namespace SecrecyDuty.Core.Tests.Auditing;

/// <summary>Issue 14, tamper-evident audit: the hash chain breaks at the first entry altered, removed or moved.</summary>
public sealed class AuditChainTests
{
    private static List<AuditLink> Chain(int count)
    {
        var links = new List<AuditLink>();
        string? hash = null;
        for (var i = 1; i <= count; i++)
        {
            var link = new AuditLink(100 + i, i, null, new DateTime(2026, 11, 27, 1, 0, i, DateTimeKind.Utc), "u1", "officer", AuditAction.Update, "Unit", i.ToString(System.Globalization.CultureInfo.InvariantCulture), 7, $"[{{\"field\":\"Name\",\"old\":\"甲{i}\",\"new\":\"乙{i}\"}}]");
            hash = AuditChain.HashOf(hash, i, link);
            links.Add(link with { Hash = hash });
        }

        return links;
    }

    [Fact]
    public void An_untouched_chain_holds()
    {
        Assert.Null(AuditChain.FirstBreak(Chain(5)));
    }

    [Fact]
    public void A_changed_field_breaks_the_chain_at_its_entry()
    {
        var links = Chain(5);
        links[2] = links[2] with { Changes = links[2].Changes.Replace("乙3", "丙3", StringComparison.Ordinal) };

        Assert.Equal(new AuditBreak(3, 103, AuditBreakKind.HashMismatch), AuditChain.FirstBreak(links));
    }

    [Theory]
    [InlineData("UserName")]
    [InlineData("AtUtc")]
    [InlineData("UnitId")]
    [InlineData("Action")]
    public void Every_field_is_covered_by_the_hash(string field)
    {
        var links = Chain(3);
        links[1] = field switch
        {
            "UserName" => links[1] with { UserName = "admin" },
            "AtUtc" => links[1] with { AtUtc = links[1].AtUtc.AddSeconds(1) },
            "UnitId" => links[1] with { UnitId = 8 },
            _ => links[1] with { Action = AuditAction.Delete },
        };

        Assert.Equal(2, AuditChain.FirstBreak(links)!.Sequence);
    }

    [Fact]
    public void A_deleted_entry_is_a_gap_where_it_was()
    {
        var links = Chain(5);
        links.RemoveAt(1);

        Assert.Equal(new AuditBreak(2, 103, AuditBreakKind.Gap), AuditChain.FirstBreak(links));
    }

    [Fact]
    public void Deleting_the_first_entries_is_a_gap_at_the_start()
    {
        Assert.Equal(AuditBreakKind.Gap, AuditChain.FirstBreak(Chain(3).Skip(1))!.Kind);
    }

    [Fact]
    public void Two_entries_swapped_with_their_places_renumbered_break_the_chain()
    {
        var links = Chain(5);
        (links[1], links[2]) = (links[2] with { Sequence = 2 }, links[1] with { Sequence = 3 });

        Assert.Equal(new AuditBreak(2, 103, AuditBreakKind.HashMismatch), AuditChain.FirstBreak(links));
    }

    [Fact]
    public void An_entry_rehashed_by_someone_who_knows_the_formula_still_breaks_the_next_link()
    {
        var links = Chain(5);
        var altered = links[1] with { UserName = "admin" };
        links[1] = altered with { Hash = AuditChain.HashOf(links[0].Hash, 2, altered) };

        Assert.Equal(3, AuditChain.FirstBreak(links)!.Sequence);
    }
}
