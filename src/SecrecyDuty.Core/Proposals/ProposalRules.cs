namespace SecrecyDuty.Core.Proposals;

/// <summary>Where a proposal stands (art. 17): waiting for feedback, past the date it was due, or answered.</summary>
public enum ProposalState
{
    AwaitingFeedback,
    FeedbackOverdue,
    Answered,
}

/// <summary>The art. 17 rules of a proposal, as pure functions.</summary>
public static class ProposalRules
{
    /// <summary>The days the organ is given to answer when the proposal does not say (the setting Proposals:FeedbackDays).</summary>
    public const int DefaultFeedbackDays = 30;

    public static DateOnly DefaultFeedbackDue(DateOnly sentOn, int feedbackDays) => sentOn.AddDays(feedbackDays);

    /// <summary>Open until the feedback is recorded; overdue from the day after the due date.</summary>
    public static ProposalState StateOn(DateOnly? feedbackOn, DateOnly feedbackDueOn, DateOnly today) =>
        feedbackOn is not null ? ProposalState.Answered
        : today > feedbackDueOn ? ProposalState.FeedbackOverdue
        : ProposalState.AwaitingFeedback;

    /// <summary>Art. 17: the secrecy department proposes to another unit's organ; a unit's secrecy organization proposes about its own leaders.</summary>
    public static bool BodyFits(ProposingBody body, int bodyUnitId, int leaderUnitId) =>
        body != ProposingBody.SecrecyOrganization || bodyUnitId == leaderUnitId;
}
