using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Import;

/// <summary>
/// Imports units, leaders and postings from the template, all or nothing: every row is checked first
/// (set-based: a few queries for the whole file), and only a file without a single problem is written,
/// in one transaction with one save and one audit entry for the batch.
/// </summary>
public sealed class ImportService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<ImportRequest> validator,
    IStringLocalizer<Messages> l,
    TimeProvider clock,
    ImportLimits limits)
{
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public ImportFile Template(ImportFileFormat format, ImportSheet sheet)
    {
        ImportAccess.RequireImporter(user);
        return format == ImportFileFormat.Xlsx ? ImportTemplates.Xlsx() : ImportTemplates.Csv(sheet);
    }

    public async Task<Result<ImportReport>> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ImportAccess.RequireImporter(user);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<ImportReport>.Failure(validation);
        }

        progress?.Report(new ImportProgress(ImportPhase.Reading, 0, 0));
        var workbook = ImportFileReader.Read(request.Content, request.Format!.Value, request.CsvSheet, l, n => progress?.Report(new ImportProgress(ImportPhase.Reading, n, 0)), limits);
        var total = workbook.Tables.Sum(t => t.Rows.Count);
        progress?.Report(new ImportProgress(ImportPhase.Checking, 0, total));
        var today = LocalDate.Today(clock);
        var batch = ImportBatch.Parse(workbook, l, today, n => progress?.Report(new ImportProgress(ImportPhase.Checking, n, total)));
        if (total == 0 && workbook.Errors.Count == 0 && batch.Errors.Count == 0)
        {
            batch.Errors.Add(ImportFileReader.FileError(l["The file has no rows to import. Fill in the template below its example row."]));
        }

        var existing = await LoadExistingAsync(batch, cancellationToken);
        var plan = ImportChecks.Run(batch, existing, l);
        progress?.Report(new ImportProgress(ImportPhase.Checking, total, total));
        var errors = InReadingOrder(batch.Errors);
        if (errors.Count > 0 || request.DryRun)
        {
            // The first problems say what is wrong with a file; a report of a million would only cost memory.
            var omitted = Math.Max(0, errors.Count - limits.MaxReportedProblems);
            return Result<ImportReport>.Success(new ImportReport(request.FileName, request.DryRun, Written: false, batch.Counts, errors[..Math.Min(errors.Count, limits.MaxReportedProblems)], omitted));
        }

        var stamp = request.WriteStampUtc ?? ImportRunService.WriteStamp(clock);
        var conflict = await WriteAsync(request, batch, plan, stamp, progress, cancellationToken);
        progress?.Report(new ImportProgress(ImportPhase.Finished, total, total));
        return Result<ImportReport>.Success(conflict is null
            ? new ImportReport(request.FileName, DryRun: false, Written: true, batch.Counts, [])
            : new ImportReport(request.FileName, DryRun: false, Written: false, batch.Counts, [conflict]));
    }

    /// <summary>
    /// What the database holds under the codes and staff numbers the file uses, in five queries whatever
    /// the file's size: units, the ancestry of the parents, leaders, and the postings of the units that the
    /// file's postings name.
    /// </summary>
    private async Task<ImportExisting> LoadExistingAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        var codes = batch.Units.Select(u => u.Code)
            .Concat(batch.Units.Select(u => u.ParentCode))
            .Concat(batch.Leaders.Select(x => x.UnitCode))
            .Concat(batch.Postings.Select(p => p.UnitCode))
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // EF.Parameter: one JSON parameter however many codes, where separate parameters would hit
        // SQL Server's limit of 2,100 per command.
        var units = codes.Count == 0
            ? []
            : await db.Units.AsNoTracking()
                .Where(u => EF.Parameter(codes).Contains(u.Code))
                .Select(u => new ExistingUnit(u.Id, u.Code, visible.Contains(u.Id), u.IsActive))
                .ToListAsync(cancellationToken);

        var parentCodes = batch.Units.Select(u => u.ParentCode).ToHashSet(StringComparer.Ordinal);
        var parentIds = units.Where(u => u.InJurisdiction && parentCodes.Contains(u.Code)).Select(u => u.Id).ToList();
        var ancestries = parentIds.Count == 0
            ? []
            : await db.UnitAncestries.AsNoTracking()
                .Where(a => EF.Parameter(parentIds).Contains(a.DescendantId))
                .Select(a => new ExistingAncestor(a.DescendantId, a.AncestorId, a.Depth))
                .ToListAsync(cancellationToken);

        var numbers = batch.Leaders.Select(x => x.StaffNumber)
            .Concat(batch.Postings.Select(p => p.StaffNumber))
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var leaders = numbers.Count == 0
            ? []
            : await db.Leaders.AsNoTracking()
                .Where(x => EF.Parameter(numbers).Contains(x.StaffNumber))
                .Select(x => new ExistingLeader(x.Id, x.StaffNumber, visible.Contains(x.UnitId), x.IsActive))
                .ToListAsync(cancellationToken);

        var postingCodes = batch.Postings.Select(p => p.UnitCode).ToHashSet(StringComparer.Ordinal);
        var postingUnitIds = units.Where(u => u.InJurisdiction && postingCodes.Contains(u.Code)).Select(u => u.Id).ToList();
        var postings = postingUnitIds.Count == 0
            ? []
            : await db.Postings.AsNoTracking()
                .Where(p => EF.Parameter(postingUnitIds).Contains(p.UnitId))
                .Select(p => new PostingPeriod(p.Id, p.LeaderId, p.UnitId, p.Role, p.From, p.To, p.LeadsSecrecyWork))
                .ToListAsync(cancellationToken);

        return new ImportExisting(units, ancestries, leaders, postings);
    }

    /// <summary>
    /// Writes the file in transactions of <see cref="ImportLimits.WriteBatchSize"/> records (issue 14, finding 4: one
    /// transaction for a whole file held SQLite's only write lock for minutes, and every other user's save failed): units
    /// parents first, their closure rows, leaders, postings, and last the one Import audit entry. Every record carries
    /// <paramref name="stamp"/> as its creation time, so that a failure part-way (a code saved by someone else meanwhile,
    /// a shutdown, a crash and a restart) is undone by <see cref="UndoAsync(DateTime, Guid, CancellationToken)"/>: nothing of the file is left half-written.
    /// Returns a problem when a concurrent change made a batch fail; nothing is left written then.
    /// </summary>
    private async Task<ImportError?> WriteAsync(
        ImportRequest request,
        ImportBatch batch,
        ImportPlan plan,
        DateTime stamp,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var records = batch.Units.Count + plan.Ancestries.Count + batch.Leaders.Count + batch.Postings.Count + 1;
        var written = 0;
        progress?.Report(new ImportProgress(ImportPhase.Writing, 0, records));

        var changeTracker = db.ChangeTracker;
        var detectChanges = changeTracker.AutoDetectChangesEnabled;
        var auditEachRecord = db.AuditEachRecord;
        changeTracker.AutoDetectChangesEnabled = false;
        db.AuditEachRecord = false;
        var pending = 0;

        // One transaction per batch; the tracker is emptied after each, so memory stays that of one batch.
        async Task AddAsync<T>(DbSet<T> set, T entity, bool last = false)
            where T : class
        {
            set.Add(entity);
            if (++pending >= limits.WriteBatchSize || last)
            {
                await db.SaveChangesAsync(cancellationToken);
                changeTracker.Clear();
                written += pending;
                pending = 0;
                progress?.Report(new ImportProgress(ImportPhase.Writing, written, records));
            }
        }

        try
        {
            // Parents before children (the plan's order): a parent from the file has its key by the time a child needs
            // it, or is in the same batch and is referred to by navigation.
            var units = new Unit[batch.Units.Count];
            foreach (var i in plan.UnitOrder)
            {
                var row = batch.Units[i];
                var unit = new Unit
                {
                    Code = row.Code,
                    Name = row.Name,
                    Kind = row.Kind!.Value,
                    Level = row.Level!.Value,
                    IsLargeOrMediumEnterprise = row.IsLargeOrMediumEnterprise,
                    EstablishedOn = row.EstablishedOn,
                    CreatedAtUtc = stamp,
                };
                var parent = plan.UnitParents[i]!.Value;
                if (!parent.InFile)
                {
                    unit.ParentId = parent.Id;
                }
                else if (units[parent.Id].Id != 0)
                {
                    unit.ParentId = units[parent.Id].Id;
                }
                else
                {
                    unit.Parent = units[parent.Id];
                }

                units[i] = unit;
                await AddAsync(db.Units, unit);
            }

            await FlushAsync();
            int UnitId(ImportRef unit) => unit.InFile ? units[unit.Id].Id : unit.Id;

            // Closure rows and leaders, which no stored judgement reads as they are added, go in through the bulk insert.
            var chunk = new List<UnitAncestry>(Math.Min(limits.WriteBatchSize, plan.Ancestries.Count));
            foreach (var a in plan.Ancestries)
            {
                chunk.Add(new UnitAncestry { DescendantId = units[a.Descendant].Id, AncestorId = UnitId(a.Ancestor), Depth = a.Depth });
                if (chunk.Count >= limits.WriteBatchSize)
                {
                    await InsertAsync(chunk);
                    chunk.Clear();
                }
            }

            await InsertAsync(chunk);
            var leaders = new Leader[batch.Leaders.Count];
            for (var i = 0; i < leaders.Length; i++)
            {
                var row = batch.Leaders[i];
                leaders[i] = new Leader
                {
                    StaffNumber = row.StaffNumber,
                    Name = row.Name,
                    Rank = row.Rank!.Value,
                    IsPartyMember = row.IsPartyMember!.Value,
                    Phone = row.Phone,
                    Email = row.Email,
                    UnitId = UnitId(plan.LeaderUnits[i]!.Value),
                    CreatedAtUtc = stamp,
                };
            }

            for (var start = 0; start < leaders.Length; start += limits.WriteBatchSize)
            {
                await InsertAsync(new ArraySegment<Leader>(leaders, start, Math.Min(limits.WriteBatchSize, leaders.Length - start)));
            }


            for (var i = 0; i < batch.Postings.Count; i++)
            {
                var row = batch.Postings[i];
                var leader = plan.PostingLeaders[i]!.Value;
                await AddAsync(db.Postings, new Posting
                {
                    Role = row.Role!.Value,
                    LeadsSecrecyWork = row.LeadsSecrecyWork,
                    Title = row.Title,
                    Portfolio = row.Portfolio,
                    From = row.From!.Value,
                    To = row.To,
                    LeaderId = leader.InFile ? leaders[leader.Id].Id : leader.Id,
                    UnitId = UnitId(plan.PostingUnits[i]!.Value),
                    CreatedAtUtc = stamp,
                });
            }

            // The audit entry last, in the last batch: once it is written, the whole file is.
            await AddAsync(db.AuditEntries, AuditEntryFor(request, batch.Counts, stamp), last: true);
            return null;
        }
        catch (DbUpdateException)
        {
            changeTracker.Clear();
            await UndoAsync(stamp, CancellationToken.None);
            return ImportFileReader.FileError(l["Nothing was written: a unit code or staff number of this file was saved by someone else meanwhile. Check the file again and import it."]);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the shutdown: what was written goes; a process killed before this runs is undone at the restart.
            changeTracker.Clear();
            await UndoAsync(stamp, CancellationToken.None);
            throw;
        }
        finally
        {
            changeTracker.AutoDetectChangesEnabled = detectChanges;
            db.AuditEachRecord = auditEachRecord;
        }

        // One batch of records no judgement reads, in a transaction of its own, untracked (their keys are set on them).
        async Task InsertAsync<T>(IReadOnlyList<T> rows)
            where T : class
        {
            if (rows.Count > 0)
            {
                await db.InsertAsync(rows, cancellationToken);
                written += rows.Count;
                progress?.Report(new ImportProgress(ImportPhase.Writing, written, records));
            }
        }

        // The rows added since the last batch: the next table refers to their keys.
        async Task FlushAsync()
        {
            if (pending > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                changeTracker.Clear();
                written += pending;
                pending = 0;
                progress?.Report(new ImportProgress(ImportPhase.Writing, written, records));
            }
        }
    }

    /// <summary>
    /// Removes what an import cut off part-way wrote: every unit, closure row, leader and posting created with its
    /// <paramref name="stamp"/>, in an order the foreign keys allow. When the import had in fact finished (its audit entry,
    /// the last record written, is there) nothing is removed and the counts it wrote are returned; otherwise null.
    /// </summary>
    public async Task<ImportCounts?> UndoAsync(DateTime stamp, Guid runId, CancellationToken cancellationToken = default)
    {
        ImportAccess.RequireImporter(user);
        var entityId = runId.ToString("N");
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Import && a.EntityId == entityId)
            .Select(a => a.Changes)
            .FirstOrDefaultAsync(cancellationToken);
        if (audit is not null)
        {
            var changes = JsonSerializer.Deserialize<AuditChange[]>(audit, AuditJson) ?? [];
            int Count(ImportSheet sheet) => int.TryParse(Array.Find(changes, c => c.Field == sheet.ToString())?.New, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
            return new ImportCounts(Count(ImportSheet.Units), Count(ImportSheet.Leaders), Count(ImportSheet.Postings));
        }

        await UndoAsync(stamp, cancellationToken);
        return null;
    }

    private async Task UndoAsync(DateTime stamp, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = db.Units.Where(u => u.CreatedAtUtc == stamp).Select(u => u.Id);

        // Postings removed without the context's save: the judgements of the units they were in are marked stale here
        // (those of the units removed below go with them).
        await UnitYearCompliance.MarkStaleAsync(
            db.UnitYearCompliances.Where(r => db.Postings.Any(p => p.CreatedAtUtc == stamp && p.UnitId == r.UnitId)), cancellationToken);
        await db.Postings.Where(p => p.CreatedAtUtc == stamp).ExecuteDeleteAsync(cancellationToken);

        // The units' own judgements go with them (cascade): whatever was counted over them is counted again.
        var revision = Guid.NewGuid();
        await db.ComplianceCoverages.ExecuteUpdateAsync(s => s.SetProperty(c => c.Revision, revision), cancellationToken);
        await db.Leaders.Where(x => x.CreatedAtUtc == stamp).ExecuteDeleteAsync(cancellationToken);
        await db.UnitAncestries.Where(a => units.Contains(a.DescendantId)).ExecuteDeleteAsync(cancellationToken);

        // Leaves first, level by level: the parent key refuses (ON DELETE RESTRICT) a unit whose child is still there.
        while (await db.Units.Where(u => u.CreatedAtUtc == stamp && !db.Units.Any(c => c.ParentId == u.Id)).ExecuteDeleteAsync(cancellationToken) > 0)
        {
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One audit entry for the batch: who, when, which file and how many rows of each sheet (its id is the job's).</summary>
    private AuditEntry AuditEntryFor(ImportRequest request, ImportCounts counts, DateTime now) => new()
    {
        AtUtc = now,
        UserId = user.UserId,
        UserName = user.UserName ?? "",
        Action = AuditAction.Import,
        EntityType = "Import",
        EntityId = (request.RunId ?? Guid.NewGuid()).ToString("N"),
        UnitId = user.UnitId,
        Changes = JsonSerializer.Serialize<AuditChange[]>(
        [
            new("File", null, request.FileName),
            new(nameof(ImportSheet.Units), null, counts.Units.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(nameof(ImportSheet.Leaders), null, counts.Leaders.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(nameof(ImportSheet.Postings), null, counts.Postings.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], AuditJson),
    };

    /// <summary>File problems first, then by sheet, row and the column's place in the template.</summary>
    private static List<ImportError> InReadingOrder(IEnumerable<ImportError> errors) =>
        [.. errors
            .OrderBy(e => e.Sheet is null ? -1 : (int)e.Sheet)
            .ThenBy(e => e.Row ?? 0)
            .ThenBy(e => e.Sheet is { } sheet && ImportLayout.ColumnFor(sheet, e.Column) is { } column
                ? ImportLayout.Columns(sheet).ToList().IndexOf(column)
                : int.MaxValue)];
}
