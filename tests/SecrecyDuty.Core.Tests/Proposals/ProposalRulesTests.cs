using SecrecyDuty.Core.Proposals;

namespace SecrecyDuty.Core.Tests.Proposals;

/// <summary>Art. 17: a proposal waits for the cadre-management organ's feedback, which is due by a date.</summary>
public sealed class ProposalRulesTests
{
    private static readonly DateOnly Due = new(2026, 11, 30);

    [Theory]
    [InlineData("2026-11-29", ProposalState.AwaitingFeedback)]
    [InlineData("2026-11-30", ProposalState.AwaitingFeedback)]
    [InlineData("2026-12-01", ProposalState.FeedbackOverdue)]
    public void Feedback_is_overdue_from_the_day_after_it_was_due(string today, ProposalState state) =>
        Assert.Equal(state, ProposalRules.StateOn(null, Due, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_proposal_with_its_feedback_is_answered_even_after_the_due_date() =>
        Assert.Equal(ProposalState.Answered, ProposalRules.StateOn(new DateOnly(2026, 12, 5), Due, new DateOnly(2026, 12, 10)));

    [Fact]
    public void Feedback_is_due_the_configured_days_after_the_proposal_was_sent() =>
        Assert.Equal(new DateOnly(2026, 12, 31), ProposalRules.DefaultFeedbackDue(new DateOnly(2026, 12, 1), ProposalRules.DefaultFeedbackDays));

    [Theory]
    [InlineData(ProposingBody.SecrecyDepartment, 1, 2, true)]
    [InlineData(ProposingBody.SecrecyOrganization, 2, 2, true)]
    [InlineData(ProposingBody.SecrecyOrganization, 1, 2, false)]
    public void Art17_a_units_secrecy_organization_proposes_about_its_own_leaders(ProposingBody body, int bodyUnit, int leaderUnit, bool fits) =>
        Assert.Equal(fits, ProposalRules.BodyFits(body, bodyUnit, leaderUnit));
}
