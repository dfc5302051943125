using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
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
    TimeProvider clock)
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

        // Before the first query (see TrackSaveProgress); null where the provider cannot count rows.
        using var saving = progress is not null && !request.DryRun ? db.TrackSaveProgress() : null;
        progress?.Report(new ImportProgress(ImportPhase.Reading, 0, 0));
        var workbook = ImportFileReader.Read(request.Content, request.Format!.Value, request.CsvSheet, l, n => progress?.Report(new ImportProgress(ImportPhase.Reading, n, 0)));
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
            return Result<ImportReport>.Success(new ImportReport(request.FileName, request.DryRun, Written: false, batch.Counts, errors));
        }

        var conflict = await WriteAsync(request.FileName, batch, plan, progress, saving, cancellationToken);
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
    /// Writes the whole batch with one SaveChanges in one transaction. New rows refer to each other by
    /// navigation, so EF Core orders the inserts and fills in the generated keys. Change detection is off
    /// while adding (nothing is modified, everything is Added), and the per-record audit is replaced by one
    /// Import entry. Returns a problem when a concurrent change made the save fail; nothing is written then.
    /// </summary>
    private async Task<ImportError?> WriteAsync(
        string fileName,
        ImportBatch batch,
        ImportPlan plan,
        IProgress<ImportProgress>? progress,
        ISaveProgress? saving,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
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
                CreatedAtUtc = now,
            };
            var parent = plan.UnitParents[i]!.Value;
            if (parent.InFile)
            {
                unit.Parent = units[parent.Id];
            }
            else
            {
                unit.ParentId = parent.Id;
            }

            units[i] = unit;
        }

        var ancestries = plan.Ancestries.Select(a =>
        {
            var row = new UnitAncestry { Descendant = units[a.Descendant], Depth = a.Depth };
            if (a.Ancestor.InFile)
            {
                row.Ancestor = units[a.Ancestor.Id];
            }
            else
            {
                row.AncestorId = a.Ancestor.Id;
            }

            return row;
        }).ToList();

        var leaders = batch.Leaders.Select((row, i) =>
        {
            var leader = new Leader
            {
                StaffNumber = row.StaffNumber,
                Name = row.Name,
                Rank = row.Rank!.Value,
                IsPartyMember = row.IsPartyMember!.Value,
                Phone = row.Phone,
                Email = row.Email,
                CreatedAtUtc = now,
            };
            var unit = plan.LeaderUnits[i]!.Value;
            if (unit.InFile)
            {
                leader.Unit = units[unit.Id];
            }
            else
            {
                leader.UnitId = unit.Id;
            }

            return leader;
        }).ToList();

        var postings = batch.Postings.Select((row, i) =>
        {
            var posting = new Posting
            {
                Role = row.Role!.Value,
                LeadsSecrecyWork = row.LeadsSecrecyWork,
                Title = row.Title,
                Portfolio = row.Portfolio,
                From = row.From!.Value,
                To = row.To,
                CreatedAtUtc = now,
            };
            var leader = plan.PostingLeaders[i]!.Value;
            if (leader.InFile)
            {
                posting.Leader = leaders[leader.Id];
            }
            else
            {
                posting.LeaderId = leader.Id;
            }

            var unit = plan.PostingUnits[i]!.Value;
            if (unit.InFile)
            {
                posting.Unit = units[unit.Id];
            }
            else
            {
                posting.UnitId = unit.Id;
            }

            return posting;
        }).ToList();

        // Every row of every table, closure rows and the audit entry included: what the progress counts.
        var records = units.Length + ancestries.Count + leaders.Count + postings.Count + 1;
        progress?.Report(new ImportProgress(ImportPhase.Writing, 0, records));

        var changeTracker = db.ChangeTracker;
        var detectChanges = changeTracker.AutoDetectChangesEnabled;
        var auditEachRecord = db.AuditEachRecord;
        changeTracker.AutoDetectChangesEnabled = false;
        db.AuditEachRecord = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Units.AddRange(units);
            db.UnitAncestries.AddRange(ancestries);
            db.Leaders.AddRange(leaders);
            db.Postings.AddRange(postings);
            db.AuditEntries.Add(AuditEntryFor(fileName, batch.Counts, now));
            try
            {
                saving?.Start(n => progress!.Report(new ImportProgress(ImportPhase.Writing, Math.Min(n, records), records)));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                changeTracker.Clear();
                return ImportFileReader.FileError(l["Nothing was written: a unit code or staff number of this file was saved by someone else meanwhile. Check the file again and import it."]);
            }

            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        finally
        {
            changeTracker.AutoDetectChangesEnabled = detectChanges;
            db.AuditEachRecord = auditEachRecord;
        }
    }

    /// <summary>One audit entry for the batch: who, when, which file and how many rows of each sheet.</summary>
    private AuditEntry AuditEntryFor(string fileName, ImportCounts counts, DateTime now) => new()
    {
        AtUtc = now,
        UserId = user.UserId,
        UserName = user.UserName ?? "",
        Action = AuditAction.Import,
        EntityType = "Import",
        EntityId = Guid.NewGuid().ToString("N"),
        UnitId = user.UnitId,
        Changes = JsonSerializer.Serialize<AuditChange[]>(
        [
            new("File", null, fileName),
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
