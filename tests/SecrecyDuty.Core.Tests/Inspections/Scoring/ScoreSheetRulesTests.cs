using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Inspections.Scoring;

namespace SecrecyDuty.Core.Tests.Inspections.Scoring;

/// <summary>Issue 8: an inspection scores the unit while it runs; a self-inspection is the unit's self-assessment, submitted and reviewed by the superior office.</summary>
public sealed class ScoreSheetRulesTests
{
    [Theory]
    [InlineData(false, false, false, ScoreSheetPhase.NotStarted)]
    [InlineData(true, false, false, ScoreSheetPhase.Open)]
    [InlineData(true, true, false, ScoreSheetPhase.Submitted)]
    [InlineData(true, true, true, ScoreSheetPhase.Reviewed)]
    public void A_sheet_is_open_until_submitted_and_reviewed(bool started, bool submitted, bool reviewed, ScoreSheetPhase phase)
    {
        var at = new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
        Assert.Equal(phase, ScoreSheetRules.PhaseOf(started, submitted ? at : null, reviewed ? at : null));
    }

    [Theory]
    [InlineData(InspectingBody.SuperiorOrgan, InspectionStatus.Planned, ScoreSheetPhase.NotStarted, ScoreSheetProblem.None)]
    [InlineData(InspectingBody.SuperiorOrgan, InspectionStatus.InProgress, ScoreSheetPhase.Open, ScoreSheetProblem.None)]
    [InlineData(InspectingBody.SecrecyDepartment, InspectionStatus.Completed, ScoreSheetPhase.Open, ScoreSheetProblem.InspectionCompleted)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, InspectionStatus.Completed, ScoreSheetPhase.Open, ScoreSheetProblem.None)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, InspectionStatus.InProgress, ScoreSheetPhase.Submitted, ScoreSheetProblem.AlreadySubmitted)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, InspectionStatus.InProgress, ScoreSheetPhase.Reviewed, ScoreSheetProblem.AlreadySubmitted)]
    public void An_inspections_score_is_fixed_when_it_completes_a_self_assessments_when_it_is_submitted(
        InspectingBody body, InspectionStatus status, ScoreSheetPhase phase, ScoreSheetProblem expected) =>
        Assert.Equal(expected, ScoreSheetRules.CanScore(body, status, phase));

    [Theory]
    [InlineData(InspectingBody.SuperiorOrgan, ScoreSheetPhase.Open, true, ScoreSheetProblem.NotASelfAssessment)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, ScoreSheetPhase.Open, false, ScoreSheetProblem.NotScored)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, ScoreSheetPhase.Open, true, ScoreSheetProblem.None)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, ScoreSheetPhase.Submitted, true, ScoreSheetProblem.AlreadySubmitted)]
    public void Only_a_scored_self_assessment_is_submitted_once(InspectingBody body, ScoreSheetPhase phase, bool scored, ScoreSheetProblem expected) =>
        Assert.Equal(expected, ScoreSheetRules.CanSubmit(body, phase, scored));

    [Theory]
    [InlineData(InspectingBody.SecrecyDepartment, ScoreSheetPhase.Submitted, true, ScoreSheetProblem.NotASelfAssessment)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, ScoreSheetPhase.Open, true, ScoreSheetProblem.NotSubmitted)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, ScoreSheetPhase.Submitted, false, ScoreSheetProblem.ReviewerNotSuperior)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, ScoreSheetPhase.Submitted, true, ScoreSheetProblem.None)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, ScoreSheetPhase.Reviewed, true, ScoreSheetProblem.AlreadyReviewed)]
    public void The_superior_office_reviews_a_submitted_self_assessment_once(InspectingBody body, ScoreSheetPhase phase, bool superior, ScoreSheetProblem expected) =>
        Assert.Equal(expected, ScoreSheetRules.CanReview(body, phase, superior));

    [Theory]
    [InlineData(InspectionStatus.Planned, ScoreSheetPhase.Open, ScoreSheetProblem.InspectionNotInProgress)]
    [InlineData(InspectionStatus.InProgress, ScoreSheetPhase.Open, ScoreSheetProblem.None)]
    [InlineData(InspectionStatus.Completed, ScoreSheetPhase.Open, ScoreSheetProblem.InspectionNotInProgress)]
    [InlineData(InspectionStatus.InProgress, ScoreSheetPhase.Submitted, ScoreSheetProblem.AlreadySubmitted)]
    public void Deductions_become_findings_while_the_inspection_is_in_progress(InspectionStatus status, ScoreSheetPhase phase, ScoreSheetProblem expected) =>
        Assert.Equal(expected, ScoreSheetRules.CanDraftFindings(status, phase));

    [Theory]
    [InlineData(true, FindingSeverity.Serious)]
    [InlineData(false, FindingSeverity.Ordinary)]
    public void A_failed_veto_item_drafts_a_serious_finding(bool veto, FindingSeverity severity) =>
        Assert.Equal(severity, ScoreSheetRules.SeverityOf(new DraftFinding("1.2", "D15.3", "P5.2", "未建立保密委员会", 1, 0, 6, veto)));
}
