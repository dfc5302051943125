namespace SecrecyDuty.Core.Inspections;

public enum InspectionSort
{
    Date,
    Unit,
    Status,
}

/// <summary>Where an inspection's orders stand, as the list filters them.</summary>
public enum OrderState
{
    /// <summary>Not reported by the unit yet (open or sent back).</summary>
    Open,

    /// <summary>Open past the deadline.</summary>
    Overdue,

    /// <summary>Reported, waiting for the inspector's verification.</summary>
    AwaitingVerification,

    Verified,
}

/// <summary>The inspection list's filters and order, as the query string carries them.</summary>
public sealed class InspectionFilter
{
    public string? Search { get; set; }

    public int? UnitId { get; set; }

    /// <summary>The year the inspection took place (started, or planned when not started).</summary>
    public int? Year { get; set; }

    public InspectingBody? Body { get; set; }

    public InspectionStatus? Status { get; set; }

    /// <summary>Inspections with a finding of this code (D15.x).</summary>
    public string? DeficiencyCode { get; set; }

    /// <summary>Inspections with an order in this state.</summary>
    public OrderState? OrderState { get; set; }

    public InspectionSort Sort { get; set; } = InspectionSort.Date;

    public Common.SortDirection Direction { get; set; } = Common.SortDirection.Descending;
}

public sealed record InspectionListItem(
    int Id,
    int UnitId,
    string UnitCode,
    string UnitName,
    InspectingBody Body,
    string BodyUnitName,
    InspectionKind Kind,
    InspectionStatus Status,
    DateOnly Date,
    DateOnly? CompletedOn,
    int Findings,
    int OpenOrders,
    int OverdueOrders);

public enum OrderSort
{
    Deadline,
    Unit,
    Status,
}

/// <summary>The order list's filters and order.</summary>
public sealed class OrderFilter
{
    public int? UnitId { get; set; }

    /// <summary>The year of the deadline.</summary>
    public int? Year { get; set; }

    public OrderState? State { get; set; }

    public string? DeficiencyCode { get; set; }

    public OrderSort Sort { get; set; } = OrderSort.Deadline;

    public Common.SortDirection Direction { get; set; } = Common.SortDirection.Ascending;
}

public sealed record OrderListItem(
    int Id,
    int InspectionId,
    int UnitId,
    string UnitCode,
    string UnitName,
    string? DeficiencyCode,
    string Requirements,
    DateOnly IssuedOn,
    DateOnly Deadline,
    RectificationStatus Status,
    DateOnly? ReportedOn,
    DateOnly? VerifiedOn);

/// <summary>A unit's inspections and orders as its page shows them (bounded: the latest inspections, the orders still open).</summary>
public sealed record UnitInspections(IReadOnlyList<InspectionListItem> Latest, int Total, IReadOnlyList<OrderListItem> OpenOrders, DateOnly Today);
