using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Core.Incidents;

/// <summary>
/// Incident files: the secrecy office registers them and takes them through investigation to discipline review; the
/// discipline officials decide and close. Reading is checked in SQL: the jurisdiction and the role, or a grant on the file
/// (need to know, or a leader asked for a statement); every opening is recorded.
/// </summary>
public sealed class IncidentService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<IncidentInput> validator,
    IncidentSettings settings,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public bool CanRegister => IncidentAccess.CanRegister(user);

    public int ReportingHours => settings.ReportingHours;

    /// <summary>The files the account may open, the latest discovered first; a unit leader sees only files naming the leader.</summary>
    public async Task<PagedList<IncidentListItem>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var query = Openable().AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.DiscoveredAtUtc).ThenByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new
            {
                i.Id,
                i.Title,
                Unit = new InspectionUnit(i.UnitId, i.Unit!.Code, i.Unit!.Name),
                i.Classification,
                i.Status,
                i.DiscoveredAtUtc,
                i.ReportedToSecrecyDepartmentAtUtc,
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new PagedList<IncidentListItem>(
            [.. rows.Select(r => new IncidentListItem(r.Id, r.Title, r.Unit, r.Classification, r.Status, r.DiscoveredAtUtc, r.ReportedToSecrecyDepartmentAtUtc, IncidentRules.ClockOn(r.DiscoveredAtUtc, r.ReportedToSecrecyDepartmentAtUtc, settings.ReportingHours, now)))],
            page,
            pageSize,
            total);
    }

    /// <summary>Opens a file and records who opened it, and when; null when the account may not open it (as if it did not exist).</summary>
    public async Task<IncidentDetails?> OpenAsync(int id, CancellationToken cancellationToken = default)
    {
        var incident = await Openable().AsNoTracking()
            .Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id,
                i.Title,
                Unit = new InspectionUnit(i.UnitId, i.Unit!.Code, i.Unit!.Name),
                i.OccurredOn,
                i.DiscoveredAtUtc,
                i.ReportedToSecrecyDepartmentAtUtc,
                i.Classification,
                i.LeakType,
                i.Carrier,
                i.Description,
                i.Status,
                i.RestrictedToNamedAccounts,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.IncidentOpenings.Add(new IncidentOpening { IncidentId = id, UserId = user.UserId ?? "", UserName = user.UserName ?? user.UserId ?? "", AtUtc = now });
        await db.SaveChangesAsync(cancellationToken);

        var history = await db.IncidentTransitions.AsNoTracking().Where(t => t.IncidentId == id).OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
            .Select(t => new IncidentStep(t.Action, t.ToStatus, t.AtUtc, t.By, t.Note)).ToListAsync(cancellationToken);
        var openings = await db.IncidentOpenings.AsNoTracking().Where(o => o.IncidentId == id).OrderByDescending(o => o.AtUtc).ThenByDescending(o => o.Id).Take(20)
            .Select(o => new IncidentOpened(o.UserName, o.AtUtc)).ToListAsync(cancellationToken);
        var next = Enum.GetValues<IncidentAction>()
            .Where(a => IncidentRules.Next(incident.Status, a) is not null && MayTake(a))
            .ToList();
        return new IncidentDetails(
            incident.Id,
            incident.Title,
            incident.Unit,
            incident.OccurredOn,
            incident.DiscoveredAtUtc,
            incident.ReportedToSecrecyDepartmentAtUtc,
            IncidentRules.ReportDeadline(incident.DiscoveredAtUtc, settings.ReportingHours),
            IncidentRules.ClockOn(incident.DiscoveredAtUtc, incident.ReportedToSecrecyDepartmentAtUtc, settings.ReportingHours, now),
            incident.Classification,
            incident.LeakType,
            incident.Carrier,
            incident.Description,
            incident.Status,
            incident.RestrictedToNamedAccounts,
            history,
            openings,
            next);
    }

    /// <summary>Registers a file in the account's jurisdiction; the value is its id. The registrar is named on it.</summary>
    public async Task<Result<int>> RegisterAsync(IncidentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        IncidentAccess.RequireRegistrar(user);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        if (input.UnitId > 0 && !await jurisdiction.IncludesUnitAsync(input.UnitId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(IncidentInput.UnitId), l["Choose a unit within your jurisdiction."]));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var incident = new Incident
        {
            UnitId = input.UnitId,
            Title = input.Title.Trim(),
            OccurredOn = input.OccurredOn,
            DiscoveredAtUtc = ToUtc(input.DiscoveredAt!.Value),
            ReportedToSecrecyDepartmentAtUtc = input.ReportedToSecrecyDepartmentAt is { } r ? ToUtc(r) : null,
            Classification = input.Classification!.Value,
            LeakType = input.LeakType!.Value,
            Carrier = input.Carrier!.Value,
            Description = input.Description.Trim(),
            Status = IncidentStatus.Registered,
            RestrictedToNamedAccounts = input.RestrictedToNamedAccounts,
            CreatedAtUtc = now,
            CreatedBy = Actor(),
        };
        incident.Transitions.Add(new IncidentTransition { Action = IncidentAction.Register, ToStatus = IncidentStatus.Registered, AtUtc = now, By = Actor() });
        if (user.UserId is { } id)
        {
            incident.Grants.Add(new IncidentGrant { UserId = id });
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(incident.Id);
    }

    /// <summary>Takes the file one step further; refused with the reason when the step is not the next one or not the account's.</summary>
    public async Task<Result?> AdvanceAsync(int id, IncidentAction action, string? note, CancellationToken cancellationToken = default)
    {
        if (!IncidentAccess.CanReadIncidents(user))
        {
            throw new AccessDeniedException();
        }

        var openable = Openable();
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id && openable.Any(o => o.Id == i.Id), cancellationToken);
        if (incident is null)
        {
            return null;
        }

        if (!MayTake(action))
        {
            throw new AccessDeniedException();
        }

        if (IncidentRules.Next(incident.Status, action) is not { } next)
        {
            return Result.Failure(new FieldError("", l["This step does not follow from where the file stands: files go from registered through investigation and discipline review to decided and closed, one step at a time."]));
        }

        incident.Status = next;
        db.IncidentTransitions.Add(new IncidentTransition { IncidentId = id, Action = action, ToStatus = next, AtUtc = clock.GetUtcNow().UtcDateTime, By = Actor(), Note = Text.Clean(note) });
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The secrecy office investigates and sends to review; the discipline officials decide and close.</summary>
    private bool MayTake(IncidentAction action) => action switch
    {
        IncidentAction.StartInvestigation or IncidentAction.SendToDisciplineReview => IncidentAccess.CanRegister(user),
        IncidentAction.Decide or IncidentAction.Close => IncidentAccess.CanDecide(user),
        _ => false,
    };

    /// <summary>The files the account may open, in SQL (<see cref="IncidentAccess.MayOpen"/>).</summary>
    private IQueryable<Incident> Openable()
    {
        var readsByRole = IncidentAccess.CanReadIncidents(user);
        var visible = jurisdiction.UnitIds();
        var userId = user.UserId ?? "";
        return db.Incidents
            .Where(i => i.Grants.Any(g => g.UserId == userId) || (readsByRole && !i.RestrictedToNamedAccounts && visible.Contains(i.UnitId)));
    }

    private DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clock.LocalTimeZone);

    private string Actor() => user.UserName ?? user.UserId ?? "";
}
