using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>A template version as the list shows it. <paramref name="LoadedAtUtc"/> is UTC.</summary>
public sealed record ScoreTemplateListItem(
    int Id,
    string Code,
    string Version,
    string Title,
    string TitleEn,
    bool IsCurrent,
    DateTime LoadedAtUtc,
    string LoadedBy,
    int CategoryCount,
    int ItemCount);

/// <summary>
/// A template version with everything in it, as <see cref="ScoreRules"/> scores against it, and the ids of its items
/// (by code) for the score sheets that record entries on them.
/// </summary>
public sealed record ScoreTemplateDetails(
    int Id,
    bool IsCurrent,
    string SourceFile,
    DateTime LoadedAtUtc,
    string LoadedBy,
    ScoreTemplateDefinition Template,
    IReadOnlyDictionary<string, int> ItemIds);

/// <summary>The inspection a score sheet belongs to, as the sheet's page heads it.</summary>
public sealed record ScoredInspection(
    int Id,
    InspectionUnit Unit,
    UnitKind UnitKind,
    InspectingBody Body,
    InspectionUnit BodyUnit,
    InspectionStatus Status,
    DateOnly Date)
{
    public bool IsSelfAssessment => ScoreSheetRules.IsSelfAssessment(Body);
}

/// <summary>What is stored for one item: the form's values, and the finding its deductions became.</summary>
public sealed record ScoreEntryState(int Defects, int Occurrences, bool NotApplicable, string? NotApplicableReason, string? Note, int? FindingId);

/// <summary>
/// A score sheet with its template, the entries and the result computed from them (<see cref="Result"/> is null before
/// a template is chosen), where it stands, and what the account may do with it now.
/// </summary>
public sealed record ScoreSheetView(
    ScoredInspection Inspection,
    ScoreSheetPhase Phase,
    ScoreTemplateEdition? Template,
    ScoreTemplateDefinition? Definition,
    IReadOnlyDictionary<string, ScoreEntryState> Entries,
    ScoreResult? Result,
    IReadOnlyList<ScoreTemplateEdition> Templates,
    DateTime? SubmittedAtUtc,
    string? SubmittedBy,
    DateTime? ReviewedAtUtc,
    string? ReviewedBy,
    string? ReviewOpinion,
    IReadOnlyList<EvidenceFileItem> Evidence,
    bool CanScore,
    bool CanDraftFindings,
    bool CanSubmit,
    bool CanReview,
    int Version = Common.Versions.None)
{
    /// <summary>Deductions not yet turned into findings.</summary>
    public int FindingsToDraft => Result is null ? 0 : ScoreRules.FindingsToDraft(Result).Count(d => Entries.GetValueOrDefault(d.ItemCode)?.FindingId is null);
}

/// <summary>A score as the opinion and the lists show it: percentage, grade (with both languages' labels), veto.</summary>
public sealed record ScoreSummary(int InspectionId, decimal? Percentage, string? GradeCode, string? GradeLabel, string? GradeLabelEn, bool VetoFailed);

/// <summary>The results list's filter: the year the inspections and self-assessments were done.</summary>
public sealed record ScoreResultsFilter(int Year);

/// <summary>
/// A unit's line of the circulated results list (issue 8): its place, the score of its latest completed inspection in
/// the year, and beside it the score of its latest submitted self-assessment.
/// </summary>
public sealed record ScoreResultRow(int Rank, InspectionUnit Unit, ScoreSummary? Inspected, ScoreSummary? SelfAssessed);
