using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Leaders;

/// <summary>
/// Leaders (art. 2): administrators and secrecy officers maintain those whose record is kept in their
/// jurisdiction; every other role reads them there (unit leaders: their own unit).
/// </summary>
public sealed class LeaderService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IValidator<LeaderInput> leaderValidator,
    IValidator<CreateLeaderInput> createValidator,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    public bool CanMaintain => LeaderAccess.CanMaintain(user);

    public async Task<PagedList<LeaderListItem>> ListAsync(LeaderFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var query = Filtered(filter);
        var count = await Paging.CountUpToAsync(query, page, pageSize, cancellationToken);
        var items = await Project(Sorted(query, filter.Sort, filter.Direction).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return Paging.Page(items, page, pageSize, count);
    }

    /// <summary>Every leader the filters select, unpaged, for export.</summary>
    public async Task<IReadOnlyList<LeaderListItem>> ExportAsync(LeaderFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await Project(Sorted(Filtered(filter), filter.Sort, filter.Direction)).ToListAsync(cancellationToken);
    }


    /// <summary>The leader, or null when it does not exist or its record is kept outside the jurisdiction (not told apart).</summary>
    public async Task<LeaderDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var leader = await db.Leaders.AsNoTracking()
            .Where(x => x.Id == id && visible.Contains(x.UnitId))
            .Select(x => new { x.Id, x.Name, x.StaffNumber, x.Rank, x.IsPartyMember, x.Phone, x.Email, x.UnitId, UnitName = x.Unit!.Name, x.IsActive, x.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (leader is null)
        {
            return null;
        }

        // The whole history belongs to the leader's record; only the units' own pages stay within the jurisdiction.
        var postings = await db.Postings.AsNoTracking()
            .Where(p => p.LeaderId == id)
            .OrderByDescending(p => p.From)
            .ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id,
                p.UnitId,
                UnitName = p.Unit!.Name,
                UnitKind = p.Unit.Kind,
                p.Unit.IsLargeOrMediumEnterprise,
                p.Role,
                p.LeadsSecrecyWork,
                p.Title,
                p.Portfolio,
                p.From,
                p.To,
                InJurisdiction = visible.Contains(p.UnitId),
            })
            .ToListAsync(cancellationToken);
        var today = LocalDate.Today(clock);
        var canMaintain = CanMaintain;
        var history = postings
            .Select(p => new PostingHistoryItem(
                p.Id,
                p.UnitId,
                p.UnitName,
                p.Role,
                p.LeadsSecrecyWork,
                LeaderScope.ReasonForPosting(leader.Rank, p.UnitKind, p.IsLargeOrMediumEnterprise),
                p.Title,
                p.Portfolio,
                p.From,
                p.To,
                HoldsToday: p.From <= today && (p.To is null || p.To >= today),
                UnitInJurisdiction: p.InJurisdiction,
                CanEdit: canMaintain && p.InJurisdiction))
            .ToList();

        // Art. 2 for the leader as a whole: through the postings holding today.
        var current = history.Where(p => p.HoldsToday).ToList();
        var secretHandling = postings
            .Where(p => p.UnitKind == UnitKind.OtherSecretHandlingUnit && p.From <= today && (p.To is null || p.To >= today))
            .Select(p => p.UnitName)
            .Distinct()
            .ToList();
        var smallEnterprises = current
            .Where(p => p.Scope == ScopeReason.EnterpriseNotLargeOrMedium)
            .Select(p => p.UnitName)
            .Distinct()
            .ToList();
        var scope = LeaderScope.ReasonForLeader(
            leader.Rank,
            holdsPosting: current.Count > 0,
            holdsPostingInScope: current.Exists(p => LeaderScope.Includes(p.Scope)),
            holdsPostingInSmallEnterprise: smallEnterprises.Count > 0);
        return new LeaderDetails(
            leader.Id,
            leader.Name,
            leader.StaffNumber,
            leader.Rank,
            leader.IsPartyMember,
            leader.Phone,
            leader.Email,
            leader.UnitId,
            leader.UnitName,
            leader.IsActive,
            scope,
            secretHandling,
            smallEnterprises,
            history,
            canMaintain,
            leader.Version);
    }

    /// <summary>
    /// The units the form's unit fields have chosen (<paramref name="chosen"/>), among those a maintainer may keep a leader's
    /// record or a posting in, to show in their pickers. Refused to read-only roles.
    /// </summary>
    public Task<List<UnitChoice>> UnitChoicesAsync(IEnumerable<int?> chosen, CancellationToken cancellationToken = default)
    {
        LeaderAccess.RequireMaintainer(user);
        return LeaderChoices.UnitsAsync(db, jurisdiction, chosen, cancellationToken);
    }

    /// <summary>The leader's fields for the edit form and their version; null when outside the jurisdiction. Refused to read-only roles.</summary>
    public async Task<LeaderEditing?> GetForEditAsync(int id, CancellationToken cancellationToken = default)
    {
        LeaderAccess.RequireMaintainer(user);
        var visible = jurisdiction.UnitIds();
        return await db.Leaders.AsNoTracking()
            .Where(x => x.Id == id && visible.Contains(x.UnitId))
            .Select(x => new LeaderEditing(
                new LeaderInput
                {
                    Name = x.Name,
                    StaffNumber = x.StaffNumber,
                    Rank = x.Rank,
                    IsPartyMember = x.IsPartyMember,
                    Phone = x.Phone,
                    Email = x.Email,
                    UnitId = x.UnitId,
                },
                x.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Creates a leader and, when asked, the first posting, in one save.</summary>
    public async Task<Result<int>> CreateAsync(CreateLeaderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LeaderAccess.RequireMaintainer(user);
        var validation = await createValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result<int>.Failure(validation);
        }

        var errors = await CheckLeaderAsync(input, id: 0, cancellationToken);
        if (input.AddFirstPosting)
        {
            const string prefix = nameof(CreateLeaderInput.FirstPosting) + ".";
            if (!await jurisdiction.IncludesUnitAsync(input.FirstPosting.UnitId, cancellationToken))
            {
                errors.Add(new FieldError(prefix + nameof(PostingTerms.UnitId), l["Choose a unit within your jurisdiction."]));
            }
            else
            {
                errors.AddRange(await PostingChecks.CheckAsync(db, l, input.FirstPosting.ToPeriod(id: 0, leaderId: 0), prefix, cancellationToken));
            }
        }

        if (errors.Count > 0)
        {
            return Result<int>.Failure([.. errors]);
        }

        var createdAt = clock.GetUtcNow().UtcDateTime;
        var leader = new Leader { CreatedAtUtc = createdAt };
        input.ApplyTo(leader);
        if (input.AddFirstPosting)
        {
            var posting = new Posting { CreatedAtUtc = createdAt };
            input.FirstPosting.ApplyTo(posting);
            leader.Postings.Add(posting);
        }

        db.Leaders.Add(leader);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Success(leader.Id);
    }

    /// <summary>
    /// Changes a leader's fields over the <paramref name="version"/> the form was opened on (a conflict when someone else
    /// saved the leader since); null when the leader is outside the jurisdiction.
    /// </summary>
    public async Task<Result?> UpdateAsync(int id, int version, LeaderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LeaderAccess.RequireMaintainer(user);
        var leader = await FindForWriteAsync(id, cancellationToken);
        if (leader is null)
        {
            return null;
        }

        if (!Versions.Allows(leader.Version, version))
        {
            return await EditConflictAsync(id, input, cancellationToken);
        }

        var validation = await leaderValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var errors = await CheckLeaderAsync(input, id, cancellationToken);
        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        input.ApplyTo(leader);
        return await db.TrySaveOverAsync(leader, version, cancellationToken) ? Result.Success() : await EditConflictAsync(id, input, cancellationToken);
    }

    /// <summary>
    /// Deactivates or reactivates a leader (never a hard delete: records refer to the leader's postings), over the
    /// <paramref name="version"/> the page was opened on. Null when outside the jurisdiction.
    /// </summary>
    public async Task<Result?> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken = default)
    {
        LeaderAccess.RequireMaintainer(user);
        var leader = await FindForWriteAsync(id, cancellationToken);
        if (leader is null)
        {
            return null;
        }

        if (!Versions.Allows(leader.Version, version))
        {
            return await StatusConflictAsync(id, cancellationToken);
        }

        leader.IsActive = active;
        return await db.TrySaveOverAsync(leader, version, cancellationToken) ? Result.Success() : await StatusConflictAsync(id, cancellationToken);
    }

    /// <summary>The leader as stored now beside the edit form's values: nothing was saved.</summary>
    private async Task<Result> EditConflictAsync(int id, LeaderInput yours, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(id, cancellationToken);
        var visible = jurisdiction.UnitIds();
        var yourUnit = await db.Units.AsNoTracking().Where(u => u.Id == yours.UnitId && visible.Contains(u.Id)).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        return Result.Failure(conflict
            .Field(l["Full name"], stored.Name, yours.Name)
            .Field(l["Staff number"], stored.StaffNumber, yours.StaffNumber)
            .Field(l["Rank"], stored.Rank, yours.Rank)
            .Field(l["Member of the Communist Party of China"], stored.IsPartyMember, yours.IsPartyMember)
            .Field(l["Phone (optional)"], stored.Phone, yours.Phone)
            .Field(l["E-mail (optional)"], stored.Email, yours.Email)
            .Field(l["Unit keeping the record"], stored.UnitName, yourUnit));
    }

    private async Task<Result> StatusConflictAsync(int id, CancellationToken cancellationToken)
    {
        var (stored, conflict) = await StoredAsync(id, cancellationToken);
        return Result.Failure(conflict
            .Stored(l["Full name"], stored.Name)
            .Stored(l["Staff number"], stored.StaffNumber)
            .Stored(l["Rank"], stored.Rank)
            .Stored(l["Unit keeping the record"], stored.UnitName)
            .Stored(l["Status"], stored.IsActive ? l["Active"] : l["Deactivated"]));
    }

    /// <summary>The leader as stored now, for a conflict.</summary>
    private async Task<(StoredLeader Leader, EditConflict Conflict)> StoredAsync(int id, CancellationToken cancellationToken)
    {
        var stored = await db.Leaders.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new StoredLeader(x.Name, x.StaffNumber, x.Rank, x.IsPartyMember, x.Phone, x.Email, x.Unit!.Name, x.IsActive, new VersionStamp(x.Version, x.SavedAtUtc, x.SavedBy)))
            .SingleAsync(cancellationToken);
        return (stored, await db.ConflictAsync(stored.Stamp, cancellationToken));
    }

    private sealed record StoredLeader(string Name, string StaffNumber, LeaderRank Rank, bool IsPartyMember, string? Phone, string? Email, string UnitName, bool IsActive, VersionStamp Stamp);

    private Task<Leader?> FindForWriteAsync(int id, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();
        return db.Leaders.Where(x => x.Id == id && visible.Contains(x.UnitId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The checks that need the database: the record's unit in the jurisdiction, the staff number unused.</summary>
    private async Task<List<FieldError>> CheckLeaderAsync(LeaderInput input, int id, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!await jurisdiction.IncludesUnitAsync(input.UnitId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(LeaderInput.UnitId), l["Choose a unit within your jurisdiction."]));
        }

        // Unique across the province (the index says so too); the other leader's name is not revealed.
        var staffNumber = input.StaffNumber.Trim();
        if (await db.Leaders.AnyAsync(x => x.StaffNumber == staffNumber && x.Id != id, cancellationToken))
        {
            errors.Add(new FieldError(nameof(LeaderInput.StaffNumber), l["The staff number {0} belongs to another leader: check it against the cadre records.", staffNumber]));
        }

        return errors;
    }

    private IQueryable<LeaderRow> Filtered(LeaderFilter filter)
    {
        var visible = jurisdiction.UnitIds();

        // EXISTS per leader rather than IN (the jurisdiction's units): the default order then reads the name index and
        // stops at the page (issue 10).
        var leaders = db.Leaders.AsNoTracking().Where(x => visible.Any(id => id == x.UnitId));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // The start of a name or of a staff number, which the indexes on both serve (docs/decisions/0025): a search
            // anywhere in them read every leader of the province.
            leaders = leaders.Where(PrefixSearch.AnyStartsWith<Leader>(db, filter.Search.Trim(), x => x.Name, x => x.StaffNumber));
        }

        // Rank is stored as text: filter by equality, never by comparison.
        if (filter.Rank is { } rank)
        {
            leaders = leaders.Where(x => x.Rank == rank);
        }

        if (filter.PartyMember is { } partyMember)
        {
            leaders = leaders.Where(x => x.IsPartyMember == partyMember);
        }

        if (filter.UnitId is { } unitId)
        {
            leaders = leaders.Where(x => x.UnitId == unitId);
        }

        leaders = filter.Status switch
        {
            LeaderStatusFilter.Active => leaders.Where(x => x.IsActive),
            LeaderStatusFilter.Deactivated => leaders.Where(x => !x.IsActive),
            _ => leaders,
        };

        var rows = Rows(leaders);

        // LeaderScope.ReasonForLeader in SQL: through a posting in scope, or (holding none) rank at least county/division, that is, not Below.
        return filter.InScope switch
        {
            true => rows.Where(r => r.HoldsPostingInScope || (!r.HoldsPosting && r.Leader.Rank != LeaderRank.Below)),
            false => rows.Where(r => !r.HoldsPostingInScope && (r.HoldsPosting || r.Leader.Rank == LeaderRank.Below)),
            null => rows,
        };
    }

    /// <summary>The inputs of LeaderScope.ReasonForLeader, computed in SQL from the postings holding today.</summary>
    private IQueryable<LeaderRow> Rows(IQueryable<Leader> leaders)
    {
        var today = LocalDate.Today(clock);
        var holding = db.Postings.Where(p => p.From <= today && (p.To == null || p.To >= today));
        var inScope = holding.Where(LeaderScope.PostingInScope);
        var inSmallEnterprise = holding.Where(LeaderScope.PostingInSmallEnterprise);
        return leaders.Select(x => new LeaderRow
        {
            Leader = x,
            HoldsPosting = holding.Any(p => p.LeaderId == x.Id),
            HoldsPostingInScope = inScope.Any(p => p.LeaderId == x.Id),
            HoldsPostingInSmallEnterprise = inSmallEnterprise.Any(p => p.LeaderId == x.Id),
        });
    }

    private static IQueryable<LeaderRow> Sorted(IQueryable<LeaderRow> rows, LeaderSort sort, SortDirection direction)
    {
        // Rank is stored as text: order by its meaning, not alphabetically.
        var ordered = sort switch
        {
            LeaderSort.StaffNumber => rows.OrderBy(r => r.Leader.StaffNumber, direction),
            LeaderSort.Rank => rows.OrderBy(r => r.Leader.Rank == LeaderRank.ProvincialMinisterial ? 3 : r.Leader.Rank == LeaderRank.DepartmentBureau ? 2 : r.Leader.Rank == LeaderRank.CountyDivision ? 1 : 0, direction),
            _ => rows.OrderBy(r => r.Leader.Name, direction),
        };

        // A total order, so that pages neither repeat nor skip a leader.
        return ordered.ThenBy(r => r.Leader.Name).ThenBy(r => r.Leader.Id);
    }

    private static IQueryable<LeaderListItem> Project(IQueryable<LeaderRow> rows) =>
        rows.Select(r => new LeaderListItem(
            r.Leader.Id,
            r.Leader.Name,
            r.Leader.StaffNumber,
            r.Leader.Rank,
            r.Leader.IsPartyMember,
            LeaderScope.ReasonForLeader(r.Leader.Rank, r.HoldsPosting, r.HoldsPostingInScope, r.HoldsPostingInSmallEnterprise),
            r.Leader.UnitId,
            r.Leader.Unit!.Name,
            r.Leader.Phone,
            r.Leader.Email,
            r.Leader.IsActive));

    /// <summary>A leader with the posting facts the scope rule needs; a settable class so that EF can compose over it.</summary>
    private sealed class LeaderRow
    {
        public Leader Leader { get; init; } = null!;

        public bool HoldsPosting { get; init; }

        public bool HoldsPostingInScope { get; init; }

        public bool HoldsPostingInSmallEnterprise { get; init; }
    }
}
