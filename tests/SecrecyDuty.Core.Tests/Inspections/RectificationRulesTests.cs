using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Inspections;

namespace SecrecyDuty.Core.Tests.Inspections;

public class RectificationRulesTests
{
    private static readonly DateOnly Deadline = new(2026, 12, 31);

    [Theory]
    [InlineData(null, RectificationAction.Issue, RectificationStatus.Open)]
    [InlineData(RectificationStatus.Open, RectificationAction.Report, RectificationStatus.Reported)]
    [InlineData(RectificationStatus.Reported, RectificationAction.Verify, RectificationStatus.Verified)]
    [InlineData(RectificationStatus.Reported, RectificationAction.SendBack, RectificationStatus.SentBack)]
    [InlineData(RectificationStatus.SentBack, RectificationAction.Report, RectificationStatus.Reported)]
    public void Art15_order_moves_open_reported_verified_or_sent_back(RectificationStatus? from, RectificationAction action, RectificationStatus to) =>
        Assert.Equal(to, RectificationRules.Next(from, action));

    [Theory]
    [InlineData(RectificationStatus.Open, RectificationAction.Issue)]
    [InlineData(RectificationStatus.Open, RectificationAction.Verify)]
    [InlineData(RectificationStatus.Open, RectificationAction.SendBack)]
    [InlineData(RectificationStatus.Reported, RectificationAction.Report)]
    [InlineData(RectificationStatus.SentBack, RectificationAction.Verify)]
    [InlineData(RectificationStatus.Verified, RectificationAction.Report)]
    [InlineData(RectificationStatus.Verified, RectificationAction.SendBack)]
    [InlineData(RectificationStatus.Verified, RectificationAction.Verify)]
    [InlineData(null, RectificationAction.Report)]
    public void Illegal_steps_are_refused(RectificationStatus? from, RectificationAction action) =>
        Assert.Null(RectificationRules.Next(from, action));

    [Theory]
    [InlineData(RectificationStatus.Open, "2026-12-31", false)]
    [InlineData(RectificationStatus.Open, "2027-01-01", true)]
    [InlineData(RectificationStatus.SentBack, "2027-01-01", true)]
    [InlineData(RectificationStatus.Reported, "2027-01-01", false)]
    [InlineData(RectificationStatus.Verified, "2027-06-01", false)]
    public void Overdue_once_the_deadline_has_passed_without_a_report(RectificationStatus status, string today, bool overdue) =>
        Assert.Equal(overdue, RectificationRules.IsOverdue(status, Deadline, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-12-30", false)]
    [InlineData("2026-12-31", true)]
    [InlineData("2026-12-29", false)]
    public void The_deadline_lies_after_the_day_of_issue(string deadline, bool valid) =>
        Assert.Equal(valid, RectificationRules.IsValidDeadline(new DateOnly(2026, 12, 30), DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Days_left_are_negative_once_overdue()
    {
        Assert.Equal(1, RectificationRules.DaysLeft(Deadline, new DateOnly(2026, 12, 30)));
        Assert.Equal(-2, RectificationRules.DaysLeft(Deadline, new DateOnly(2027, 1, 2)));
    }
}

public class RectificationComplianceTests
{
    private static readonly DateOnly Deadline = new(2026, 12, 15);

    [Theory]
    [InlineData(0, 0, 0, ComplianceState.Met)]
    [InlineData(2, 0, 0, ComplianceState.Met)]
    [InlineData(2, 0, 1, ComplianceState.NotYetDue)]
    [InlineData(2, 1, 1, ComplianceState.PartlyMet)]
    [InlineData(2, 2, 0, ComplianceState.Missing)]
    public void Art15_orders_past_their_deadline_without_a_report_are_a_gap(int due, int overdue, int pending, ComplianceState expected)
    {
        var result = ComplianceRules.RectificationOrders(due, overdue, pending, pending > 0 ? Deadline : null);
        Assert.Equal(expected, result.State);
        Assert.Equal(Requirement.RectificationOrders, result.Requirement);
        Assert.Equal(RequirementBasis.Regulation, result.Basis);
    }

    [Fact]
    public void An_open_order_is_due_by_its_deadline() =>
        Assert.Equal(Deadline, ComplianceRules.RectificationOrders(1, 0, 1, Deadline).DueOn);
}
