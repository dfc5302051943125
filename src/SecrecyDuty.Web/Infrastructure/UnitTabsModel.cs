namespace SecrecyDuty.Web.Infrastructure;

/// <summary>Which unit, and which of its tabs is showing: "overview", "leadership", "organization", "rules" or "inspections".</summary>
public sealed record UnitTabsModel(int UnitId, string Active);
