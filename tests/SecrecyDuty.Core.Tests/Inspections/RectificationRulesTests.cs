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
