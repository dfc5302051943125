using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecrecyDuty.Core.Auditing;

/// <summary>One sealed entry as the chain sees it: its place, its fields and the hash stored with it.</summary>
public sealed record AuditLink(long Id, long Sequence, string? Hash, DateTime AtUtc, string? UserId, string UserName, AuditAction Action, string EntityType, string EntityId, int? UnitId, string Changes);

/// <summary>Where a chain first fails: the entry's place and id, and why.</summary>
public sealed record AuditBreak(long Sequence, long Id, AuditBreakKind Kind);

public enum AuditBreakKind
{
    /// <summary>The entry's fields, or the one before it, are not what was sealed (altered, or entries swapped).</summary>
    HashMismatch,

    /// <summary>An entry is missing before this one (deleted), or the sequence does not start at 1.</summary>
    Gap,
}

/// <summary>
/// Issue 14, tamper-evident audit: each sealed entry's hash covers the previous entry's hash and every field of its own, so
/// that changing a field, deleting an entry or reordering entries breaks the chain at the first entry touched. Pure.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash of an entry at <paramref name="sequence"/> after <paramref name="previousHash"/> (null for the first).</summary>
    public static string HashOf(string? previousHash, long sequence, AuditLink entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // One field per line, each prefixed by its length, so that no two different entries write the same text.
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
        Field(previousHash);
        Field(sequence.ToString(CultureInfo.InvariantCulture));
        Field(entry.Id.ToString(CultureInfo.InvariantCulture));
        Field(entry.AtUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(entry.UserId);
        Field(entry.UserName);
        Field(entry.Action.ToString());
        Field(entry.EntityType);
        Field(entry.EntityId);
        Field(entry.UnitId?.ToString(CultureInfo.InvariantCulture));
        Field(entry.Changes);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Walks sealed entries in the order of their sequence, starting after <paramref name="previous"/> (the sequence and hash
    /// before the first of them; 0 and null from the start), and returns the first break, or null when every link holds.
    /// </summary>
    public static AuditBreak? FirstBreak(IEnumerable<AuditLink> links, (long Sequence, string? Hash) previous = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var (sequence, hash) = previous;
        foreach (var link in links)
        {
            if (link.Sequence != sequence + 1)
            {
                return new AuditBreak(sequence + 1, link.Id, AuditBreakKind.Gap);
            }

            if (!string.Equals(link.Hash, HashOf(hash, link.Sequence, link), StringComparison.Ordinal))
            {
                return new AuditBreak(link.Sequence, link.Id, AuditBreakKind.HashMismatch);
            }

            (sequence, hash) = (link.Sequence, link.Hash);
        }

        return null;
    }
}
