using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections;

/// <summary>The inspections and rectification orders of the jurisdiction, filtered, sorted and paged in SQL.</summary>
public sealed class InspectionListService(ISecrecyDutyDb db, Jurisdiction jurisdiction, ICurrentUser user, TimeProvider clock)
{
    /// <summary>How many inspections a unit's page shows; the list has them all.</summary>
    public const int LatestOnUnitPage = 5;

    public bool CanConduct => InspectionAccess.CanConduct(user);

    public DateOnly Today => LocalDate.Today(clock);

    public async Task<PagedList<InspectionListItem>> ListAsync(InspectionFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(Sorted(query, filter.Sort, filter.Direction).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new PagedList<InspectionListItem>(items, page, pageSize, total);
    }

    public async Task<IReadOnlyList<InspectionListItem>> ExportAsync(InspectionFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await Project(Sorted(Filtered(filter), filter.Sort, filter.Direction)).ToListAsync(cancellationToken);
    }

    public async Task<PagedList<OrderListItem>> OrdersAsync(OrderFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        (page, pageSize) = Paging.Normalize(page, pageSize);
        var query = FilteredOrders(filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await ProjectOrders(SortedOrders(query, filter.Sort, filter.Direction).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new PagedList<OrderListItem>(items, page, pageSize, total);
    }

    public async Task<IReadOnlyList<OrderListItem>> ExportOrdersAsync(OrderFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await ProjectOrders(SortedOrders(FilteredOrders(filter), filter.Sort, filter.Direction)).ToListAsync(cancellationToken);
    }

    /// <summary>A unit's latest inspections and its orders still to be verified; null outside the jurisdiction.</summary>
    public async Task<UnitInspections?> ForUnitAsync(int unitId, CancellationToken cancellationToken = default)
    {
        if (!await jurisdiction.IncludesUnitAsync(unitId, cancellationToken))
        {
            return null;
        }

        var inspections = db.Inspections.AsNoTracking().Where(i => i.UnitId == unitId);
        var total = await inspections.CountAsync(cancellationToken);
        var latest = await Project(Sorted(inspections, InspectionSort.Date, SortDirection.Descending).Take(LatestOnUnitPage)).ToListAsync(cancellationToken);
        var open = await ProjectOrders(db.RectificationOrders.AsNoTracking()
                .Where(o => o.UnitId == unitId && o.Status != RectificationStatus.Verified)
                .OrderBy(o => o.Deadline))
            .ToListAsync(cancellationToken);
        return new UnitInspections(latest, total, open, Today);
    }

    private IQueryable<Inspection> Filtered(InspectionFilter filter)
    {
        // EXISTS per inspection rather than IN: IN lists every unit of the jurisdiction first, a province's 10,000 for a
        // year's few hundred inspections (issue 10, measured).
        var visible = jurisdiction.UnitIds();
        var query = db.Inspections.AsNoTracking().Where(i => visible.Any(v => v == i.UnitId));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(i => i.Scope.Contains(term) || i.Unit!.Name.Contains(term) || i.Unit.Code.Contains(term));
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(i => i.UnitId == unitId);
        }

        if (filter.Year is { } year && year is >= 1 and <= 9999)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(i => (i.StartedOn ?? i.PlannedOn) >= from && (i.StartedOn ?? i.PlannedOn) <= to);
        }

        if (filter.Body is { } body)
        {
            query = query.Where(i => i.Body == body);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.DeficiencyCode))
        {
            var code = filter.DeficiencyCode.Trim();
            query = query.Where(i => i.Findings.Any(f => f.DeficiencyCode == code));
        }

        if (filter.OrderState is { } state)
        {
            var orders = InState(db.RectificationOrders, state);
            query = query.Where(i => orders.Any(o => o.Finding!.InspectionId == i.Id));
        }

        return query;
    }

    private IQueryable<RectificationOrder> FilteredOrders(OrderFilter filter)
    {
        var visible = jurisdiction.UnitIds();
        var query = db.RectificationOrders.AsNoTracking().Where(o => visible.Contains(o.UnitId));
        if (filter.UnitId is { } unitId)
        {
            query = query.Where(o => o.UnitId == unitId);
        }

        if (filter.Year is { } year && year is >= 1 and <= 9999)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(o => o.Deadline >= from && o.Deadline <= to);
        }

        if (filter.State is { } state)
        {
            query = InState(query, state);
        }

        if (!string.IsNullOrWhiteSpace(filter.DeficiencyCode))
        {
            var code = filter.DeficiencyCode.Trim();
            query = query.Where(o => o.Finding!.DeficiencyCode == code);
        }

        return query;
    }

    /// <summary>The orders in a state, overdue computed from the deadline as <see cref="RectificationRules.IsOverdue"/> does.</summary>
    private IQueryable<RectificationOrder> InState(IQueryable<RectificationOrder> orders, OrderState state)
    {
        var today = Today;
        return state switch
        {
            OrderState.Open => orders.Where(o => o.Status == RectificationStatus.Open || o.Status == RectificationStatus.SentBack),
            OrderState.Overdue => orders.Where(o => (o.Status == RectificationStatus.Open || o.Status == RectificationStatus.SentBack) && o.Deadline < today),
            OrderState.AwaitingVerification => orders.Where(o => o.Status == RectificationStatus.Reported),
            _ => orders.Where(o => o.Status == RectificationStatus.Verified),
        };
    }

    private static IQueryable<Inspection> Sorted(IQueryable<Inspection> query, InspectionSort sort, SortDirection direction) => sort switch
    {
        InspectionSort.Unit => query.OrderBy(i => i.Unit!.Name, direction).ThenByDescending(i => i.StartedOn ?? i.PlannedOn).ThenBy(i => i.Id),
        InspectionSort.Status => query.OrderBy(i => i.Status == InspectionStatus.Planned ? 0 : i.Status == InspectionStatus.InProgress ? 1 : 2, direction)
            .ThenByDescending(i => i.StartedOn ?? i.PlannedOn).ThenBy(i => i.Id),
        _ => query.OrderBy(i => i.StartedOn ?? i.PlannedOn, direction).ThenBy(i => i.Id),
    };

    private static IQueryable<RectificationOrder> SortedOrders(IQueryable<RectificationOrder> query, OrderSort sort, SortDirection direction) => sort switch
    {
        OrderSort.Unit => query.OrderBy(o => o.Finding!.Inspection!.Unit!.Name, direction).ThenBy(o => o.Deadline).ThenBy(o => o.Id),
        OrderSort.Status => query.OrderBy(
                o => o.Status == RectificationStatus.Open ? 0 : o.Status == RectificationStatus.SentBack ? 1 : o.Status == RectificationStatus.Reported ? 2 : 3,
                direction)
            .ThenBy(o => o.Deadline).ThenBy(o => o.Id),
        _ => query.OrderBy(o => o.Deadline, direction).ThenBy(o => o.Id),
    };

    private IQueryable<InspectionListItem> Project(IQueryable<Inspection> query)
    {
        var today = Today;
        return query.Select(i => new InspectionListItem(
            i.Id,
            i.UnitId,
            i.Unit!.Code,
            i.Unit.Name,
            i.Body,
            i.BodyUnit!.Name,
            i.Kind,
            i.Status,
            i.StartedOn ?? i.PlannedOn,
            i.CompletedOn,
            i.Findings.Count,
            i.Findings.Count(f => f.Order != null && f.Order.Status != RectificationStatus.Verified),
            i.Findings.Count(f => f.Order != null && (f.Order.Status == RectificationStatus.Open || f.Order.Status == RectificationStatus.SentBack) && f.Order.Deadline < today)));
    }

    private static IQueryable<OrderListItem> ProjectOrders(IQueryable<RectificationOrder> query) =>
        query.Select(o => new OrderListItem(
            o.Id,
            o.Finding!.InspectionId,
            o.UnitId,
            o.Finding.Inspection!.Unit!.Code,
            o.Finding.Inspection.Unit.Name,
            o.Finding.DeficiencyCode,
            o.Requirements,
            o.IssuedOn,
            o.Deadline,
            o.Status,
            o.ReportedOn,
            o.VerifiedOn));
}
