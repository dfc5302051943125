using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;

namespace SecrecyDuty.Core.DutyRecords;

public enum ChecklistSort
{
    Unit,
    Leader,
    Role,
    Status,
    SubmittedAt,
}

/// <summary>Where a posting's checklist of the year stands, including "not generated yet", for the list's filter.</summary>
public enum ChecklistProgress
{
    NotGenerated,
    Open,
    Submitted,
    Returned,
    Reviewed,
}

/// <summary>The list's year, filters and order, as the query string gives them.</summary>
public sealed class ChecklistFilter
{
    /// <summary>Null: the current year.</summary>
    public int? Year { get; set; }

    public int? UnitId { get; set; }

    public ChecklistProgress? Status { get; set; }

    public PostingRole? Role { get; set; }

    /// <summary>Leader's name, posting title or unit name contains this.</summary>
    public string? Search { get; set; }

    public ChecklistSort Sort { get; set; }

    public bool Descending { get; set; }
}

/// <summary>A posting holding during the year with its checklist (<see cref="Status"/> null: not generated yet).</summary>
public sealed record ChecklistListItem(
    int PostingId,
    int Year,
    string UnitCode,
    string UnitName,
    string LeaderName,
    PostingRole Role,
    string Title,
    ChecklistStatus? Status,
    int Items,
    int Fulfilled,
    int NotApplicable,
    int NotStarted,
    DateTime? SubmittedAtUtc,
    DateTime? ReviewedAtUtc)
{
    public bool IsGenerated => Status is not null;

    public ChecklistProgress Progress => Status switch
    {
        null => ChecklistProgress.NotGenerated,
        ChecklistStatus.Submitted => ChecklistProgress.Submitted,
        ChecklistStatus.Returned => ChecklistProgress.Returned,
        ChecklistStatus.Reviewed => ChecklistProgress.Reviewed,
        _ => ChecklistProgress.Open,
    };
}

/// <summary>
/// The checklists page: the account's own postings of the year (<see cref="Mine"/>, null for an account that is no
/// leader's), and every posting of the jurisdiction holding during the year with its checklist.
/// </summary>
public sealed record ChecklistIndex(
    int Year,
    IReadOnlyList<ChecklistListItem>? Mine,
    PagedList<ChecklistListItem> List,
    IReadOnlyList<UnitChoice> Units,
    bool CanGenerate);

/// <summary>
/// Lists of duty checklists by year. The list shows every posting that held during the year, so that one without
/// its checklist stands out; counts of items by status are computed in SQL for the whole page at once.
/// </summary>
public sealed class ChecklistListService(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user, TimeProvider clock)
{
    // Roles in the order of arts. 5–7 and statuses in the order of the workflow, not in the alphabetical order of their stored names.
    private static readonly Expression<Func<Row, int>> RoleOrder =
        r => r.Role == PostingRole.PrincipalLeader ? 0 : r.Role == PostingRole.SecrecyLeader ? 1 : 2;

    private static readonly Expression<Func<Row, int>> StatusOrder =
        r => r.Status == null ? 0
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
            mine = await ToItemsAsync(Order(Rows(db.Postings.Where(p => p.LeaderId == me), year), ChecklistSort.Unit, descending: false), year, cancellationToken);
        }

        var query = Filtered(filter, year);
        var total = await query.CountAsync(cancellationToken);
        var items = await ToItemsAsync(
            Order(query, filter.Sort, filter.Descending).Skip((page - 1) * pageSize).Take(pageSize),
            year,
            cancellationToken);
        var units = await LeaderChoices.UnitsAsync(db, jurisdiction, cancellationToken);
        return new ChecklistIndex(
            year,
            mine,
            new PagedList<ChecklistListItem>(items, page, pageSize, total),
            units,
            Permissions.CanMaintainMasterData(user));
    }

    /// <summary>Every row the filters select, unpaged, for export.</summary>
    public async Task<IReadOnlyList<ChecklistListItem>> ExportAsync(ChecklistFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var year = YearOf(filter);
        return await ToItemsAsync(Order(Filtered(filter, year), filter.Sort, filter.Descending), year, cancellationToken);
    }

    private int YearOf(ChecklistFilter filter) => filter.Year ?? LocalDate.Today(clock).Year;

    private IQueryable<Row> Filtered(ChecklistFilter filter, int year)
    {
        var visible = jurisdiction.UnitIds();
        var postings = db.Postings.Where(p => visible.Contains(p.UnitId));
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
                ChecklistProgress.NotGenerated => rows.Where(r => r.Status == null),
                ChecklistProgress.Submitted => rows.Where(r => r.Status == ChecklistStatus.Submitted),
                ChecklistProgress.Returned => rows.Where(r => r.Status == ChecklistStatus.Returned),
                ChecklistProgress.Reviewed => rows.Where(r => r.Status == ChecklistStatus.Reviewed),
                _ => rows.Where(r => r.Status == ChecklistStatus.Open),
            };
        }

        return rows;
    }

    /// <summary>The postings holding during <paramref name="year"/>, each with its checklist of the year if any.</summary>
    private IQueryable<Row> Rows(IQueryable<Posting> postings, int year)
    {
        var (start, end) = (ChecklistRules.YearStart(year), ChecklistRules.YearEnd(year));
        return
            from p in postings.AsNoTracking().Where(p => p.From <= end && (p.To == null || p.To >= start))
            from c in db.DutyChecklists.Where(c => c.PostingId == p.Id && c.Year == year).DefaultIfEmpty()
            select new Row
            {
                PostingId = p.Id,
                UnitCode = p.Unit!.Code,
                UnitName = p.Unit.Name,
                LeaderName = p.Leader!.Name,
                Role = p.Role,
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

        public string LeaderName { get; init; } = "";

        public PostingRole Role { get; init; }

        public string Title { get; init; } = "";

        public ChecklistStatus? Status { get; init; }

        public int Items { get; init; }

        public int Fulfilled { get; init; }

        public int NotApplicable { get; init; }

        public int NotStarted { get; init; }

        public DateTime? SubmittedAtUtc { get; init; }

        public DateTime? ReviewedAtUtc { get; init; }
    }

    private static IQueryable<Row> Order(IQueryable<Row> rows, ChecklistSort sort, bool descending)
    {
        var ordered = (sort, descending) switch
        {
            (ChecklistSort.Leader, false) => rows.OrderBy(r => r.LeaderName),
            (ChecklistSort.Leader, true) => rows.OrderByDescending(r => r.LeaderName),

            (ChecklistSort.Role, false) => rows.OrderBy(RoleOrder),
            (ChecklistSort.Role, true) => rows.OrderByDescending(RoleOrder),
            (ChecklistSort.Status, false) => rows.OrderBy(StatusOrder),
            (ChecklistSort.Status, true) => rows.OrderByDescending(StatusOrder),
            (ChecklistSort.SubmittedAt, false) => rows.OrderBy(r => r.SubmittedAtUtc),
            (ChecklistSort.SubmittedAt, true) => rows.OrderByDescending(r => r.SubmittedAtUtc),
            (_, true) => rows.OrderByDescending(r => r.UnitCode),
            _ => rows.OrderBy(r => r.UnitCode),
        };

        // A stable order for paging: unit, then role as the articles order them, then leader and posting.
        return ordered
            .ThenBy(r => r.UnitCode)
            .ThenBy(RoleOrder)
            .ThenBy(r => r.LeaderName)
            .ThenBy(r => r.PostingId);
    }
}
