namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>Where a score sheet stands. An inspection's sheet is open until the inspection is completed; a self-assessment's until it is submitted.</summary>
public enum ScoreSheetPhase
{
    /// <summary>No template chosen yet.</summary>
    NotStarted,

    Open,

    /// <summary>A self-assessment (自查自评) submitted to the superior secrecy office, awaiting its review.</summary>
    Submitted,

    /// <summary>A self-assessment the superior secrecy office has reviewed.</summary>
    Reviewed,
}

public enum ScoreSheetProblem
{
    None,

    /// <summary>A completed inspection's score is fixed, as its findings are.</summary>
    InspectionCompleted,

    /// <summary>A submitted self-assessment is the superior's to review; the unit no longer changes it.</summary>
    AlreadySubmitted,

    /// <summary>Only a self-inspection is a self-assessment, submitted and reviewed.</summary>
    NotASelfAssessment,

    /// <summary>A sheet is submitted once it has been scored.</summary>
    NotScored,

    /// <summary>Only a submitted self-assessment is reviewed, once.</summary>
    NotSubmitted,

    AlreadyReviewed,

    /// <summary>The review is the superior secrecy office's: a unit does not review its own self-assessment.</summary>
    ReviewerNotSuperior,

    /// <summary>Findings are drafted while the inspection is in progress (as they are recorded by hand).</summary>
    InspectionNotInProgress,
}

/// <summary>
/// The life of a score sheet (issue 8), as pure functions: an inspection scores the unit while it runs; a unit's
/// self-inspection is its self-assessment, submitted with evidence to the superior secrecy office, which reviews it.
/// </summary>
public static class ScoreSheetRules
{
    public static ScoreSheetPhase PhaseOf(bool started, DateTime? submittedAtUtc, DateTime? reviewedAtUtc) =>
        !started ? ScoreSheetPhase.NotStarted
        : reviewedAtUtc is not null ? ScoreSheetPhase.Reviewed
        : submittedAtUtc is not null ? ScoreSheetPhase.Submitted
        : ScoreSheetPhase.Open;

    public static bool IsSelfAssessment(InspectingBody body) => body == InspectingBody.OwnSecrecyOrganization;

    /// <summary>Whether the sheet may be started or its entries changed.</summary>
    public static ScoreSheetProblem CanScore(InspectingBody body, InspectionStatus status, ScoreSheetPhase phase) =>
        phase is ScoreSheetPhase.Submitted or ScoreSheetPhase.Reviewed ? ScoreSheetProblem.AlreadySubmitted
        : !IsSelfAssessment(body) && status == InspectionStatus.Completed ? ScoreSheetProblem.InspectionCompleted
        : ScoreSheetProblem.None;

    public static ScoreSheetProblem CanSubmit(InspectingBody body, ScoreSheetPhase phase, bool scored) =>
        !IsSelfAssessment(body) ? ScoreSheetProblem.NotASelfAssessment
        : phase is ScoreSheetPhase.Submitted or ScoreSheetPhase.Reviewed ? ScoreSheetProblem.AlreadySubmitted
        : !scored ? ScoreSheetProblem.NotScored
        : ScoreSheetProblem.None;

    /// <param name="body">The inspecting body of the sheet's inspection.</param>
    /// <param name="phase">Where the sheet stands.</param>
    /// <param name="reviewerIsSuperior">The reviewer's unit lies above the assessed unit (not the unit itself).</param>
    public static ScoreSheetProblem CanReview(InspectingBody body, ScoreSheetPhase phase, bool reviewerIsSuperior) =>
        !IsSelfAssessment(body) ? ScoreSheetProblem.NotASelfAssessment
        : phase == ScoreSheetPhase.Reviewed ? ScoreSheetProblem.AlreadyReviewed
        : phase != ScoreSheetPhase.Submitted ? ScoreSheetProblem.NotSubmitted
        : !reviewerIsSuperior ? ScoreSheetProblem.ReviewerNotSuperior
        : ScoreSheetProblem.None;

    /// <summary>Deductions become findings while the inspection runs, like findings recorded by hand.</summary>
    public static ScoreSheetProblem CanDraftFindings(InspectionStatus status, ScoreSheetPhase phase) =>
        phase is ScoreSheetPhase.Submitted or ScoreSheetPhase.Reviewed ? ScoreSheetProblem.AlreadySubmitted
        : status != InspectionStatus.InProgress ? ScoreSheetProblem.InspectionNotInProgress
        : ScoreSheetProblem.None;

    /// <summary>
    /// The severity of a finding drafted from a deduction: serious for a failed veto item, ordinary otherwise (the
    /// inspectors change it on the finding when it deserves another).
    /// </summary>
    public static FindingSeverity SeverityOf(DraftFinding draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.IsVeto ? FindingSeverity.Serious : FindingSeverity.Ordinary;
    }
}
