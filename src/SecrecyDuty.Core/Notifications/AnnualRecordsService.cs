using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Notifications;

/// <summary>
/// Issue 12, "what is due is created, not only announced": the daily job makes the records the year asks for, so that
/// nobody presses a button unit by unit. Each posting in scope (art. 2) holding today gets its duty checklist for the
/// year (arts. 4–7, 9): on 1 January all of them, and a posting that begins during the year on the next run. Once a year
/// has closed, each leader with a posting in scope during it gets an empty appraisal record for it (art. 9), for the
/// secrecy office and the cadre department to fill. Safe to repeat and to race: only what is missing is written, and the
/// unique keys on checklist (posting, year) and appraisal (leader, year) refuse a second copy; a batch that loses a race
/// is read again. Work goes in batches of <see cref="BatchSize"/>, each one query and one save.
/// </summary>
public sealed class AnnualRecordsService(ISecrecyDutyDb db, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>Consecutive batches lost to another instance before giving up until the next run.</summary>
    private const int SaveAttempts = 3;

    public async Task<AnnualRecordsRun> CreateDueAsync(CancellationToken cancellationToken = default)
    {
        var today = LocalDate.Today(clock);
        var checklists = await GenerateChecklistsAsync(today, cancellationToken);
        var appraisals = await CreateAppraisalsAsync(today.Year - 1, cancellationToken);
        return new AnnualRecordsRun(today, checklists, appraisals);
    }

    /// <summary>The checklists of <paramref name="today"/>'s year for the postings in scope holding today that have none.</summary>
    private async Task<int> GenerateChecklistsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var catalogue = await ChecklistFactory.CurrentCatalogueAsync(db, cancellationToken);
        if (catalogue.Count == 0)
        {
            return 0;
        }

        var year = today.Year;
        return await InBatchesAsync(
            async () =>
            {
                var postings = await db.Postings.AsNoTracking()
                    .Where(LeaderScope.PostingInScope)
                    .Where(p => p.From <= today && (p.To == null || p.To >= today)
                        && !db.DutyChecklists.Any(c => c.PostingId == p.Id && c.Year == year))
                    .OrderBy(p => p.Id)
                    .Select(p => new { p.Id, p.UnitId, p.Role, p.LeadsSecrecyWork })
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                db.DutyChecklists.AddRange(postings.Select(p => ChecklistFactory.New(p.Id, p.UnitId, p.Role, p.LeadsSecrecyWork, year, catalogue)));
                return postings.Count;
            },
            cancellationToken);
    }

    /// <summary>
    /// Art. 9: the appraisal records of the closed <paramref name="year"/>, one per active leader with a posting in scope
    /// during it (as the appraisal list counts them), kept by the unit of the leader's record.
    /// </summary>
    private async Task<int> CreateAppraisalsAsync(int year, CancellationToken cancellationToken)
    {
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var holders = db.Postings.Where(LeaderScope.PostingInScope)
            .Where(p => p.From <= end && (p.To == null || p.To >= start))
            .Select(p => p.LeaderId);
        return await InBatchesAsync(
            async () =>
            {
                var leaders = await db.Leaders.AsNoTracking()
                    .Where(l => l.IsActive && holders.Contains(l.Id) && !db.Appraisals.Any(a => a.LeaderId == l.Id && a.Year == year))
                    .OrderBy(l => l.Id)
                    .Select(l => new { l.Id, l.UnitId })
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                db.Appraisals.AddRange(leaders.Select(l => new Appraisal { LeaderId = l.Id, UnitId = l.UnitId, Year = year }));
                return leaders.Count;
            },
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="addBatch"/> (which adds up to <see cref="BatchSize"/> missing records) and saves, until a batch
    /// comes back short. A save refused on a unique key means another instance wrote some of them: the batch is dropped
    /// and read again.
    /// </summary>
    private async Task<int> InBatchesAsync(Func<Task<int>> addBatch, CancellationToken cancellationToken)
    {
        var created = 0;
        var failures = 0;
        while (true)
        {
            var count = await addBatch();
            if (count == 0)
            {
                return created;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                created += count;
                failures = 0;
            }
            catch (DbUpdateException) when (++failures < SaveAttempts)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            if (count < BatchSize)
            {
                return created;
            }
        }
    }
}

/// <summary>What a run of <see cref="AnnualRecordsService"/> created.</summary>
public sealed record AnnualRecordsRun(DateOnly Today, int Checklists, int Appraisals);
