using Microsoft.EntityFrameworkCore;

namespace SecrecyDuty.Core.Common;

/// <summary>How services save an edit under optimistic concurrency (docs/decisions/0020-optimistic-concurrency.md).</summary>
public static class VersionedSaves
{
    /// <summary>
    /// Saves the pending changes only over the version the editor saw: the update of <paramref name="record"/> says
    /// "where the version is still <paramref name="seen"/>" and raises it, even when only rows below it changed (an
    /// activity's attendance); a removal of it says the same. False when someone else saved the record between the
    /// service's read and this save: nothing is saved then, and the change tracker is cleared so that the conflict is
    /// read from the database.
    /// </summary>
    public static async Task<bool> TrySaveOverAsync(this ISecrecyDutyDb db, IVersioned record, int seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        db.ExpectVersion(record, seen);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Saves a record the form was opened on as not existing yet (<see cref="Versions.None"/>). False when someone else
    /// created it in the meantime and its unique key refused this one: nothing is saved then, and the change tracker is
    /// cleared. Any other refusal is thrown as before.
    /// </summary>
    public static async Task<bool> TrySaveNewAsync(this ISecrecyDutyDb db, Func<CancellationToken, Task<bool>> existsNow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(existsNow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await existsNow(cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>A conflict over the stored <paramref name="stamp"/>, naming the account that saved it by its display name when it has one.</summary>
    public static async Task<EditConflict> ConflictAsync(this ISecrecyDutyDb db, VersionStamp stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stamp);
        var name = stamp.SavedBy is { Length: > 0 } by
            ? await db.Users.AsNoTracking().Where(u => u.UserName == by).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new EditConflict(stamp, string.IsNullOrWhiteSpace(name) ? null : name);
    }
}
