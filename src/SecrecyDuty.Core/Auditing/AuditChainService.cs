using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Auditing;

/// <summary>What a verification found: how many entries were checked, how many are not sealed yet, and the first break.</summary>
public sealed record AuditVerification(long Checked, int Unsealed, long? LastSequence, AuditBreak? FirstBreak)
{
    /// <summary>The audited tables that lost the guard refusing raw SQL writes (<see cref="IDataTableGuard"/>).</summary>
    public IReadOnlyList<string> UnguardedTables { get; init; } = [];

    public bool Intact => FirstBreak is null && UnguardedTables.Count == 0;
}

/// <summary>
/// The database's guard on its audited tables, by which a write that does not go through the app (and so through the trail)
/// is refused: the check reports the tables whose guard was taken off (issue 14, finding 8).
/// </summary>
public interface IDataTableGuard
{
    Task<IReadOnlyList<string>> UnguardedTablesAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The audit trail's hash chain (issue 14, tamper-evident audit). Entries are written by every save as before; a job of its
/// own seals them afterwards, one at a time in the cluster, in the order of their ids: each gets the next place and a hash
/// over the previous hash and its own fields (<see cref="AuditChain"/>). Sealing apart from the writes keeps every save free of
/// a lock on the chain's head; an entry is protected from the job's next run on (a minute).
/// </summary>
public sealed class AuditChainService(ISecrecyDutyDb db, ICurrentUser user, IDataTableGuard guard)
{
    private const int Batch = 1000;

    /// <summary>Seals every entry not sealed yet; returns how many. For the scheduler's job and the commands (no account).</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken = default)
    {
        var head = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Sequence != null)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { Sequence = a.Sequence!.Value, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var (sequence, hash) = head is null ? (0L, (string?)null) : (head.Sequence, head.Hash);
        var sealedCount = 0;
        while (true)
        {
            var entries = await db.AuditEntries.Where(a => a.Sequence == null).OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                return sealedCount;
            }

            foreach (var entry in entries)
            {
                sequence++;
                hash = AuditChain.HashOf(hash, sequence, LinkOf(entry, sequence));
                entry.Sequence = sequence;
                entry.Hash = hash;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            sealedCount += entries.Count;
        }
    }

    /// <summary>Checks the whole chain from its first entry, reading it in pages; administrators only on the page.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        AccessDeniedException.ThrowUnless(!user.IsAuthenticated || user.IsInRole(Accounts.Roles.Administrator));
        var unguarded = await guard.UnguardedTablesAsync(cancellationToken);
        return await ChainAsync(cancellationToken) with { UnguardedTables = unguarded };
    }

    private async Task<AuditVerification> ChainAsync(CancellationToken cancellationToken)
    {
        (long Sequence, string? Hash) previous = (0, null);
        long checkedCount = 0;
        while (true)
        {
            var after = previous.Sequence;
            var links = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence != null && a.Sequence > after)
                .OrderBy(a => a.Sequence)
                .Take(Batch)
                .Select(a => new AuditLink(a.Id, a.Sequence!.Value, a.Hash, a.AtUtc, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.UnitId, a.Changes))
                .ToListAsync(cancellationToken);
            var unsealed = links.Count == 0 ? await db.AuditEntries.CountAsync(a => a.Sequence == null, cancellationToken) : 0;
            if (links.Count == 0)
            {
                return new AuditVerification(checkedCount, unsealed, previous.Sequence == 0 ? null : previous.Sequence, null);
            }

            if (AuditChain.FirstBreak(links, previous) is { } broken)
            {
                return new AuditVerification(checkedCount + (broken.Sequence - after - 1), await db.AuditEntries.CountAsync(a => a.Sequence == null, cancellationToken), broken.Sequence - 1, broken);
            }

            checkedCount += links.Count;
            previous = (links[^1].Sequence, links[^1].Hash);
        }
    }

    private static AuditLink LinkOf(AuditEntry e, long sequence) =>
        new(e.Id, sequence, null, e.AtUtc, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.UnitId, e.Changes);
}
