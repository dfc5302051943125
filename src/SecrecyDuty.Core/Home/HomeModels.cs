using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Proposals;

namespace SecrecyDuty.Core.Home;

/// <summary>What the home page of a role shows about the signed-in account's place in the province, and its dashboards.</summary>
public sealed record HomeSummary(
    string DisplayName,
    string UnitName,
    string UnitCode,
    IReadOnlyList<string> Roles,
    JurisdictionScope Scope,
    int UnitsInJurisdiction,
    int? AccountsInJurisdiction,
    LeaderDashboard? Leader,
    ComplianceDashboard? Compliance,
    CadreWork? Cadre = null,
    RectificationWork? Rectification = null)
{
    /// <summary>Art. 17 proposals waiting for feedback; null for an account that reads none.</summary>
    public ProposalWork? Proposals { get; init; }
}

/// <summary>
/// A cadre official's work (art. 9): the appraisals of <see cref="Year"/> in the jurisdiction that have the secrecy
/// organization's opinion and wait to be finalized, and those finalized.
/// </summary>
public sealed record CadreWork(int Year, int AwaitingDecision, int Finalized);

/// <summary>One of the leader's own postings holding in the year, with its duty checklist's status (null: not started).</summary>
public sealed record OwnChecklist(int PostingId, string UnitName, PostingRole Role, string Title, ChecklistStatus? Status);

/// <summary>Where the leader's own appraisal of the year stands (art. 9).</summary>
public enum OwnAppraisalState
{
    NotStarted,

    /// <summary>Opened; the secrecy section of the duty report is not written yet.</summary>
    InProgress,

    /// <summary>The duty report section is written; the secrecy organization's opinion is awaited.</summary>
    AwaitingOpinion,

    /// <summary>The secrecy organization's opinion is in (art. 9); the cadre official's grade and finalizing are awaited.</summary>
    AwaitingDecision,

    /// <summary>The opinion is in and the appraisal is finalized.</summary>
    Finalized,
}

/// <summary>
/// A unit leader's dashboard: what is due for the unit and for the leader, with the report of the practice period
/// (half-year) "today" falls in. <see cref="LeaderId"/> is null
/// when the account is not linked to a leader record (then no own checklist or appraisal can be shown).
/// </summary>
public sealed record LeaderDashboard(
    int Year,
    DateOnly Today,
    UnitCompliance? Unit,
    int? LeaderId,
    IReadOnlyList<OwnChecklist> Checklists,
    OwnAppraisalState Appraisal)
{
    /// <summary>The province's practice for P5.3 in the period (half-year) we are in; null without a unit or a practice.</summary>
    public PracticePeriod? CurrentPracticePeriod => Unit?.PracticePeriodOn(Today);

    /// <summary>How many periods the practice divides the year into (2: half-years).</summary>
    public int PracticePeriodsPerYear => Unit?.PracticePeriods.Count ?? 0;
}
