using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Activities;

/// <summary>
/// Activities that discharge duties (P5.3 briefings, S6.5 member meetings, S6.2, S6.3, S6.7, S6.9), with the
/// postings present. Read within the jurisdiction; recorded by unit leaders (own unit), secrecy officers and
/// administrators (<see cref="ActivityAccess"/>). Evidence files: <see cref="ActivityEvidenceService"/>.
/// </summary>
public sealed class ActivityService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    PostingService postings,
    IValidator<ActivityInput> validator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    // Kinds sort in the order the regulation lists their duties, not by their stored names.
    private static readonly Expression<Func<Activity, int>> KindOrder = a =>
        a.Kind == ActivityKind.Briefing ? 0
        : a.Kind == ActivityKind.MemberMeeting ? 1
        : a.Kind == ActivityKind.DirectiveStudy ? 2
        : a.Kind == ActivityKind.Training ? 3
        : a.Kind == ActivityKind.ProtectionPlan ? 4
        : 5;

    public bool CanRecord => ActivityAccess.CanRecord(user);

    public async Task<PagedList<ActivityListItem>> ListAsync(ActivityFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var count = await Paging.CountUpToAsync(Filtered(filter), page, pageSize, cancellationToken);
        var items = await Sorted(Filtered(filter, pageByDate: true), filter.Sort, filter.Direction)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new ActivityListItem(
                a.Id,
                a.Date,
                a.Kind,
                a.UnitId,
                a.Unit!.Name,
                a.Title,
                a.Presenters,
                a.Attendance.Count,
                a.Evidence.Count))
            .ToListAsync(cancellationToken);
        return Paging.Page(items, page, pageSize, count);
    }

    /// <summary>Every activity the filters select, unpaged, in the list's order, with its attendees: for export.</summary>
    public async Task<IReadOnlyList<ActivityExportRow>> ExportAsync(ActivityFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(filter);
        var rows = await Sorted(query, filter.Sort, filter.Direction)
            .Select(a => new
            {
                a.Id,
                a.Date,
                a.Kind,
                UnitCode = a.Unit!.Code,
                UnitName = a.Unit.Name,
                a.Title,
                a.Presenters,
                a.Topics,
                a.Decisions,
                a.FollowUpActions,
                a.Audience,
                a.HeadCount,
                a.ReviewedItem,
                a.Reviewer,
                a.ReviewOutcome,
                EvidenceCount = a.Evidence.Count,
            })
            .ToListAsync(cancellationToken);
        var attendees = await Attendees(db.ActivityAttendances.Where(at => query.Any(a => a.Id == at.ActivityId)))
            .ToListAsync(cancellationToken);
        var byActivity = attendees.ToLookup(x => x.ActivityId, x => x.Attendee);
        return [.. rows.Select(r => new ActivityExportRow(
            r.Id,
            r.Date,
            r.Kind,
            r.UnitCode,
            r.UnitName,
            r.Title,
            r.Presenters,
            r.Topics,
            r.Decisions,
            r.FollowUpActions,
            r.Audience,
            r.HeadCount,
            r.ReviewedItem,
            r.Reviewer,
            ParseOutcome(r.ReviewOutcome),
            InTeamOrder(byActivity[r.Id]),
            r.EvidenceCount))];
    }


    /// <summary>The activity, or null when it does not exist or lies outside the jurisdiction (the two are not told apart).</summary>
    public async Task<ActivityDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var activity = await db.Activities.AsNoTracking()
            .Where(a => a.Id == id && visible.Contains(a.UnitId))
            .Select(a => new
            {
                a.Id,
                a.Kind,
                a.Date,
                a.UnitId,
                UnitName = a.Unit!.Name,
                a.Title,
                a.Presenters,
                a.Topics,
                a.Decisions,
                a.FollowUpActions,
                a.Audience,
                a.HeadCount,
                a.ReviewedItem,
                a.Reviewer,
                a.ReviewOutcome,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (activity is null)
        {
            return null;
        }

        var attendees = await Attendees(db.ActivityAttendances.Where(at => at.ActivityId == id)).ToListAsync(cancellationToken);
        var evidence = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.ActivityId == id)
            .OrderBy(f => f.UploadedAtUtc)
            .ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAtUtc, f.UploadedBy })
            .ToListAsync(cancellationToken);
        var code = ActivityKinds.DutyCode(activity.Kind);
        var duty = await db.DutyItems.AsNoTracking()
            .Where(d => d.Code == code && db.Regulations.Any(r => r.Id == d.RegulationId && r.IsCurrent))
            .Select(d => new { d.Text, d.SummaryEn })
            .FirstOrDefaultAsync(cancellationToken);
        var canEdit = await CanChangeUnitAsync(activity.UnitId, cancellationToken);
        var zone = clock.LocalTimeZone;
        return new ActivityDetails(
            activity.Id,
            activity.Kind,
            duty?.Text,
            duty?.SummaryEn,
            activity.Date,
            activity.UnitId,
            activity.UnitName,
            activity.Title,
            activity.Presenters,
            activity.Topics,
            activity.Decisions,
            activity.FollowUpActions,
            activity.Audience,
            activity.HeadCount,
            activity.ReviewedItem,
            activity.Reviewer,
            ParseOutcome(activity.ReviewOutcome),
            InTeamOrder(attendees.Select(x => x.Attendee)),
            [.. evidence.Select(f => new EvidenceFileItem(
                f.Id,
                f.FileName,
                f.ContentType,
                f.Size,
                f.Sha256,
                TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(f.UploadedAtUtc, DateTimeKind.Utc), zone),
                f.UploadedBy))],
            canEdit);
    }

    /// <summary>
    /// The form for a new activity: <paramref name="unitId"/> preselected when the account may record for it (a unit
    /// leader's own unit always), <paramref name="kind"/> preselected, today's date, and the account's own posting
    /// ticked when it is a leader on the team. Refused to read-only roles.
    /// </summary>
    public async Task<ActivityForm> NewAsync(int? unitId, ActivityKind? kind, CancellationToken cancellationToken = default)
    {
        ActivityAccess.RequireRecorder(user);
        // The unit asked for when the account may record for it, else the account's only unit (a unit leader's own).
        var units = await UnitChoicesAsync([unitId], cancellationToken);
        if (units.Count == 0)
        {
            var writable = await ActivityAccess.WritableUnitIds(db, jurisdiction, user).Take(2).ToListAsync(cancellationToken);
            units = writable.Count == 1 ? await UnitChoicesAsync([writable[0]], cancellationToken) : [];
        }

        var chosen = units.Count == 1 ? units[0].Id : 0;
        var input = new ActivityInput
        {
            Kind = kind is { } k && Enum.IsDefined(k) ? k : null,
            UnitId = chosen,
            Date = LocalDate.Today(clock),
        };
        LeadershipTeam? team = null;
        if (chosen > 0)
        {
            team = await postings.LeadershipAsync(chosen, input.Date, cancellationToken);
            var ownLeaderId = await db.Users.AsNoTracking().Where(u => u.Id == user.UserId).Select(u => u.LeaderId).SingleOrDefaultAsync(cancellationToken);
            input.PostingIds = [.. Members(team).Where(m => m.LeaderId == ownLeaderId).Select(m => m.PostingId)];
        }

        return new ActivityForm(null, input, units, team);
    }

    /// <summary>
    /// The form again for <paramref name="input"/> as posted: after a refused save, or to refresh the attendees when
    /// the unit or the date has changed. Null when <paramref name="activityId"/> is given and the account may not change it.
    /// </summary>
    public async Task<ActivityForm?> FormAsync(ActivityInput input, int? activityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ActivityAccess.RequireRecorder(user);
        if (activityId is { } id && await FindForWriteAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var units = await UnitChoicesAsync([input.UnitId], cancellationToken);
        var team = input.Date is { } date && units.Exists(u => u.Id == input.UnitId)
            ? await postings.LeadershipAsync(input.UnitId, date, cancellationToken)
            : null;
        return new ActivityForm(activityId, input, units, team);
    }

    /// <summary>Records an activity with its attendance and any evidence files, in one save. The value is its id.</summary>
    public async Task<Result<int>> CreateAsync(ActivityInput input, IReadOnlyList<EvidenceUpload> evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(evidence);
        ActivityAccess.RequireRecorder(user);
        var errors = new List<FieldError>();
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (validation.IsValid)
        {
            errors.AddRange(await CheckUnitAndAttendanceAsync(input, cancellationToken));
        }
        else
        {
            errors.AddRange(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));
        }

        // The files are checked even when the fields are not, so that every problem shows at once.
        var now = clock.GetUtcNow().UtcDateTime;
        var intake = await EvidenceIntake.ReadAsync(evidence, ActivityEvidenceService.Field, l, Uploader(), now, cancellationToken);
        errors.AddRange(intake.Errors);
        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var activity = new Activity { CreatedAtUtc = now };
        input.ApplyTo(activity);
        foreach (var postingId in input.PostingIds.Distinct())
        {
            activity.Attendance.Add(new ActivityAttendance { PostingId = postingId });
        }

        foreach (var file in intake.Files)
        {
            activity.Evidence.Add(file);
        }

        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(activity.Id);
    }

    /// <summary>The activity's form; null when it does not exist or the account may not change it. Refused to read-only roles.</summary>
    public async Task<ActivityForm?> GetForEditAsync(int id, CancellationToken cancellationToken = default)
    {
        ActivityAccess.RequireRecorder(user);
        var writable = ActivityAccess.WritableUnitIds(db, jurisdiction, user);
        var activity = await db.Activities.AsNoTracking()
            .Include(a => a.Attendance)
            .Where(a => a.Id == id && writable.Contains(a.UnitId))
            .SingleOrDefaultAsync(cancellationToken);
        if (activity is null)
        {
            return null;
        }

        var input = ActivityInput.From(activity, activity.Attendance.Select(x => x.PostingId));
        var units = await UnitChoicesAsync([activity.UnitId], cancellationToken);
        var team = await postings.LeadershipAsync(activity.UnitId, activity.Date, cancellationToken);
        return new ActivityForm(id, input, units, team, activity.Version);
    }

    /// <summary>
    /// Changes an activity and its attendance in one save, over the <paramref name="version"/> the form was opened on (a
    /// conflict when someone else saved it since, attendance included); null when it does not exist or the account may not
    /// change it.
    /// </summary>
    public async Task<Result?> UpdateAsync(int id, int version, ActivityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ActivityAccess.RequireRecorder(user);
        var activity = await FindForWriteAsync(id, cancellationToken);
        if (activity is null)
        {
            return null;
        }

        if (!Versions.Allows(activity.Version, version))
        {
            return await ConflictAsync(id, input, cancellationToken);
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var errors = await CheckUnitAndAttendanceAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        input.ApplyTo(activity);
        var chosen = input.PostingIds.ToHashSet();
        foreach (var gone in activity.Attendance.Where(x => !chosen.Contains(x.PostingId)).ToList())
        {
            db.ActivityAttendances.Remove(gone);
        }

        foreach (var postingId in chosen.Where(p => !activity.Attendance.Any(x => x.PostingId == p)))
        {
            activity.Attendance.Add(new ActivityAttendance { PostingId = postingId });
        }

        // The attendance rows are the activity's own: a change of them alone raises its version too.
        return await db.TrySaveOverAsync(activity, version, cancellationToken) ? Result.Success() : await ConflictAsync(id, input, cancellationToken);
    }

    /// <summary>The activity as stored now, with who was present, beside the form's values: nothing was saved.</summary>
    private async Task<Result> ConflictAsync(int id, ActivityInput yours, CancellationToken cancellationToken)
    {
        var stored = await db.Activities.AsNoTracking().Include(a => a.Attendance).SingleAsync(a => a.Id == id, cancellationToken);
        var conflict = await db.ConflictAsync(new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        var theirs = ActivityInput.From(stored, stored.Attendance.Select(x => x.PostingId));
        var postingIds = theirs.PostingIds.Concat(yours.PostingIds).Distinct().ToList();
        var unitIds = new[] { theirs.UnitId, yours.UnitId };
        var names = await db.Postings.AsNoTracking()
            .Where(p => postingIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Role, p.Leader!.Name })
            .ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        List<string> Present(IEnumerable<int> ids) =>
            [.. names.Where(n => ids.Contains(n.Id)).OrderBy(n => n.Role).ThenBy(n => n.Name, StringComparer.Ordinal).Select(n => n.Name)];
        return Result.Failure(conflict
            .Field(l["Kind of activity"], theirs.Kind, yours.Kind)
            .Field(l["Unit"], units.GetValueOrDefault(theirs.UnitId), units.GetValueOrDefault(yours.UnitId))
            .Field(l["Date"], theirs.Date, yours.Date)
            .Field(l["Present from the unit's leadership"], Present(theirs.PostingIds), Present(yours.PostingIds))
            .Field(l["Title"], theirs.Title, yours.Title)
            .Field(l["Presented or reported by"], theirs.Presenters, yours.Presenters)
            .Field(l["Topics"], theirs.Topics, yours.Topics)
            .Field(l["Decisions (optional)"], theirs.Decisions, yours.Decisions)
            .Field(l["Follow-up actions (optional)"], theirs.FollowUpActions, yours.FollowUpActions)
            .Field(l["Audience"], theirs.Audience, yours.Audience)
            .Field(l["Head count"], theirs.HeadCount, yours.HeadCount)
            .Field(l["Item reviewed"], theirs.ReviewedItem, yours.ReviewedItem)
            .Field(l["Reviewer"], theirs.Reviewer, yours.Reviewer)
            .Field(l["Outcome"], theirs.ReviewOutcome, yours.ReviewOutcome));
    }

    private IQueryable<Activity> Filtered(ActivityFilter filter, bool pageByDate = false)
    {
        // For a page, EXISTS per row: the default order then reads the date index newest first and stops at the page,
        // where IN (the jurisdiction's units) sorts every activity of a province first. For the count, IN: it counts
        // from the unit index alone, where EXISTS probes the jurisdiction for every activity, and only up to a window
        // past the page (Paging.CountUpToAsync; issue 10, measured).
        var visible = jurisdiction.UnitIds();
        var query = pageByDate
            ? db.Activities.AsNoTracking().Where(a => visible.Any(id => id == a.UnitId))
            : db.Activities.AsNoTracking().Where(a => visible.Contains(a.UnitId));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(a => a.Title.Contains(term) || a.Topics.Contains(term));
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(a => a.UnitId == unitId);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        if (filter.Year is { } year && year is >= 1 and <= 9999)
        {
            var (from, to) = filter.Half switch
            {
                1 => (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)),
                2 => (new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)),
                _ => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            };
            query = query.Where(a => a.Date >= from && a.Date <= to);
        }

        return query;
    }

    private static IQueryable<Activity> Sorted(IQueryable<Activity> query, ActivitySort sort, SortDirection direction)
    {
        var ordered = sort switch
        {
            ActivitySort.Kind => query.OrderBy(KindOrder, direction).ThenByDescending(a => a.Date),
            ActivitySort.Unit => query.OrderBy(a => a.Unit!.Name, direction).ThenByDescending(a => a.Date),
            _ => query.OrderBy(a => a.Date, direction),
        };

        // A total order, so that pages neither repeat nor skip an activity.
        return ordered.ThenByDescending(a => a.Id);
    }

    private static IQueryable<AttendeeRow> Attendees(IQueryable<ActivityAttendance> attendance) =>
        attendance.AsNoTracking().Select(at => new AttendeeRow(
            at.ActivityId,
            new ActivityAttendee(at.PostingId, at.Posting!.LeaderId, at.Posting.Leader!.Name, at.Posting.Role, at.Posting.Title)));

    /// <summary>Principal leaders first, then the leader in charge of secrecy, then the other members (arts. 5–7).</summary>
    private static List<ActivityAttendee> InTeamOrder(IEnumerable<ActivityAttendee> attendees) =>
        [.. attendees.OrderBy(a => a.Role).ThenBy(a => a.LeaderName, StringComparer.Ordinal)];

    private static PublicationReviewOutcome? ParseOutcome(string? stored) =>
        Enum.TryParse<PublicationReviewOutcome>(stored, out var outcome) ? outcome : null;

    private static IEnumerable<TeamMember> Members(LeadershipTeam? team) =>
        team is null ? [] : team.PrincipalLeaders.Concat(team.SecrecyLeaders).Concat(team.OtherMembers);

    /// <summary>
    /// The units among <paramref name="chosen"/> the account may record for: the form's unit field is a search-as-you-type
    /// picker, never a list of every unit (issue 10).
    /// </summary>
    private async Task<List<UnitChoice>> UnitChoicesAsync(IEnumerable<int?> chosen, CancellationToken cancellationToken)
    {
        var ids = chosen.OfType<int>().Where(id => id > 0).Distinct().ToList();
        var writable = ActivityAccess.WritableUnitIds(db, jurisdiction, user);
        return await db.Units.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && writable.Contains(u.Id))
            .OrderByDescending(u => u.IsActive)
            .ThenBy(u => u.Code)
            .Select(u => new UnitChoice(u.Id, u.Code, u.Name, u.IsActive))
            .ToListAsync(cancellationToken);
    }

    private Task<bool> CanChangeUnitAsync(int unitId, CancellationToken cancellationToken) =>
        CanRecord
            ? ActivityAccess.WritableUnitIds(db, jurisdiction, user).AnyAsync(id => id == unitId, cancellationToken)
            : Task.FromResult(false);

    private Task<Activity?> FindForWriteAsync(int id, CancellationToken cancellationToken)
    {
        var writable = ActivityAccess.WritableUnitIds(db, jurisdiction, user);
        return db.Activities.Include(a => a.Attendance).Where(a => a.Id == id && writable.Contains(a.UnitId)).SingleOrDefaultAsync(cancellationToken);
    }

    private string Uploader() => user.UserName ?? user.UserId ?? "";

    /// <summary>The unit must be one the account records for; the postings present must be the unit's leadership on the date (arts. 5, 6).</summary>
    private async Task<List<FieldError>> CheckUnitAndAttendanceAsync(ActivityInput input, CancellationToken cancellationToken)
    {
        if (!await CanChangeUnitAsync(input.UnitId, cancellationToken))
        {
            return [new FieldError(nameof(ActivityInput.UnitId), l["Choose a unit within your jurisdiction."])];
        }

        var date = input.Date!.Value;
        var team = await postings.LeadershipAsync(input.UnitId, date, cancellationToken);
        var members = Members(team).ToList();
        var problems = ActivityAttendanceRules.Check(
            input.Kind!.Value,
            [.. members.Select(m => new TeamPosting(m.PostingId, m.Role, m.LeadsSecrecyWork))],
            [.. input.PostingIds.Distinct()]);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string field = nameof(ActivityInput.PostingIds);
        return [.. problems.Select(problem => new FieldError(field, problem switch
        {
            AttendanceProblem.PostingNotHeldOnDate =>
                l["A chosen posting did not hold in this unit on {0}: refresh the attendees and choose among the unit's leadership on that date.", day],
            AttendanceProblem.NoPrincipalLeaderOnDate =>
                l["Nobody held a principal leader's posting in this unit on {0}, and the principal leader(s) hear the secrecy organization's report (P5.3): check the date, or record the leadership team first.", day],
            AttendanceProblem.NoPrincipalLeaderPresent =>
                l["The principal leader(s) hear the secrecy organization's report (P5.3): tick at least one principal leader present."],
            _ => l["The leader in charge of secrecy work chairs the member meeting (S6.5): tick {0} present.", string.Join("、", members.Where(m => m.ChargesSecrecyWork).Select(m => m.LeaderName))],
        }))];
    }

    private sealed record AttendeeRow(int ActivityId, ActivityAttendee Attendee);
}
