using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Core.Tests.Notifications;

/// <summary>Issue 12: what is due soon and overdue, and who is told, one row per rule or boundary.</summary>
public sealed class ReminderRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(RectificationStatus.Open, "2026-12-05", null)] // art. 15: 8 days left, beyond the 7 "soon" days
    [InlineData(RectificationStatus.Open, "2026-12-04", NotificationKind.OrderDueSoon)] // 7 days left
    [InlineData(RectificationStatus.Open, "2026-11-27", NotificationKind.OrderDueSoon)] // the deadline is today
    [InlineData(RectificationStatus.Open, "2026-11-26", NotificationKind.OrderOverdue)] // art. 15: the deadline has passed
    [InlineData(RectificationStatus.SentBack, "2026-11-20", NotificationKind.OrderOverdue)] // sent back: the unit must report again
    [InlineData(RectificationStatus.Reported, "2026-11-20", null)] // with the inspector, not late for the unit
    [InlineData(RectificationStatus.Verified, "2026-11-20", null)] // closed
    public void Art15_an_order_is_due_soon_within_the_days_before_its_deadline_and_overdue_after_it(RectificationStatus status, string deadline, NotificationKind? expected) =>
        Assert.Equal(expected, ReminderRules.ForOrder(status, DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), Today, 7));

    [Theory]
    [InlineData(RectificationStatus.Open, "2026-11-13", false)] // 14 days overdue: not more than 14
    [InlineData(RectificationStatus.Open, "2026-11-12", true)] // 15 days overdue
    [InlineData(RectificationStatus.SentBack, "2026-11-01", true)]
    [InlineData(RectificationStatus.Reported, "2026-11-01", false)] // reported: not overdue for the unit
    public void Issue12_an_order_overdue_by_more_than_the_escalation_days_escalates(RectificationStatus status, string deadline, bool expected) =>
        Assert.Equal(expected, ReminderRules.Escalates(status, DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), Today, 14));

    [Theory]
    [InlineData(null, "2026-11-27", null)] // art. 17: due today, not late yet
    [InlineData(null, "2026-11-26", NotificationKind.ProposalFeedbackOverdue)] // late from the day after the due date
    [InlineData("2026-11-25", "2026-11-01", null)] // answered, however late
    public void Art17_a_proposal_without_feedback_after_its_due_date_is_overdue(string? feedbackOn, string dueOn, NotificationKind? expected) =>
        Assert.Equal(
            expected,
            ReminderRules.ForProposal(
                feedbackOn is null ? null : DateOnly.Parse(feedbackOn, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture),
                Today));

    [Theory]
    [InlineData(IncidentStatus.Registered, 23, false, NotificationKind.IncidentClockRunning)] // S6.10: within the 24 hours
    [InlineData(IncidentStatus.Registered, 24, false, NotificationKind.IncidentClockRunning)] // the last moment allowed
    [InlineData(IncidentStatus.UnderInvestigation, 25, false, NotificationKind.IncidentReportOverdue)] // D15.8
    [InlineData(IncidentStatus.Registered, 2, true, null)] // reported
    [InlineData(IncidentStatus.Closed, 48, false, null)] // closed
    [InlineData(IncidentStatus.Registered, -1, false, null)] // the clock starts at the discovery
    public void S6_10_an_unreported_leak_runs_its_clock_then_is_overdue(IncidentStatus status, int hoursSinceDiscovery, bool reported, NotificationKind? expected)
    {
        var discovered = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);
        DateTime? reportedAt = reported ? discovered.AddHours(1) : null;
        Assert.Equal(expected, ReminderRules.ForIncident(status, discovered, reportedAt, 24, discovered.AddHours(hoursSinceDiscovery)));
    }

    private static readonly ReminderAccount[] Officers =
    [
        new("officer-unit", 10),
        new("officer-parent", 1),
        new("officer-other", 20),
    ];

    [Fact]
    public void Art15_an_order_goes_to_its_inspectors_and_the_ordered_units_secrecy_officers()
    {
        Assert.Equal(["inspector", "officer-unit"], ReminderRules.OrderRecipients(["inspector"], Officers, 10));
        Assert.Equal(["officer-unit"], ReminderRules.OrderRecipients([], Officers, 10));
    }

    [Fact]
    public void Issue12_an_escalation_goes_to_the_secrecy_officers_one_level_up_who_are_not_told_already()
    {
        Assert.Equal(["officer-parent"], ReminderRules.EscalationRecipients(Officers, ["officer-unit"], 1));
        Assert.Empty(ReminderRules.EscalationRecipients(Officers, ["officer-parent"], 1));
        Assert.Empty(ReminderRules.EscalationRecipients(Officers, [], null)); // a root unit has nobody above it
    }

    [Fact]
    public void Art17_a_late_proposal_goes_to_its_proposer_and_the_cadre_officials_of_its_jurisdiction()
    {
        ReminderAccount[] cadre = [new("cadre-parent", 1), new("cadre-other", 20)];
        Assert.Equal(["cadre-parent", "proposer"], ReminderRules.ProposalRecipients("proposer", cadre, [10, 1]));
        Assert.Equal(["cadre-parent"], ReminderRules.ProposalRecipients(null, cadre, [10, 1]));
    }

    [Fact]
    public void S6_10_a_leaks_clock_goes_to_the_named_accounts_and_the_jurisdictions_secrecy_officers_unless_need_to_know()
    {
        Assert.Equal(["named", "officer-parent", "officer-unit"], ReminderRules.IncidentRecipients(Officers, ["named"], false, [10, 1]));
        Assert.Equal(["named"], ReminderRules.IncidentRecipients(Officers, ["named"], true, [10, 1]));
    }
}
