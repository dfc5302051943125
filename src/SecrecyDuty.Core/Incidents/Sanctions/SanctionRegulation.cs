using SecrecyDuty.Core.Catalogue;

namespace SecrecyDuty.Core.Incidents.Sanctions;

/// <summary>
/// The regulation whose texts the incident pages cite in their sanction guidance: the newest version carrying sanction
/// rules, read once from the regulation files the catalogue is seeded from (as the <c>guidance</c> command reads them).
/// </summary>
public sealed record SanctionRegulation(RegulationDefinition Definition);
