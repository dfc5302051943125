namespace SecrecyDuty.Web.Infrastructure;

/// <summary>Which unit, and which of its tabs is showing: "overview", "leadership", "organization" or "rules".</summary>
public sealed record UnitTabsModel(int UnitId, string Active);
