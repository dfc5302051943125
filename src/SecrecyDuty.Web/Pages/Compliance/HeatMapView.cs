using SecrecyDuty.Core.Compliance;

namespace SecrecyDuty.Web.Pages.Compliance;

/// <summary>The heat map partial's model. <paramref name="Compact"/>: on a dashboard, without the tallies.</summary>
public sealed record HeatMapView(ComplianceHeatMap Map, bool Compact);
