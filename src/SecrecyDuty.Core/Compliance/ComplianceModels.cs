namespace SecrecyDuty.Core.Compliance;

/// <summary>The requirements in the order the heat map shows them.</summary>
public static class Requirements
{
    public static IReadOnlyList<Requirement> All { get; } = Enum.GetValues<Requirement>();
}

/// <summary>What the states of one unit and year were computed from: the records behind each cell.</summary>
public sealed record ComplianceCounts(
    int FirstHalfBriefings,
    int SecondHalfBriefings,
    int MemberMeetings,
    int Trainings,
    DateOnly? OrganizationEstablishedOn,
    int Cadres,
    int FullTimeCadres,
    int RuleAreas,
    IReadOnlyList<string> MissingRuleAreas,
    int ChecklistsRequired,
    int ChecklistsSubmitted,
    int ChecklistsReviewed)
{
    public int Briefings => FirstHalfBriefings + SecondHalfBriefings;
}

/// <summary>
/// One row of the heat map: a unit's state for every requirement in a year, in <see cref="Requirements.All"/> order,
/// with the semiannual view of P5.3. <see cref="Depth"/>: how far below the top of the jurisdiction the unit lies.
/// </summary>
public sealed record UnitCompliance(
    int UnitId,
    string UnitCode,
    string UnitName,
    int Depth,
    int Year,
    IReadOnlyList<ComplianceResult> Results,
    ComplianceState FirstHalfBriefing,
    ComplianceState SecondHalfBriefing,
    ComplianceCounts Counts)
{
    public ComplianceResult this[Requirement requirement] => Results.Single(r => r.Requirement == requirement);

    /// <summary>Nothing missing and nothing partly met: every requirement met or not yet due.</summary>
    public bool IsCompliant => Results.All(r => r.State is ComplianceState.Met or ComplianceState.NotYetDue);

    /// <summary>Requirements missing or partly met: overdue.</summary>
    public IEnumerable<ComplianceResult> Gaps => Results.Where(r => r.State is ComplianceState.Missing or ComplianceState.PartlyMet);
}

/// <summary>How many units of the map are in each state for one requirement.</summary>
public sealed record RequirementTally(Requirement Requirement, int Met, int PartlyMet, int Missing, int NotYetDue)
{
    public int Count(ComplianceState state) => state switch
    {
        ComplianceState.Met => Met,
        ComplianceState.PartlyMet => PartlyMet,
        ComplianceState.Missing => Missing,
        _ => NotYetDue,
    };
}

/// <summary>The filters of the heat map.</summary>
public sealed record ComplianceFilter(string? Search = null, bool GapsOnly = false);

/// <summary>
/// The jurisdiction's heat map for a year: one page of rows (units in tree order) and, over every unit the
/// filters select, the tallies per requirement and the totals.
/// </summary>
public sealed record ComplianceHeatMap(
    int Year,
    Common.PagedList<UnitCompliance> Rows,
    IReadOnlyList<RequirementTally> Tallies,
    int Units,
    int CompliantUnits,
    int MissingItems,
    int PartlyMetItems);

/// <summary>One year of the trend charts.</summary>
public sealed record ComplianceTrend(int Year, int Briefings, int MemberMeetings, int Trainings, int Units, int CompliantUnits)
{
    /// <summary>Share of compliant units, in per cent (0 when there are no units).</summary>
    public double CompliantShare => Units == 0 ? 0 : Math.Round(100.0 * CompliantUnits / Units, 1);
}

/// <summary>One requirement of a unit that is missing or partly met (overdue), or still due by the year's end.</summary>
public sealed record DueItem(int UnitId, string UnitName, ComplianceResult Result);

/// <summary>What a secrecy officer or supervisor sees on sign-in: the current year over the jurisdiction.</summary>
public sealed record ComplianceDashboard(
    ComplianceHeatMap HeatMap,
    IReadOnlyList<ComplianceTrend> Trends,
    IReadOnlyList<DueItem> Overdue,
    int OverdueCount,
    IReadOnlyList<DueItem> DueLater,
    int DueLaterCount);

/// <summary>A unit's compliance page: its row, and what the account may record from it.</summary>
public sealed record UnitCompliancePage(UnitCompliance Unit, bool CanRecordActivities, bool CanMaintainMasterData, int RuleAreaCount);
