using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>
/// A unit's secrecy organization (P5.2: established, staffed with secrecy cadres, given facilities and
/// funds; S6.1: led by the leader in charge of secrecy work). One per unit: saving creates it the first
/// time and updates it afterwards.
/// </summary>
public sealed class SecrecyOrganizationService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<SecrecyOrganizationInput> validator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    /// <summary>The unit's organization page, or null when the unit does not exist or lies outside the jurisdiction.</summary>
    public async Task<SecrecyOrganizationView?> GetAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var unit = await UnitHeadings.FindAsync(db, jurisdiction, unitId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var today = LocalDate.Today(clock);
        var organization = await db.SecrecyOrganizations.AsNoTracking()
            .Where(o => o.UnitId == unitId)
            .Select(o => new
            {
                o.Id,
                o.Kind,
                o.EstablishedOn,
                ChairName = o.ChairLeader == null ? null : o.ChairLeader.Name,
                ChairTitle = db.Postings
                    .Where(p => p.LeaderId == o.ChairLeaderId && p.UnitId == o.UnitId && p.From <= today && (p.To == null || p.To >= today))
                    .Select(p => p.Title)
                    .FirstOrDefault(),
                o.OfficeName,
                o.OfficeHead,
                o.OfficePhone,
                o.AnnualBudget,
                o.BudgetYear,
                o.Facilities,
                Members = o.Members.OrderBy(m => m.Id).Select(m => new OrganizationMemberView(m.Name, m.Position, m.LeaderId != null)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return new SecrecyOrganizationView(unit, SecrecyOrganizationAccess.CanMaintain(user), null);
        }

        // Cadres apart from members: one query per collection instead of their cross product.
        var cadres = await db.SecrecyCadres.AsNoTracking()
            .Where(c => c.SecrecyOrganizationId == organization.Id)
            .OrderByDescending(c => c.IsFullTime).ThenBy(c => c.Id)
            .Select(c => new SecrecyCadreView(c.Name, c.Position, c.IsFullTime, c.LastTrainedOn))
            .ToListAsync(cancellationToken);
        var details = new SecrecyOrganizationDetails(
            organization.Kind,
            organization.EstablishedOn,
            organization.ChairName,
            organization.ChairTitle,
            organization.OfficeName,
            organization.OfficeHead,
            organization.OfficePhone,
            organization.AnnualBudget,
            organization.BudgetYear,
            organization.Facilities,
            organization.Members,
            cadres);
        return new SecrecyOrganizationView(unit, SecrecyOrganizationAccess.CanMaintain(user), details);
    }

    /// <summary>
    /// The edit form of the unit's organization (a new one when the unit has none), or null when the unit
    /// is not visible. Only those who maintain master data get a form.
    /// </summary>
    public async Task<SecrecyOrganizationForm?> GetFormAsync(int unitId, CancellationToken cancellationToken = default)
    {
        SecrecyOrganizationAccess.RequireMaintainer(user);
        var unit = await UnitHeadings.FindAsync(db, jurisdiction, unitId, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var leaders = await CurrentLeadersAsync(unitId, cancellationToken);
        var organization = await LoadAsync(unitId, track: false, cancellationToken);
        if (organization is null)
        {
            // S6.1: the leader in charge of secrecy work leads the organization, so is the likely chair.
            var input = new SecrecyOrganizationInput
            {
                ChairLeaderId = leaders.FirstOrDefault(x => x.ChargesSecrecyWork)?.LeaderId,
            };
            return new SecrecyOrganizationForm(unit, IsNew: true, leaders, FormerChairName: null, input, Versions.None);
        }

        var chairHolds = organization.ChairLeaderId is int chair && leaders.Any(x => x.LeaderId == chair);
        return new SecrecyOrganizationForm(
            unit,
            IsNew: false,
            leaders,
            chairHolds ? null : organization.ChairLeader?.Name,
            new SecrecyOrganizationInput
            {
                Kind = organization.Kind,
                EstablishedOn = organization.EstablishedOn,
                ChairLeaderId = chairHolds ? organization.ChairLeaderId : null,
                OfficeName = organization.OfficeName,
                OfficeHead = organization.OfficeHead,
                OfficePhone = organization.OfficePhone,
                AnnualBudget = organization.AnnualBudget,
                BudgetYear = organization.BudgetYear,
                Facilities = organization.Facilities,
                Members = [.. organization.Members.OrderBy(m => m.Id).Select(m => new MemberRow { Id = m.Id, LeaderId = m.LeaderId, Name = m.Name, Position = m.Position })],
                Cadres = [.. organization.Cadres.OrderBy(c => c.Id).Select(c => new CadreRow { Id = c.Id, Name = c.Name, Position = c.Position, IsFullTime = c.IsFullTime, LastTrainedOn = c.LastTrainedOn })],
            },
            organization.Version);
    }

    /// <summary>
    /// Creates the unit's organization or updates the one it has, with its members and cadres, in one save, over the
    /// <paramref name="version"/> the form was opened on (<see cref="Versions.None"/> when it had no organization yet): a
    /// conflict when someone else saved or created it since. Null when the unit is not visible (reported as not found).
    /// </summary>
    public async Task<Result?> SaveAsync(int unitId, int version, SecrecyOrganizationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        SecrecyOrganizationAccess.RequireMaintainer(user);
        if (!await jurisdiction.IncludesUnitAsync(unitId, cancellationToken))
        {
            return null;
        }

        var storedVersion = await db.SecrecyOrganizations.Where(o => o.UnitId == unitId).Select(o => (int?)o.Version).SingleOrDefaultAsync(cancellationToken);
        if (!Versions.Allows(storedVersion, version))
        {
            return await ConflictAsync(unitId, input, cancellationToken);
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        var errors = validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
        var leaders = (await CurrentLeadersAsync(unitId, cancellationToken)).ToDictionary(x => x.LeaderId);
        errors.AddRange(CheckLeaders(input, leaders));
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        var organization = await LoadAsync(unitId, track: true, cancellationToken);
        var isNew = organization is null;
        if (organization is null)
        {
            organization = new SecrecyOrganization { UnitId = unitId };
            db.SecrecyOrganizations.Add(organization);
        }

        organization.Kind = input.Kind!.Value;
        organization.EstablishedOn = input.EstablishedOn!.Value;
        organization.ChairLeaderId = input.ChairLeaderId;
        organization.OfficeName = Clean(input.OfficeName);
        organization.OfficeHead = Clean(input.OfficeHead);
        organization.OfficePhone = Clean(input.OfficePhone);
        organization.AnnualBudget = input.AnnualBudget;
        organization.BudgetYear = input.BudgetYear;
        organization.Facilities = Clean(input.Facilities);
        ReplaceMembers(organization, input.Members, leaders);
        ReplaceCadres(organization, input.Cadres);
        var saved = isNew
            ? await db.TrySaveNewAsync(ct => db.SecrecyOrganizations.AnyAsync(o => o.UnitId == unitId, ct), cancellationToken)
            : await db.TrySaveOverAsync(organization, version, cancellationToken);
        return saved ? Result.Success() : await ConflictAsync(unitId, input, cancellationToken);
    }

    /// <summary>The organization as stored now (none, when it was withdrawn) beside the form's values: nothing was saved.</summary>
    private async Task<Result> ConflictAsync(int unitId, SecrecyOrganizationInput yours, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await LoadAsync(unitId, track: false, cancellationToken);
        var conflict = await db.ConflictAsync(stored is null ? VersionStamp.None : new VersionStamp(stored.Version, stored.SavedAtUtc, stored.SavedBy), cancellationToken);
        var leaders = (await CurrentLeadersAsync(unitId, cancellationToken)).ToDictionary(x => x.LeaderId);
        string? LeaderName(int? id) => id is int leader && leaders.TryGetValue(leader, out var option) ? option.Name : null;
        static string Person(string name, string? position) => string.IsNullOrWhiteSpace(position) ? name.Trim() : $"{name.Trim()} ({position.Trim()})";
        static string Cadre(string name, string? position, bool fullTime, DateOnly? trained, string fullTimeText, string partTimeText) =>
            $"{Person(name, position)} {(fullTime ? fullTimeText : partTimeText)}{(trained is { } t ? " " + t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")}";
        var fullTime = l["Full-time"].Value;
        var partTime = l["Part-time"].Value;
        return Result.Failure(conflict
            .Field(l["Kind of organization"], stored?.Kind, yours.Kind)
            .Field(l["Established on"], stored?.EstablishedOn, yours.EstablishedOn)
            .Field(l["Chair"], stored?.ChairLeader?.Name, LeaderName(yours.ChairLeaderId))
            .Field(
                l["Members"],
                stored?.Members.OrderBy(m => m.Id).Select(m => Person(m.Name, m.Position)).ToList(),
                yours.Members.Where(m => m.IsKept).Select(m => Person(LeaderName(m.LeaderId) ?? m.Name ?? "", m.Position)).ToList())
            .Field(l["Office name"], stored?.OfficeName, yours.OfficeName)
            .Field(l["Head of the office"], stored?.OfficeHead, yours.OfficeHead)
            .Field(l["Office phone"], stored?.OfficePhone, yours.OfficePhone)
            .Field(
                l["Secrecy cadres"],
                stored?.Cadres.OrderBy(c => c.Id).Select(c => Cadre(c.Name, c.Position, c.IsFullTime, c.LastTrainedOn, fullTime, partTime)).ToList(),
                yours.Cadres.Where(c => c.IsKept).Select(c => Cadre(c.Name ?? "", c.Position, c.IsFullTime, c.LastTrainedOn, fullTime, partTime)).ToList())
            .Field(l["Annual budget (yuan)"], stored?.AnnualBudget, yours.AnnualBudget)
            .Field(l["Budget year"], stored?.BudgetYear, yours.BudgetYear)
            .Field(l["Facilities and working conditions"], stored?.Facilities, yours.Facilities));
    }

    /// <summary>The unit's organization with its members and cadres: tracked to be changed, or untracked (with the chair) to be shown.</summary>
    private async Task<SecrecyOrganization?> LoadAsync(int unitId, bool track, CancellationToken cancellationToken)
    {
        IQueryable<SecrecyOrganization> organizations = track ? db.SecrecyOrganizations : db.SecrecyOrganizations.AsNoTracking().Include(o => o.ChairLeader);
        var organization = await organizations
            .Include(o => o.Members)
            .SingleOrDefaultAsync(o => o.UnitId == unitId, cancellationToken);
        if (organization is null)
        {
            return null;
        }

        // A second query rather than a second Include: members × cadres would multiply the rows.
        var cadres = db.SecrecyCadres.Where(c => c.SecrecyOrganizationId == organization.Id);
        if (track)
        {
            await cadres.LoadAsync(cancellationToken);
        }
        else
        {
            organization.Cadres = await cadres.AsNoTracking().ToListAsync(cancellationToken);
        }

        return organization;
    }

    private IEnumerable<FieldError> CheckLeaders(SecrecyOrganizationInput input, Dictionary<int, LeaderOption> leaders)
    {
        if (input.ChairLeaderId is int chair && !leaders.ContainsKey(chair))
        {
            yield return new FieldError(nameof(input.ChairLeaderId), l["Choose as chair a leader who holds a posting in this unit today."]);
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < input.Members.Count; i++)
        {
            var row = input.Members[i];
            if (!row.IsKept || row.LeaderId is not int leader)
            {
                continue;
            }

            var field = $"{nameof(input.Members)}[{i}].{nameof(MemberRow.LeaderId)}";
            if (!leaders.ContainsKey(leader))
            {
                yield return new FieldError(field, l["Choose a leader who holds a posting in this unit today, or enter a name and position instead."]);
            }
            else if (!seen.Add(leader))
            {
                yield return new FieldError(field, l["This leader is listed twice: remove one of the rows."]);
            }
        }
    }

    /// <summary>The saved rows replace the organization's members: rows matched by id are updated, others added, the rest removed.</summary>
    private void ReplaceMembers(SecrecyOrganization organization, List<MemberRow> rows, Dictionary<int, LeaderOption> leaders)
    {
        var existing = organization.Members.ToDictionary(m => m.Id);
        foreach (var row in rows.Where(r => r.IsKept))
        {
            var member = row.Id is int id && existing.Remove(id, out var found) ? found : null;
            if (member is null)
            {
                member = new SecrecyOrganizationMember();
                organization.Members.Add(member);
            }

            if (row.LeaderId is int leaderId)
            {
                var leader = leaders[leaderId];
                member.LeaderId = leaderId;
                member.Name = leader.Name;
                member.Position = Clean(row.Position) ?? leader.Title;
            }
            else
            {
                member.LeaderId = null;
                member.Name = row.Name!.Trim();
                member.Position = Clean(row.Position);
            }
        }

        foreach (var gone in existing.Values)
        {
            organization.Members.Remove(gone);
            db.SecrecyOrganizationMembers.Remove(gone);
        }
    }

    private void ReplaceCadres(SecrecyOrganization organization, List<CadreRow> rows)
    {
        var existing = organization.Cadres.ToDictionary(c => c.Id);
        foreach (var row in rows.Where(r => r.IsKept))
        {
            var cadre = row.Id is int id && existing.Remove(id, out var found) ? found : null;
            if (cadre is null)
            {
                cadre = new SecrecyCadre();
                organization.Cadres.Add(cadre);
            }

            cadre.Name = row.Name!.Trim();
            cadre.Position = Clean(row.Position);
            cadre.IsFullTime = row.IsFullTime;
            cadre.LastTrainedOn = row.LastTrainedOn;
        }

        foreach (var gone in existing.Values)
        {
            organization.Cadres.Remove(gone);
            db.SecrecyCadres.Remove(gone);
        }
    }

    private async Task<List<LeaderOption>> CurrentLeadersAsync(int unitId, CancellationToken cancellationToken)
    {
        var today = LocalDate.Today(clock);
        var postings = await db.Postings.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.From <= today && (p.To == null || p.To >= today) && p.Leader!.IsActive)
            .Select(p => new LeaderOption(p.LeaderId, p.Leader!.Name, p.Title, p.Role, p.Role == PostingRole.SecrecyLeader || p.LeadsSecrecyWork))
            .ToListAsync(cancellationToken);

        // One option per leader (who may hold two roles in the unit): the first role, and the charge of secrecy work from
        // whichever posting carries it. Principal leaders first, then the leader in charge of secrecy, then the other
        // members (arts. 5–7).
        return [.. postings
            .GroupBy(p => p.LeaderId)
            .Select(g => g.OrderBy(p => p.Role).First() with { ChargesSecrecyWork = g.Any(p => p.ChargesSecrecyWork) })
            .OrderBy(p => p.Role)
            .ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
