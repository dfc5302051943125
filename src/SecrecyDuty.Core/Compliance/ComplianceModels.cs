namespace SecrecyDuty.Core.Compliance;

/// <summary>The requirements in the order the heat map shows them.</summary>
public static class Requirements
{
    public static IReadOnlyList<Requirement> All { get; } = Enum.GetValues<Requirement>();
}

/// <summary>What the states of one unit and year were computed from: the records behind each cell.</summary>
public sealed record ComplianceCounts(
    int Briefings,
    IReadOnlyList<int> BriefingsPerPracticePeriod,
    int MemberMeetings,
    int Trainings,
    DateOnly? OrganizationEstablishedOn,
    int Cadres,
    int FullTimeCadres,
    int RuleAreas,
    IReadOnlyList<string> MissingRuleAreas,
    int RuleAreasNotApplicable,
    int ChecklistsRequired,
    int ChecklistsSubmitted,
    int ChecklistsReviewed,
    int OrdersDue = 0,
    int OrdersOverdue = 0,
    int OrdersPending = 0,
    DateOnly? NextOrderDeadline = null);

/// <summary>
/// One row of the heat map: a unit's state for every requirement in a year, in <see cref="Requirements.All"/> order,
/// with the periods of the province's practice for P5.3 (the half-years in the shipped data).
/// <see cref="Depth"/>: how far below the top of the jurisdiction the unit lies. <see cref="EstablishedOn"/> and
/// <see cref="ClosedOn"/>: the unit's life, when recorded (a year outside it is not judged).
/// </summary>
public sealed record UnitCompliance(
    int UnitId,
    string UnitCode,
    string UnitName,
    int Depth,
    int Year,
    IReadOnlyList<ComplianceResult> Results,
    IReadOnlyList<PracticePeriod> PracticePeriods,
    ComplianceCounts Counts)
{
    public DateOnly? EstablishedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public ComplianceResult this[Requirement requirement] => Results.Single(r => r.Requirement == requirement);

    /// <summary>Nothing the regulation asks for is missing or partly met: each of its requirements is met, not yet due or not judged.</summary>
    public bool IsCompliant => !Results.Any(r => r.Basis == RequirementBasis.Regulation && r.IsGap);

    /// <summary>Nothing the province's practice expects on top of the regulation is overdue.</summary>
    public bool MeetsPractice => !Results.Any(r => r.Basis == RequirementBasis.Practice && r.IsGap);

    /// <summary>Requirements missing or partly met after their due date: overdue (the regulation's and the practice's).</summary>
    public IEnumerable<ComplianceResult> Gaps => Results.Where(r => r.IsGap);

    /// <summary>The practice period "today" falls in (for the current year), else the last one; null without a practice.</summary>
    public PracticePeriod? PracticePeriodOn(DateOnly date) =>
        PracticePeriods.Count == 0 ? null
        : date.Year == Year ? PracticePeriods.LastOrDefault(p => p.Start <= date) ?? PracticePeriods[0]
        : PracticePeriods[^1];
}

/// <summary>How many units of the map are in each state for one requirement.</summary>
public sealed record RequirementTally(Requirement Requirement, int Met, int PartlyMet, int Missing, int NotYetDue, int NotJudged = 0)
{
    public int Count(ComplianceState state) => state switch
    {
        ComplianceState.Met => Met,
        ComplianceState.PartlyMet => PartlyMet,
        ComplianceState.Missing => Missing,
        ComplianceState.NotJudged => NotJudged,
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
public sealed record UnitCompliancePage(UnitCompliance Unit, bool CanRecordActivities, bool CanMaintainMasterData, int RuleAreaCount, ComplianceFrequencies Frequencies);
