using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections;

/// <summary>
/// Rectification orders (art. 15, 限期整改): issued by the inspecting body on a finding, reported by the unit with its
/// evidence, verified or sent back by the inspector. Every step is recorded with who and when.
/// </summary>
public sealed class RectificationService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<RectificationOrderInput> orderValidator,
    IValidator<RectificationNoteInput> noteValidator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    /// <summary>The field evidence problems are reported on.</summary>
    public const string EvidenceField = "Evidence";

    /// <summary>The order with its history; null when it does not exist or lies outside the jurisdiction.</summary>
    public async Task<OrderDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var order = await db.RectificationOrders.AsNoTracking()
            .Where(o => o.Id == id && visible.Contains(o.UnitId))
            .Select(o => new
            {
                o.Id,
                o.Finding!.InspectionId,
                Unit = new InspectionUnit(o.UnitId, o.Finding.Inspection!.Unit!.Code, o.Finding.Inspection!.Unit!.Name),
                o.Finding.Inspection.Body,
                BodyUnit = new InspectionUnit(o.Finding.Inspection.BodyUnitId, o.Finding.Inspection.BodyUnit!.Code, o.Finding.Inspection.BodyUnit!.Name),
                o.FindingId,
                o.Finding.DeficiencyCode,
                o.Finding.OtherDeficiency,
                o.Finding.Description,
                Summary = new OrderSummary(o.Id, o.IssuedOn, o.Deadline, o.Requirements, o.Status, o.ReportedOn, o.VerifiedOn),
                o.Report,
                o.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return null;
        }

        var transitions = await db.RectificationTransitions.AsNoTracking()
            .Where(t => t.OrderId == id)
            .OrderBy(t => t.AtUtc)
            .ThenBy(t => t.Id)
            .Select(t => new OrderTransition(t.Action, t.ToStatus, t.AtUtc, t.By, t.Note))
            .ToListAsync(cancellationToken);
        var evidence = await db.EvidenceFiles.AsNoTracking()
            .Where(e => e.RectificationOrderId == id)
            .OrderBy(e => e.UploadedAtUtc)
            .Select(e => new OrderEvidence(e.Id, e.FileName, e.ContentType, e.Size, e.UploadedAtUtc, e.UploadedBy))
            .ToListAsync(cancellationToken);
        var canReport = await InspectionAccess.ReportableUnitIds(db, jurisdiction, user).AnyAsync(u => u == order.Unit.Id, cancellationToken);
        var canReview = await InspectionAccess.ConductableUnitIds(db, jurisdiction, user).AnyAsync(u => u == order.Unit.Id, cancellationToken);
        return new OrderDetails(
            order.Id,
            order.InspectionId,
            order.Unit,
            order.Body,
            order.BodyUnit,
            order.FindingId,
            order.DeficiencyCode,
            order.OtherDeficiency,
            order.Description,
            order.Summary,
            order.Report,
            transitions,
            evidence,
            LocalDate.Today(clock),
            canReport && RectificationRules.Next(order.Summary.Status, RectificationAction.Report) is not null,
            canReview && order.Summary.Status == RectificationStatus.Reported,
            order.Version);
    }

    /// <summary>
    /// The orders of the jurisdiction still open (the unit has to report), overdue among them, and reported ones waiting
    /// for the inspector's verification, counted in SQL; the <paramref name="take"/> most overdue listed.
    /// </summary>
    public async Task<RectificationWork> WorkAsync(int take, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var today = LocalDate.Today(clock);
        var orders = db.RectificationOrders.AsNoTracking().Where(o => visible.Contains(o.UnitId) && o.Status != RectificationStatus.Verified);
        var counts = await orders
            .GroupBy(o => new { o.Status, Late = o.Deadline < today })
            .Select(g => new { g.Key.Status, g.Key.Late, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var mostOverdue = await orders
            .Where(o => (o.Status == RectificationStatus.Open || o.Status == RectificationStatus.SentBack) && o.Deadline < today)
            .OrderBy(o => o.Deadline)
            .ThenBy(o => o.Id)
            .Take(Math.Max(0, take))
            .Select(o => new { o.Id, o.UnitId, UnitName = o.Finding!.Inspection!.Unit!.Name, o.Finding.DeficiencyCode, o.Deadline })
            .ToListAsync(cancellationToken);
        bool Unreported(RectificationStatus s) => s is RectificationStatus.Open or RectificationStatus.SentBack;
        return new RectificationWork(
            counts.Where(c => Unreported(c.Status)).Sum(c => c.Count),
            counts.Where(c => Unreported(c.Status) && c.Late).Sum(c => c.Count),
            counts.Where(c => c.Status == RectificationStatus.Reported).Sum(c => c.Count),
            [.. mostOverdue.Select(o => new OverdueOrder(o.Id, o.UnitId, o.UnitName, o.DeficiencyCode, o.Deadline, -RectificationRules.DaysLeft(o.Deadline, today)))]);
    }

    /// <summary>
    /// Whether the account may order the rectification of this finding: it conducts inspections and the finding is
    /// within its jurisdiction. The order form is shown only then (issue 14: a finding outside is not found).
    /// </summary>
    public async Task<bool> CanIssueAsync(int findingId, CancellationToken cancellationToken = default)
    {
        InspectionAccess.RequireConductor(user);
        var conductable = InspectionAccess.ConductableUnitIds(db, jurisdiction, user);
        return await db.Findings.AnyAsync(f => f.Id == findingId && conductable.Contains(f.UnitId), cancellationToken);
    }

    /// <summary>
    /// Issues a rectification order on a finding of an inspection in progress, by a superior organ or the secrecy
    /// department (art. 15). The value is the order's id; null when the finding is not there for the account.
    /// </summary>
    public async Task<Result<int>?> IssueAsync(int findingId, RectificationOrderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        InspectionAccess.RequireConductor(user);
        var conductable = InspectionAccess.ConductableUnitIds(db, jurisdiction, user);
        var finding = await db.Findings
            .Include(f => f.Inspection)
            .Include(f => f.Order)
            .SingleOrDefaultAsync(f => f.Id == findingId && conductable.Contains(f.UnitId), cancellationToken);
        if (finding is null)
        {
            return null;
        }

        if (finding.Inspection!.Status != InspectionStatus.InProgress)
        {
            return Result<int>.Failure(new FieldError("", l["Rectification is ordered while the inspection is in progress."]));
        }

        if (!InspectionRules.Allows(finding.Inspection.Body, FindingConsequence.RectificationOrder))
        {
            return Result<int>.Failure(new FieldError("", l["A rectification order is issued by a superior organ or the secrecy department (art. 15); at a self-inspection the secrecy organization recommends the correction."]));
        }

        if (finding.Order is not null)
        {
            return Result<int>.Failure(new FieldError("", l["This finding already has a rectification order."]));
        }

        var validation = await orderValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Failure(validation);
        }

        var order = new RectificationOrder
        {
            FindingId = finding.Id,
            UnitId = finding.UnitId,
            IssuedOn = LocalDate.Today(clock),
            Deadline = input.Deadline!.Value,
            Requirements = input.Requirements.Trim(),
        };
        Apply(order, RectificationAction.Issue, null);
        db.RectificationOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(order.Id);
    }

    /// <summary>
    /// The unit reports what it did, with any evidence files, on the order as it stood at the <paramref name="version"/> the
    /// page showed (a conflict when someone else changed it since); null when the order is not there for the account.
    /// </summary>
    public async Task<Result?> ReportAsync(int id, int version, RectificationNoteInput input, IReadOnlyList<EvidenceUpload> evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(evidence);
        InspectionAccess.RequireReporter(user);
        var reportable = InspectionAccess.ReportableUnitIds(db, jurisdiction, user);
        var order = await db.RectificationOrders.SingleOrDefaultAsync(o => o.Id == id && reportable.Contains(o.UnitId), cancellationToken);
        if (order is null)
        {
            return null;
        }

        if (!Versions.Allows(order.Version, version))
        {
            return await ConflictAsync(id, RectificationAction.Report, input.Note, cancellationToken);
        }

        var errors = new List<FieldError>();
        if (RectificationRules.Next(order.Status, RectificationAction.Report) is null)
        {
            errors.Add(Refused(order.Status, RectificationAction.Report));
        }

        var validation = await noteValidator.ValidateAsync(input, cancellationToken);
        errors.AddRange(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));
        var now = clock.GetUtcNow().UtcDateTime;
        var intake = await EvidenceIntake.ReadAsync(evidence, EvidenceField, l, Actor(), now, cancellationToken);
        errors.AddRange(intake.Errors);
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        order.Report = input.Note.Trim();
        order.ReportedOn = LocalDate.Today(clock);
        foreach (var file in intake.Files)
        {
            file.RectificationOrderId = order.Id;
            db.EvidenceFiles.Add(file);
        }

        Apply(order, RectificationAction.Report, order.Report);
        return await db.TrySaveOverAsync(order, version, cancellationToken)
            ? Result.Success()
            : await ConflictAsync(id, RectificationAction.Report, input.Note, cancellationToken);
    }

    /// <summary>The inspector verifies the reported rectification, as the page showed it at <paramref name="version"/>: the order is closed.</summary>
    public Task<Result?> VerifyAsync(int id, int version, CancellationToken cancellationToken = default) =>
        ReviewAsync(id, version, RectificationAction.Verify, null, cancellationToken);

    /// <summary>The inspector sends the report back with the reason: the unit must rectify and report again.</summary>
    public Task<Result?> SendBackAsync(int id, int version, RectificationNoteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReviewAsync(id, version, RectificationAction.SendBack, input, cancellationToken);
    }

    /// <summary>An evidence file of an order in the jurisdiction; null otherwise.</summary>
    public async Task<EvidenceDownload?> DownloadAsync(int orderId, int fileId, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var file = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.RectificationOrderId == orderId && db.RectificationOrders.Any(o => o.Id == orderId && visible.Contains(o.UnitId)))
            .Select(f => new { Download = new EvidenceDownload(f.FileName, f.ContentType, f.Content!.Bytes), UnitId = db.RectificationOrders.Where(o => o.Id == orderId).Select(o => o.UnitId).Single() })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        await HandOutAudit.RecordDownloadAsync(db, user, clock.GetUtcNow().UtcDateTime, new EvidenceHandOut(fileId, file.UnitId, file.Download.FileName), cancellationToken);
        return file.Download;
    }

    private async Task<Result?> ReviewAsync(int id, int version, RectificationAction action, RectificationNoteInput? note, CancellationToken cancellationToken)
    {
        InspectionAccess.RequireConductor(user);
        var conductable = InspectionAccess.ConductableUnitIds(db, jurisdiction, user);
        var order = await db.RectificationOrders.SingleOrDefaultAsync(o => o.Id == id && conductable.Contains(o.UnitId), cancellationToken);
        if (order is null)
        {
            return null;
        }

        // A verification closes the order on the report the inspector read: one changed since is read first.
        if (!Versions.Allows(order.Version, version))
        {
            return await ConflictAsync(id, action, note?.Note, cancellationToken);
        }

        if (RectificationRules.Next(order.Status, action) is null)
        {
            return Result.Failure(Refused(order.Status, action));
        }

        if (note is not null)
        {
            var validation = await noteValidator.ValidateAsync(note, cancellationToken);
            if (!validation.IsValid)
            {
                return Result.Failure(validation);
            }
        }

        if (action == RectificationAction.Verify)
        {
            order.VerifiedOn = LocalDate.Today(clock);
        }

        Apply(order, action, note?.Note.Trim());
        return await db.TrySaveOverAsync(order, version, cancellationToken)
            ? Result.Success()
            : await ConflictAsync(id, action, note?.Note, cancellationToken);
    }

    /// <summary>The order as stored now, with the note the person wrote beside the stored one of the same step.</summary>
    private async Task<Result> ConflictAsync(int id, RectificationAction action, string? yourNote, CancellationToken cancellationToken)
    {
        var stored = await db.RectificationOrders.AsNoTracking().Include(o => o.Transitions).SingleAsync(o => o.Id == id, cancellationToken);
        var conflict = await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        conflict
            .Stored(l["Status"], stored.Status)
            .Stored(l["Deadline"], stored.Deadline);
        return Result.Failure(action switch
        {
            RectificationAction.Report => conflict.Field(l["The unit's report"], stored.Report, yourNote),
            RectificationAction.SendBack => conflict
                .Stored(l["The unit's report"], stored.Report)
                .Field(
                    l["Why the rectification is not enough"],
                    stored.Transitions.Where(t => t.Action == RectificationAction.SendBack).OrderBy(t => t.AtUtc).ThenBy(t => t.Id).LastOrDefault()?.Note,
                    yourNote),
            _ => conflict.Stored(l["The unit's report"], stored.Report),
        });
    }

    private void Apply(RectificationOrder order, RectificationAction action, string? note)
    {
        var next = RectificationRules.Next(order.Id == 0 && action == RectificationAction.Issue ? null : order.Status, action)
            ?? throw new InvalidOperationException($"{action} is not allowed from {order.Status}.");
        order.Status = next;
        order.Transitions.Add(new RectificationTransition
        {
            Action = action,
            ToStatus = next,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            By = Actor(),
            Note = note,
        });
    }

    /// <summary>Why a step is not allowed from where the order stands.</summary>
    private FieldError Refused(RectificationStatus status, RectificationAction action) => new("", (status, action) switch
    {
        (RectificationStatus.Verified, _) => l["This order is verified and closed: nothing more can be recorded on it."],
        (RectificationStatus.Reported, RectificationAction.Report) => l["The rectification is already reported and waits for the inspector's verification."],
        (_, RectificationAction.Verify or RectificationAction.SendBack) => l["Only a reported rectification can be verified or sent back: the unit has not reported it yet."],
        _ => l["This step is not allowed now."],
    });

    private string Actor() => user.UserName ?? user.UserId ?? "";
}
