using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Compliance;

/// <summary>
/// Keeps the stored judgements (<see cref="UnitYearCompliance"/>) present and fresh (docs/decisions/0022). A year is
/// "covered" once every unit that existed in it has a row; a row is fresh when it was judged for today, or after its year
/// was over. Saves note what they change (<see cref="ComplianceChange"/>, written by the Data project's save path); reads
/// apply the notes, marking the rows stale, before they trust any row, and judge the stale rows they need again,
/// set-based in batches of <see cref="BatchSize"/> units (<see cref="ComplianceComputation"/>); the nightly job does the
/// whole province, so that the day's first request finds little to do. Derived data: any request may write it, nothing
/// of it is audited, and no record's version moves.
/// </summary>
public sealed class ComplianceJudgementService(ISecrecyDutyDb db, TimeProvider clock, ComplianceRefreshGate gate)
{
    /// <summary>Units judged per batch: a handful of grouped queries each, whatever the batch's size.</summary>
    public const int BatchSize = 500;

    /// <summary>Notes of saves applied per transaction.</summary>
    private const int ChangesPerApply = 5_000;

    /// <summary>A batch whose every row was changed again meanwhile is retried this many times, then left for the next read.</summary>
    private const int Attempts = 3;

    /// <summary>The years the dashboard's trends show, the current one last.</summary>
    public static IReadOnlyList<int> TrendYears(DateOnly today) =>
        [.. Enumerable.Range(today.Year - ComplianceService.TrendYears + 1, ComplianceService.TrendYears)];

    /// <summary>
    /// Makes the stored judgements of the units among <paramref name="unitIds"/> for <paramref name="years"/> present and
    /// fresh: the saves' notes applied, a year not covered yet covered for the whole province, then the stale rows of these
    /// units judged again. Returns each year's revision as it stands once they are (<see cref="ComplianceCoverage.Revision"/>).
    /// Three queries when nothing is stale.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, Guid>> EnsureFreshAsync(IQueryable<int> unitIds, IReadOnlyList<int> years, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(years);
        var changed = await ApplyChangesAsync(cancellationToken);
        var revisions = await RevisionsAsync(years, cancellationToken);
        foreach (var year in years.Except(revisions.Keys))
        {
            await CoverAsync(year, cancellationToken);
            changed = true;
        }

        changed |= await JudgeStaleAsync(unitIds, years, cancellationToken) > 0;
        return changed ? await RevisionsAsync(years, cancellationToken) : revisions;
    }

    private async Task<Dictionary<int, Guid>> RevisionsAsync(IReadOnlyList<int> years, CancellationToken cancellationToken) =>
        await db.ComplianceCoverages.AsNoTracking()
            .Where(c => years.Contains(c.Year))
            .Select(c => new { c.Year, c.Revision })
            .ToDictionaryAsync(c => c.Year, c => c.Revision, cancellationToken);

    /// <summary>A new revision for <paramref name="years"/> (null: every year), after their rows changed.</summary>
    private Task<int> ReviseAsync(IReadOnlyCollection<int>? years, CancellationToken cancellationToken)
    {
        var revision = Guid.NewGuid();
        var coverage = years is null ? db.ComplianceCoverages : db.ComplianceCoverages.Where(c => years.Contains(c.Year));
        return coverage.ExecuteUpdateAsync(s => s.SetProperty(c => c.Revision, revision), cancellationToken);
    }

    /// <summary>
    /// The whole province for <paramref name="years"/> (the nightly job, at start-up, after generating a province): looks
    /// again for units without a row in every year, then judges every stale row; <paramref name="everyRow"/>, every row of
    /// these years, stale or not (the nightly run: whatever changed the records or the rows without a save of the app's is
    /// put right within a day).
    /// </summary>
    public async Task<ComplianceRefresh> RefreshAllAsync(IReadOnlyList<int> years, bool everyRow = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(years);
        await ApplyChangesAsync(cancellationToken);
        var added = 0;
        foreach (var year in years)
        {
            added += await CoverAsync(year, cancellationToken);
        }

        if (everyRow)
        {
            await UnitYearCompliance.MarkStaleAsync(db.UnitYearCompliances.Where(r => years.Contains(r.Year)), cancellationToken);
        }

        var judged = await JudgeStaleAsync(null, years, cancellationToken);
        return new ComplianceRefresh(LocalDate.Today(clock), added, judged);
    }

    /// <summary>
    /// Applies the notes saves left (<see cref="ComplianceChange"/>): the judgements of the units they name marked stale
    /// (every judgement for a change of the catalogue), the covered years looked at again after a unit's set-up or a
    /// change of its life, the notes removed, in one transaction. One query when there is none.
    /// </summary>
    private async Task<bool> ApplyChangesAsync(CancellationToken cancellationToken)
    {
        var applied = false;
        while (true)
        {
            var changes = await db.ComplianceChanges.AsNoTracking().OrderBy(c => c.Id).Take(ChangesPerApply).ToListAsync(cancellationToken);
            if (changes.Count == 0)
            {
                return applied;
            }

            applied = true;

            await gate.WaitAsync(cancellationToken);
            try
            {
                await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                var units = changes.Where(c => c.UnitId is not null).Select(c => c.UnitId!.Value).Distinct().ToList();
                if (changes.Any(c => c.Everything))
                {
                    await UnitYearCompliance.MarkStaleAsync(db.UnitYearCompliances, cancellationToken);
                }
                else if (units.Count > 0)
                {
                    await UnitYearCompliance.MarkStaleAsync(db.UnitYearCompliances.Where(r => EF.Parameter(units).Contains(r.UnitId)), cancellationToken);
                }

                if (changes.Any(c => c.Uncovers))
                {
                    await db.ComplianceCoverages.ExecuteDeleteAsync(cancellationToken);
                }

                // Whatever was counted before these changes (a unit moved out of a jurisdiction leaves no row of it to judge).
                await ReviseAsync(null, cancellationToken);

                // The notes read, by key: one saved meanwhile (even with a smaller key, on SQL Server) waits for the next read.
                var ids = changes.Select(c => c.Id).ToList();
                await db.ComplianceChanges.Where(c => EF.Parameter(ids).Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }

            if (changes.Count < ChangesPerApply)
            {
                return applied;
            }
        }
    }

    /// <summary>
    /// Gives every unit that existed in <paramref name="year"/> and has no row a stale one, and records the year as covered,
    /// in one transaction (on SQLite it holds the write lock throughout, so no unit is set up between the look and the mark).
    /// Returns the rows added.
    /// </summary>
    private async Task<int> CoverAsync(int year, CancellationToken cancellationToken)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        await gate.WaitAsync(cancellationToken);
        var added = new List<UnitYearCompliance>();
        var coverage = new List<ComplianceCoverage>();
        try
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var missing = await db.Units.AsNoTracking()
                .Where(u => (u.IsActive || u.ClosedOn != null)
                    && (u.EstablishedOn == null || u.EstablishedOn <= end)
                    && (u.ClosedOn == null || u.ClosedOn >= start)
                    && !db.UnitYearCompliances.Any(r => r.UnitId == u.Id && r.Year == year))
                .Select(u => u.Id)
                .ToListAsync(cancellationToken);
            added.AddRange(missing.Select(id => new UnitYearCompliance { UnitId = id, Year = year }));
            db.UnitYearCompliances.AddRange(added);
            if (!await db.ComplianceCoverages.AnyAsync(c => c.Year == year, cancellationToken))
            {
                coverage.Add(new ComplianceCoverage { Year = year, CoveredAtUtc = clock.GetUtcNow().UtcDateTime, Revision = Guid.NewGuid() });
                db.ComplianceCoverages.AddRange(coverage);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (coverage.Count == 0 && missing.Count > 0)
            {
                await ReviseAsync([year], cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return missing.Count;
        }
        catch (DbUpdateException)
        {
            // Another instance covered the year at the same time: its rows are there, the next read judges them.
            return 0;
        }
        finally
        {
            Forget(added);
            foreach (var marker in coverage)
            {
                db.ComplianceCoverages.Entry(marker).State = EntityState.Detached;
            }

            gate.Release();
        }
    }

    /// <summary>Judges the stale rows of <paramref name="unitIds"/> (null: every unit) for <paramref name="years"/> again, a batch at a time.</summary>
    private async Task<int> JudgeStaleAsync(IQueryable<int>? unitIds, IReadOnlyList<int> years, CancellationToken cancellationToken)
    {
        var today = LocalDate.Today(clock);
        var stale = db.UnitYearCompliances.AsNoTracking().Where(Stale(years, today));

        // Nothing stale anywhere, the usual case once the nightly run has been: found from the (Year, JudgedFor) index
        // alone, without looking at the jurisdiction's every row.
        if (!await stale.AnyAsync(cancellationToken))
        {
            return 0;
        }

        if (unitIds is not null)
        {
            stale = stale.Where(r => unitIds.Contains(r.UnitId));
        }

        var judged = 0;
        var fruitless = 0;
        while (fruitless < Attempts)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                // Read again under the gate: a refresh that held it may have judged these rows meanwhile.
                var batch = await stale
                    .OrderBy(r => r.Year).ThenBy(r => r.UnitId)
                    .Select(r => new StaleRow(r.UnitId, r.Year, r.Generation))
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                var written = await JudgeAsync(batch, today, cancellationToken);
                judged += written;
                fruitless = written == 0 ? fruitless + 1 : 0;
            }
            finally
            {
                gate.Release();
            }
        }

        return judged;
    }

    /// <summary>
    /// Judges the batch's units year by year with the full computation and writes each row only while it still has the
    /// generation read with it (a save that marked it stale meanwhile wins: the row stays stale). A unit that no longer
    /// existed in the year loses its row. Returns the rows written.
    /// </summary>
    private async Task<int> JudgeAsync(List<StaleRow> batch, DateOnly today, CancellationToken cancellationToken)
    {
        var entries = new List<UnitYearCompliance>();
        try
        {
            foreach (var year in batch.GroupBy(s => s.Year))
            {
                var ids = year.Select(s => s.UnitId).ToList();
                var computed = await ComplianceComputation.ComputeAsync(
                    db, today, db.Units.Where(u => EF.Parameter(ids).Contains(u.Id)).Select(u => u.Id), year.Key, year.Key, null, cancellationToken);
                var rows = computed.Rows[year.Key].ToDictionary(r => r.UnitId);
                foreach (var stale in year)
                {
                    var entity = new UnitYearCompliance { UnitId = stale.UnitId, Year = stale.Year, Generation = stale.Generation };
                    if (rows.TryGetValue(stale.UnitId, out var row))
                    {
                        entity.Take(row, computed.TreeKeys[stale.UnitId], today);
                        db.UnitYearCompliances.Entry(entity).State = EntityState.Modified;
                    }
                    else
                    {
                        db.UnitYearCompliances.Entry(entity).State = EntityState.Deleted;
                    }

                    entries.Add(entity);
                }
            }

            var written = entries.Count;
            while (true)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);

                    // After the rows: a revision is never newer than the rows counted under it.
                    if (written > 0)
                    {
                        await ReviseAsync([.. batch.Select(s => s.Year).Distinct()], cancellationToken);
                    }

                    return written;
                }
                catch (DbUpdateConcurrencyException e)
                {
                    // Marked stale (or judged by another instance) since it was read: left out, the rest saved.
                    foreach (var entry in e.Entries)
                    {
                        entry.State = EntityState.Detached;
                        written--;
                    }
                }
            }
        }
        finally
        {
            Forget(entries);
        }
    }

    /// <summary>The rows of <paramref name="years"/> that need judging again for <paramref name="today"/>.</summary>
    private static Expression<Func<UnitYearCompliance, bool>> Stale(IReadOnlyList<int> years, DateOnly today)
    {
        var r = Expression.Parameter(typeof(UnitYearCompliance), "r");
        Expression body = Expression.Constant(false);
        foreach (var year in years.Distinct())
        {
            var yearEnd = new DateOnly(year, 12, 31);

            // A year over when it was judged is settled (judged for a day after its end); a year in progress, or still
            // to come, is judged for one day. Written as ranges so that the (Year, JudgedFor) index finds the few stale rows.
            Expression<Func<UnitYearCompliance, bool>> one = year < today.Year
                ? x => x.Year == year && (x.JudgedFor == null || x.JudgedFor <= yearEnd)
                : x => x.Year == year && (x.JudgedFor == null || x.JudgedFor < today || x.JudgedFor > today);
            body = Expression.OrElse(body, ReplacingExpressionVisitor.Replace(one.Parameters[0], r, one.Body));
        }

        return Expression.Lambda<Func<UnitYearCompliance, bool>>(body, r);
    }

    /// <summary>Stops tracking what a refresh wrote: the request's own context goes on as if nothing had been read.</summary>
    private void Forget(IEnumerable<UnitYearCompliance> rows)
    {
        foreach (var row in rows)
        {
            db.UnitYearCompliances.Entry(row).State = EntityState.Detached;
        }
    }

    private sealed record StaleRow(int UnitId, int Year, int Generation);
}

/// <summary>What a refresh of the whole province did: the rows it added for units without one, and the rows it judged.</summary>
public sealed record ComplianceRefresh(DateOnly Today, int Added, int Judged);

/// <summary>
/// One refresh of the stored judgements at a time in this process (a singleton): requests that find the same rows stale
/// wait for the first instead of judging them side by side. Across instances the rows' generation keeps writes right.
/// </summary>
public sealed class ComplianceRefreshGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);

    public void Release() => _semaphore.Release();

    public void Dispose() => _semaphore.Dispose();
}

/// <summary>
/// The figures the dashboard and the heat map count over a jurisdiction's stored judgements of a year (the tallies, the
/// trend), kept in memory under the year's revision (<see cref="ComplianceCoverage.Revision"/>), which every write to the
/// year's rows and every applied note changes: a page reads them again only after something changed. A singleton; one
/// entry per jurisdiction and year, replaced when the revision moves on.
/// </summary>
public sealed class ComplianceFigures
{
    private readonly ConcurrentDictionary<(Access.JurisdictionScope Scope, int? Top, int Year), Figures> _figures = new();

    internal int[]? Counts(Access.JurisdictionScope scope, int? top, int year, Guid revision) =>
        _figures.TryGetValue((scope, top, year), out var f) && f.Revision == revision ? f.Counts : null;

    internal ComplianceTrend? Trend(Access.JurisdictionScope scope, int? top, int year, Guid revision) =>
        _figures.TryGetValue((scope, top, year), out var f) && f.Revision == revision ? f.Trend : null;

    internal void Keep(Access.JurisdictionScope scope, int? top, int year, Guid revision, int[]? counts = null, ComplianceTrend? trend = null) =>
        _figures.AddOrUpdate(
            (scope, top, year),
            _ => new Figures(revision, counts, trend),
            (_, kept) => kept.Revision == revision ? new Figures(revision, counts ?? kept.Counts, trend ?? kept.Trend) : new Figures(revision, counts, trend));

    private sealed record Figures(Guid Revision, int[]? Counts, ComplianceTrend? Trend);
}
