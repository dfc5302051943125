using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Checklists;

/// <summary>
/// Lists of duty checklists by year. The list shows every posting that held during the year, so that one without
/// its checklist stands out, and one out of scope of art. 2 shows as such (it keeps none); counts of items by status
/// are computed in SQL for the whole page at once.
/// </summary>
public sealed class ChecklistListService(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user, TimeProvider clock)
{
    // Roles in the order of arts. 5–7 and statuses in the order of the workflow, not in the alphabetical order of their stored names.
    private static readonly Expression<Func<Row, int>> RoleOrder =
        r => r.Role == PostingRole.PrincipalLeader ? 0 : r.Role == PostingRole.SecrecyLeader ? 1 : 2;

    private static readonly Expression<Func<Row, int>> StatusOrder =
        r => r.Status == null ? (r.InScope ? 0 : 5)
            : r.Status == ChecklistStatus.Open ? 1
            : r.Status == ChecklistStatus.Returned ? 2
            : r.Status == ChecklistStatus.Submitted ? 3
            : 4;

    public async Task<ChecklistIndex> IndexAsync(ChecklistFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var year = YearOf(filter);
        var me = await ChecklistLeader.IdAsync(db, user, cancellationToken);
        List<ChecklistListItem>? mine = null;
        if (me is not null)
        {
            mine = await ToItemsAsync(Order(Rows(db.Postings.Where(p => p.LeaderId == me), year), ChecklistSort.Unit, SortDirection.Ascending), year, cancellationToken);
        }

        var query = Filtered(filter, year, me);
        var count = await Paging.CountUpToAsync(query, page, pageSize, cancellationToken);

        // The page's postings first, then their rows: the items' counts are computed for the page's rows only, not for
        // every row a sort has to order (issue 10).
        var upToPage = await UpToPageAsync(query, filter, (long)page * pageSize, cancellationToken);
        var onPage = Order(upToPage, filter.Sort, filter.Direction).Skip((page - 1) * pageSize).Take(pageSize).Select(r => r.PostingId);
        var items = await ToItemsAsync(
            Order(Rows(db.Postings.Where(p => onPage.Contains(p.Id)), year), filter.Sort, filter.Direction),
            year,
            cancellationToken);
        return new ChecklistIndex(
            year,
            mine,
            Paging.Page(items, page, pageSize, count),
            ChecklistAccess.CanGenerate(user))
        {
            ReadsJurisdiction = ChecklistAccess.CanReadJurisdiction(user),
        };
    }

    /// <summary>Every row the filters select, unpaged, for export.</summary>
    public async Task<IReadOnlyList<ChecklistListItem>> ExportAsync(ChecklistFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var year = YearOf(filter);
        var me = await ChecklistLeader.IdAsync(db, user, cancellationToken);
        return await ToItemsAsync(Order(Filtered(filter, year, me), filter.Sort, filter.Direction), year, cancellationToken);
    }

    /// <summary>
    /// In the default order (by unit code), only the rows up to the unit of the page's last row. SQLite (3.53, as the app
    /// bundles it) reads the unit code index in order and stops only when the code is the whole order; for the full order
    /// (code, role, leader) it sorts every posting of the year (issue 10, measured: about 200 ms at 10,000 units). So the
    /// last row's unit code is read first, by the index, and the rows sorted are those of the units up to it.
    /// </summary>
    private static async Task<IQueryable<Row>> UpToPageAsync(IQueryable<Row> rows, ChecklistFilter filter, long lastRow, CancellationToken cancellationToken)
    {
        if (filter.Sort != ChecklistSort.Unit || lastRow > int.MaxValue)
        {
            return rows;
        }

        var descending = filter.Direction == SortDirection.Descending;
        var codes = descending ? rows.OrderByDescending(r => r.UnitCode) : rows.OrderBy(r => r.UnitCode);
        var last = await codes.Select(r => r.UnitCode).Skip((int)lastRow - 1).FirstOrDefaultAsync(cancellationToken);
        return last is null ? rows
            : descending ? rows.Where(r => r.UnitCode.CompareTo(last) >= 0)
            : rows.Where(r => r.UnitCode.CompareTo(last) <= 0);
    }

    private int YearOf(ChecklistFilter filter) => filter.Year ?? LocalDate.Today(clock).Year;

    /// <summary>
    /// The rows of the jurisdiction the account reads (<see cref="ChecklistAccess"/>): a unit leader who is not the
    /// unit's principal leader, only his or her own.
    /// </summary>
    private IQueryable<Row> Filtered(ChecklistFilter filter, int year, int? me)
    {
        var visible = jurisdiction.UnitIds();
        var postings = ChecklistAccess.ReadablePostings(db, jurisdiction, user, me, LocalDate.Today(clock))
            .Where(p => visible.Any(id => id == p.UnitId));
        if (filter.UnitId is int unitId)
        {
            postings = postings.Where(p => p.UnitId == unitId);
        }

        if (filter.Role is PostingRole role)
        {
            postings = postings.Where(p => p.Role == role);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            postings = postings.Where(p => p.Leader!.Name.Contains(term) || p.Title.Contains(term) || p.Unit!.Name.Contains(term));
        }

        var rows = Rows(postings, year);
        if (filter.Status is ChecklistProgress progress)
        {
            rows = progress switch
            {
                ChecklistProgress.NotGenerated => rows.Where(r => r.Status == null && r.InScope),
                ChecklistProgress.NotInScope => rows.Where(r => r.Status == null && !r.InScope),
                ChecklistProgress.Submitted => rows.Where(r => r.Status == ChecklistStatus.Submitted),
                ChecklistProgress.Returned => rows.Where(r => r.Status == ChecklistStatus.Returned),
                ChecklistProgress.Reviewed => rows.Where(r => r.Status == ChecklistStatus.Reviewed),
                _ => rows.Where(r => r.Status == ChecklistStatus.Open),
            };
        }

        return rows;
    }

    /// <summary>The postings holding during <paramref name="year"/>, each with its checklist of the year if any, and its scope (art. 2).</summary>
    private IQueryable<Row> Rows(IQueryable<Posting> postings, int year)
    {
        var (start, end) = (ChecklistRules.YearStart(year), ChecklistRules.YearEnd(year));
        // EXISTS per row (a look-up by key), not IN: SQLite would list every posting in scope of the province first.
        var inScope = db.Postings.Where(LeaderScope.PostingInScope).Select(p => p.Id);
        return
            from p in postings.AsNoTracking().Where(p => p.From <= end && (p.To == null || p.To >= start))
            from c in db.DutyChecklists.Where(c => c.PostingId == p.Id && c.Year == year).DefaultIfEmpty()
            select new Row
            {
                PostingId = p.Id,
                UnitCode = p.Unit!.Code,
                UnitName = p.Unit.Name,
                UnitKind = p.Unit.Kind,
                IsLargeOrMediumEnterprise = p.Unit.IsLargeOrMediumEnterprise,
                LeaderName = p.Leader!.Name,
                Rank = p.Leader.Rank,
                Role = p.Role,
                LeadsSecrecyWork = p.LeadsSecrecyWork,
                InScope = inScope.Any(id => id == p.Id),
                Title = p.Title,
                Status = c == null ? null : c.Status,
                Items = c == null ? 0 : c.Items.Count,
                Fulfilled = c == null ? 0 : c.Items.Count(i => i.Status == ChecklistItemStatus.Fulfilled),
                NotApplicable = c == null ? 0 : c.Items.Count(i => i.Status == ChecklistItemStatus.NotApplicable),
                NotStarted = c == null ? 0 : c.Items.Count(i => i.Status == ChecklistItemStatus.NotStarted),
                SubmittedAtUtc = c == null ? null : c.SubmittedAtUtc,
                ReviewedAtUtc = c == null ? null : c.ReviewedAtUtc,
            };
    }

    private static async Task<List<ChecklistListItem>> ToItemsAsync(IQueryable<Row> rows, int year, CancellationToken cancellationToken) =>
        [.. (await rows.ToListAsync(cancellationToken)).Select(r => new ChecklistListItem(
            r.PostingId,
            year,
            r.UnitCode,
            r.UnitName,
            r.LeaderName,
            r.Role,
            r.LeadsSecrecyWork,
            LeaderScope.ReasonForPosting(r.Rank, r.UnitKind, r.IsLargeOrMediumEnterprise),
            r.Title,
            r.Status,
            r.Items,
            r.Fulfilled,
            r.NotApplicable,
            r.NotStarted,
            r.SubmittedAtUtc,
            r.ReviewedAtUtc))];

    /// <summary>A list row as SQL computes it (a class with settable members, so that EF can filter and order on them).</summary>
    private sealed class Row
    {
        public int PostingId { get; init; }

        public string UnitCode { get; init; } = "";

        public string UnitName { get; init; } = "";

        public UnitKind UnitKind { get; init; }

        public bool IsLargeOrMediumEnterprise { get; init; }

        public string LeaderName { get; init; } = "";

        public LeaderRank Rank { get; init; }

        public PostingRole Role { get; init; }

        public bool LeadsSecrecyWork { get; init; }

        /// <summary><see cref="LeaderScope.PostingInScope"/>, in SQL, so that the list filters and orders on it.</summary>
        public bool InScope { get; init; }

        public string Title { get; init; } = "";

        public ChecklistStatus? Status { get; init; }

        public int Items { get; init; }

        public int Fulfilled { get; init; }

        public int NotApplicable { get; init; }

        public int NotStarted { get; init; }

        public DateTime? SubmittedAtUtc { get; init; }

        public DateTime? ReviewedAtUtc { get; init; }
    }

    private static IQueryable<Row> Order(IQueryable<Row> rows, ChecklistSort sort, SortDirection direction)
    {
        var ordered = sort switch
        {
            ChecklistSort.Leader => rows.OrderBy(r => r.LeaderName, direction),
            ChecklistSort.Role => rows.OrderBy(RoleOrder, direction),
            ChecklistSort.Status => rows.OrderBy(StatusOrder, direction),
            ChecklistSort.SubmittedAt => rows.OrderBy(r => r.SubmittedAtUtc, direction),
            _ => rows.OrderBy(r => r.UnitCode, direction),
        };

        // A stable order for paging: unit, then role as the articles order them, then leader and posting.
        return ordered
            .ThenBy(r => r.UnitCode)
            .ThenBy(RoleOrder)
            .ThenBy(r => r.LeaderName)
            .ThenBy(r => r.PostingId);
    }
}
