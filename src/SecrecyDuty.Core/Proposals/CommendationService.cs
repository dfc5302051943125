using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Proposals;

/// <summary>Art. 10: commendations of leaders and units, recorded by the secrecy office, read within the jurisdiction.</summary>
public sealed class CommendationService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<CommendationInput> validator,
    LeaderLookupService leaders,
    UnitLookupService units,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public bool CanCommend => ProposalAccess.CanCommend(user);

    public async Task<PagedList<CommendationListItem>> ListAsync(int? year, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var visible = jurisdiction.UnitIds();
        var query = db.Commendations.AsNoTracking().Where(c => visible.Contains(c.UnitId));
        if (year is { } y)
        {
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            query = query.Where(c => c.IssuedOn >= first && c.IssuedOn <= last);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CommendationListItem(c.Id, c.LeaderId == null ? null : c.Leader!.Name, new InspectionUnit(c.UnitId, c.Unit!.Code, c.Unit!.Name), c.Reason, c.IssuedBy, c.IssuedOn, c.DocumentNumber))
            .ToListAsync(cancellationToken);
        return new PagedList<CommendationListItem>(items, page, pageSize, total);
    }

    /// <summary>A new commendation's form, dated today.</summary>
    public CommendationForm New()
    {
        ProposalAccess.RequireCommender(user);
        return new CommendationForm(new CommendationInput { IssuedOn = LocalDate.Today(clock) }, null, null);
    }

    /// <summary>The form again with what was entered (after errors), the chosen leader and unit looked up within the jurisdiction.</summary>
    public async Task<CommendationForm> FormAsync(CommendationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var leader = input.LeaderId is > 0 ? await leaders.FindAsync(input.LeaderId.Value, cancellationToken) : null;
        var unit = input.UnitId > 0 ? await units.FindAsync(input.UnitId, UnitLookupScope.Jurisdiction, cancellationToken) : null;
        return new CommendationForm(input, leader, unit);
    }

    /// <summary>Records a commendation of a leader (in the leader's unit) or of a unit; the value is its id.</summary>
    public async Task<Result<int>> CreateAsync(CommendationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ProposalAccess.RequireCommender(user);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        var visible = jurisdiction.UnitIds();
        int? unitId = null;
        if (input.LeaderId is > 0)
        {
            unitId = await db.Leaders.AsNoTracking().Where(x => x.Id == input.LeaderId && visible.Contains(x.UnitId)).Select(x => (int?)x.UnitId).SingleOrDefaultAsync(cancellationToken);
            if (unitId is null)
            {
                errors.Add(new FieldError(nameof(CommendationInput.LeaderId), l["Choose a leader within your jurisdiction."]));
            }
        }
        else if (input.UnitId > 0)
        {
            unitId = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId && visible.Contains(u.Id)).Select(u => (int?)u.Id).SingleOrDefaultAsync(cancellationToken);
            if (unitId is null)
            {
                errors.Add(new FieldError(nameof(CommendationInput.UnitId), l["Choose a unit within your jurisdiction."]));
            }
        }

        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var commendation = new Commendation
        {
            UnitId = unitId!.Value,
            LeaderId = input.LeaderId is > 0 ? input.LeaderId : null,
            Reason = input.Reason.Trim(),
            IssuedBy = input.IssuedBy.Trim(),
            IssuedOn = input.IssuedOn!.Value,
            DocumentNumber = Text.Clean(input.DocumentNumber),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName ?? user.UserId ?? "",
        };
        db.Commendations.Add(commendation);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(commendation.Id);
    }
}
