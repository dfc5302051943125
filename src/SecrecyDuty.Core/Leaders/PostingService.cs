using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Leaders;

/// <summary>
/// Postings (arts. 5–7). Records of responsibility refer to the posting that held at the time, so a posting is
/// never deleted: it is ended. Maintainers write postings whose unit and leader are both in their jurisdiction.
/// </summary>
public sealed class PostingService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<PostingInput> validator,
    IValidator<EndPostingInput> endValidator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public bool CanMaintain => LeaderAccess.CanMaintain(user);

    /// <summary>
    /// The form for a new posting of <paramref name="leaderId"/>, or (no leader) in <paramref name="unitId"/>;
    /// null when the leader is outside the jurisdiction. Refused to read-only roles.
    /// </summary>
    public async Task<NewPostingForm?> NewAsync(int? leaderId, int? unitId, CancellationToken cancellationToken = default)
    {
        LeaderAccess.RequireMaintainer(user);
        LeaderSummary? leader = null;
        if (leaderId is { } id)
        {
            leader = await LeaderSummaryAsync(id, cancellationToken);
            if (leader is null)
            {
                return null;
            }
        }

        var units = await LeaderChoices.UnitsAsync(db, jurisdiction, [unitId], cancellationToken);
        var input = new PostingInput
        {
            LeaderId = leader?.Id ?? 0,
            UnitId = unitId is { } u && units.Exists(c => c.Id == u) ? u : 0,
            From = LocalDate.Today(clock),
        };
        return new NewPostingForm(leader, input, units);
    }

    /// <summary>Creates a posting; the value is its id. Null when the leader given by id is outside the jurisdiction.</summary>
    public async Task<Result<int>?> CreateAsync(PostingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LeaderAccess.RequireMaintainer(user);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Failure(validation);
        }

        var visible = jurisdiction.UnitIds();
        var leaders = db.Leaders.AsNoTracking().Where(x => visible.Contains(x.UnitId));
        var byId = input.LeaderId > 0;
        var staffNumber = input.LeaderStaffNumber?.Trim() ?? "";
        var leader = await (byId ? leaders.Where(x => x.Id == input.LeaderId) : leaders.Where(x => x.StaffNumber == staffNumber))
            .Select(x => new { x.Id, x.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (leader is null)
        {
            return byId
                ? null
                : Result<int>.Failure(new FieldError(nameof(PostingInput.LeaderStaffNumber), l["No leader in your jurisdiction has this staff number: check the number."]));
        }

        if (!leader.IsActive)
        {
            return Result<int>.Failure(new FieldError(
                byId ? "" : nameof(PostingInput.LeaderStaffNumber),
                l["This leader is deactivated: reactivate the leader before adding a posting."]));
        }

        var errors = await CheckTermsAsync(input, id: 0, leader.Id, cancellationToken);
        if (errors.Length > 0)
        {
            return Result<int>.Failure(errors);
        }

        var posting = new Posting { LeaderId = leader.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        input.ApplyTo(posting);
        db.Postings.Add(posting);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(posting.Id);
    }

    /// <summary>
    /// The posting's form; null when its unit or its leader is outside the jurisdiction. Refused to read-only roles.
    /// <paramref name="chosenUnitId"/>: the unit the form chose instead, when shown again with errors.
    /// </summary>
    public async Task<PostingEditForm?> GetForEditAsync(int id, int? chosenUnitId = null, CancellationToken cancellationToken = default)
    {
        LeaderAccess.RequireMaintainer(user);
        var posting = await LeaderAccess.WritablePostings(db.Postings.AsNoTracking(), jurisdiction)
            .Where(p => p.Id == id)
            .Select(p => new
            {
                Leader = new LeaderSummary(p.LeaderId, p.Leader!.Name, p.Leader.StaffNumber, p.Leader.Unit!.Name),
                p.UnitId,
                p.Role,
                p.LeadsSecrecyWork,
                p.Title,
                p.Portfolio,
                p.From,
                p.To,
                p.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (posting is null)
        {
            return null;
        }

        var input = new PostingInput
        {
            LeaderId = posting.Leader.Id,
            UnitId = posting.UnitId,
            Role = posting.Role,
            LeadsSecrecyWork = posting.LeadsSecrecyWork,
            Title = posting.Title,
            Portfolio = posting.Portfolio,
            From = posting.From,
            To = posting.To,
        };
        var units = await LeaderChoices.UnitsAsync(db, jurisdiction, [posting.UnitId, chosenUnitId], cancellationToken);
        return new PostingEditForm(id, posting.Leader, input, posting.To is null, LocalDate.Today(clock), units, posting.Version);
    }

    /// <summary>
    /// Corrects a posting's terms (its leader stays) over the <paramref name="version"/> the form was opened on; the value is
    /// the leader's id. Null when outside the jurisdiction.
    /// </summary>
    public async Task<Result<int>?> UpdateAsync(int id, int version, PostingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LeaderAccess.RequireMaintainer(user);
        var posting = await FindForWriteAsync(id, cancellationToken);
        if (posting is null)
        {
            return null;
        }

        if (!Versions.Allows(posting.Version, version))
        {
            return await EditConflictAsync(id, input, cancellationToken);
        }

        input.LeaderId = posting.LeaderId;
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Failure(validation);
        }

        var errors = await CheckTermsAsync(input, id, posting.LeaderId, cancellationToken);
        if (errors.Length > 0)
        {
            return Result<int>.Failure(errors);
        }

        input.ApplyTo(posting);
        var leaderId = posting.LeaderId;
        return await db.TrySaveOverAsync(posting, version, cancellationToken) ? Result<int>.Success(leaderId) : await EditConflictAsync(id, input, cancellationToken);
    }

    /// <summary>
    /// Ends a posting that still holds, over the <paramref name="version"/> the page was opened on: its last day becomes
    /// <see cref="EndPostingInput.To"/>. The value is the leader's id.
    /// </summary>
    public async Task<Result<int>?> EndAsync(int id, int version, EndPostingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LeaderAccess.RequireMaintainer(user);
        var posting = await FindForWriteAsync(id, cancellationToken);
        if (posting is null)
        {
            return null;
        }

        if (!Versions.Allows(posting.Version, version))
        {
            return await EndConflictAsync(id, input, cancellationToken);
        }

        var validation = await endValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Failure(validation);
        }

        if (posting.To is { } ended)
        {
            return Result<int>.Failure(new FieldError(nameof(EndPostingInput.To), l["This posting ended on {0} already: correct its dates in the form above if needed.", ended.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]));
        }

        var period = new PostingPeriod(posting.Id, posting.LeaderId, posting.UnitId, posting.Role, posting.From, input.To, posting.LeadsSecrecyWork);
        var errors = await PostingChecks.CheckAsync(db, l, period, "", cancellationToken);
        if (errors.Length > 0)
        {
            return Result<int>.Failure(errors);
        }

        posting.To = input.To;
        var leaderId = posting.LeaderId;
        return await db.TrySaveOverAsync(posting, version, cancellationToken) ? Result<int>.Success(leaderId) : await EndConflictAsync(id, input, cancellationToken);
    }

    /// <summary>The posting as stored now beside the edit form's values: nothing was saved.</summary>
    private async Task<Result<int>> EditConflictAsync(int id, PostingInput yours, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(id, cancellationToken);
        var visible = jurisdiction.UnitIds();
        var yourUnit = await db.Units.AsNoTracking().Where(u => u.Id == yours.UnitId && visible.Contains(u.Id)).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        return Result<int>.Failure(conflict
            .Field(l["Unit of the posting"], stored.UnitName, yourUnit)
            .Field(l["Role in the leadership team"], stored.Role, yours.Role)
            .Field(l["Title of the post"], stored.Title, yours.Title)
            .Field(l["Also in charge of secrecy work (分管保密工作)"], stored.LeadsSecrecyWork, yours.LeadsSecrecyWork)
            .Field(l["Portfolio (business lines supervised)"], stored.Portfolio, yours.Portfolio)
            .Field(l["From"], stored.From, yours.From)
            .Field(l["To (empty while the posting holds)"], stored.To, yours.To));
    }

    private async Task<Result<int>> EndConflictAsync(int id, EndPostingInput yours, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(id, cancellationToken);
        return Result<int>.Failure(conflict
            .Stored(l["Unit of the posting"], stored.UnitName)
            .Stored(l["Role in the leadership team"], stored.Role)
            .Stored(l["Title of the post"], stored.Title)
            .Stored(l["From"], stored.From)
            .Field(l["Last day in the post"], stored.To, yours.To));
    }

    /// <summary>The posting as stored now (a unit outside the jurisdiction is not named), for a conflict.</summary>
    private async Task<(StoredPosting Posting, EditConflict Conflict)> StoredAsync(int id, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        var stored = await db.Postings.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new StoredPosting(
                visible.Contains(p.UnitId) ? p.Unit!.Name : null,
                p.Role,
                p.Title,
                p.LeadsSecrecyWork,
                p.Portfolio,
                p.From,
                p.To,
                new VersionStamp(p.Version, p.SavedAtUtc, p.SavedBy)))
            .SingleAsync(cancellationToken);
        return (stored, await db.ConflictAsync(stored.Stamp, cancellationToken));
    }

    private sealed record StoredPosting(string? UnitName, PostingRole Role, string Title, bool LeadsSecrecyWork, string? Portfolio, DateOnly From, DateOnly? To, VersionStamp Stamp);

    /// <summary>The unit's leadership team on <paramref name="date"/> (default today); null when the unit is outside the jurisdiction.</summary>
    public async Task<LeadershipTeam?> LeadershipAsync(int unitId, DateOnly? date, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == unitId && visible.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var day = date ?? LocalDate.Today(clock);
        var members = await db.Postings.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.From <= day && (p.To == null || p.To >= day))
            .OrderBy(p => p.From)
            .ThenBy(p => p.Leader!.Name)
            .Select(p => new TeamMember(
                p.Id,
                p.LeaderId,
                p.Leader!.Name,
                p.Leader.Rank,
                visible.Contains(p.Leader.UnitId),
                p.Role,
                p.LeadsSecrecyWork,
                p.Title,
                p.Portfolio,
                p.From,
                p.To))
            .ToListAsync(cancellationToken);
        return new LeadershipTeam(
            unit.Id,
            unit.Name,
            unit.Kind,
            day,
            [.. members.Where(m => m.Role == PostingRole.PrincipalLeader)],
            [.. members.Where(m => m.Role == PostingRole.SecrecyLeader)],
            [.. members.Where(m => m.Role == PostingRole.OtherMember)],
            CanMaintain);
    }

    private Task<LeaderSummary?> LeaderSummaryAsync(int leaderId, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        return db.Leaders.AsNoTracking()
            .Where(x => x.Id == leaderId && visible.Contains(x.UnitId))
            .Select(x => new LeaderSummary(x.Id, x.Name, x.StaffNumber, x.Unit!.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A posting to change: both its unit and its leader's record in the jurisdiction.</summary>
    private Task<Posting?> FindForWriteAsync(int id, CancellationToken cancellationToken) =>
        LeaderAccess.WritablePostings(db.Postings, jurisdiction)
            .Where(p => p.Id == id)
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<FieldError[]> CheckTermsAsync(PostingTerms terms, int id, int leaderId, CancellationToken cancellationToken)
    {
        if (!await jurisdiction.IncludesUnitAsync(terms.UnitId, cancellationToken))
        {
            return [new FieldError(nameof(PostingTerms.UnitId), l["Choose a unit within your jurisdiction."])];
        }

        return await PostingChecks.CheckAsync(db, l, terms.ToPeriod(id, leaderId), "", cancellationToken);
    }
}
