using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Core.Tests.Notifications;

/// <summary>Issue 12: reminders from the catalogue's frequency rules, judged as the compliance engine judges them.</summary>
public sealed class FrequencyReminderRulesTests
{
    [Theory]
    [InlineData("2026-06-01", 0, 30, "2026-06-30")] // P5.3 practice: first half-year ends in 29 days, no briefing
    [InlineData("2026-05-31", 0, 30, "2026-06-30")] // 30 days left: the boundary counts
    [InlineData("2026-05-30", 0, 30, null)] // 31 days left: not yet
    [InlineData("2026-06-15", 1, 30, null)] // a briefing heard in the half-year: met, as the compliance page says
    [InlineData("2026-12-20", 0, 30, "2026-12-31")] // second half-year
    public void A_half_year_ending_soon_without_a_briefing_is_due_P5_3(string today, int heard, int days, string? expected)
    {
        var date = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var periodIndex = (date.Month - 1) / 6;
        var done = new int[2];
        done[periodIndex] = heard;
        var practice = ComplianceRules.PracticePeriods(new AssessmentPeriod(2026, date), ComplianceFrequencies.Shipped.Briefings, done);

        Assert.Equal(Parse(expected), ReminderRules.BriefingDueOn(practice, date, days));
    }

    [Theory]
    [InlineData("2026-12-01", 1, "2026-12-31")] // S6.5 "每年2次以上": one meeting, 30 days left
    [InlineData("2026-12-01", 2, null)] // two held: met
    [InlineData("2026-11-30", 0, null)] // 31 days left: not yet
    [InlineData("2026-12-31", 0, "2026-12-31")] // the last day
    public void Fewer_than_two_member_meetings_near_the_year_end_are_due_S6_5(string today, int meetings, string? expected)
    {
        var date = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var judged = ComplianceRules.MemberMeetings(new AssessmentPeriod(2026, date), ComplianceFrequencies.Shipped.MemberMeetings, meetings);

        Assert.Equal(Parse(expected), ReminderRules.MemberMeetingsDueOn(judged, date, 30));
    }

    [Theory]
    [InlineData(ChecklistStatus.Open, "2026-12-01", "2026-12-31")] // art. 9: not submitted, 30 days left
    [InlineData(ChecklistStatus.Returned, "2026-12-01", "2026-12-31")] // returned for changes: the leader's again
    [InlineData(ChecklistStatus.Submitted, "2026-12-01", null)] // with the secrecy office
    [InlineData(ChecklistStatus.Reviewed, "2026-12-01", null)]
    [InlineData(ChecklistStatus.Open, "2026-11-30", null)] // 31 days left
    public void A_checklist_not_submitted_near_the_year_end_is_due_art_9(ChecklistStatus status, string today, string? expected) =>
        Assert.Equal(Parse(expected), ReminderRules.ChecklistDueOn(status, Parse(today)!.Value, 30));

    [Theory]
    [InlineData("2025-11-27", "2026-11-27")] // P5.2: trained 12 months ago, due today
    [InlineData("2025-11-28", null)] // a day short of 12 months
    [InlineData(null, "2026-01-01")] // never trained: due, since the year began
    public void A_secrecy_cadre_trained_longer_ago_than_the_renewal_months_is_due_P5_2(string? lastTrainedOn, string? expected) =>
        Assert.Equal(Parse(expected), ReminderRules.CadreTrainingDueOn(Parse(lastTrainedOn), new DateOnly(2026, 11, 27), 12));

    [Fact]
    public void A_cadre_never_trained_keeps_one_due_date_through_the_year_so_that_he_is_named_once_a_year()
    {
        Assert.Equal(
            ReminderRules.CadreTrainingDueOn(null, new DateOnly(2026, 3, 2), 12),
            ReminderRules.CadreTrainingDueOn(null, new DateOnly(2026, 11, 27), 12));
        Assert.Equal(new DateOnly(2027, 1, 1), ReminderRules.CadreTrainingDueOn(null, new DateOnly(2027, 1, 5), 12));
    }

    [Fact]
    public void The_leaders_duties_go_to_the_accounts_linked_to_the_leaders_holding_the_postings()
    {
        LeaderAccount[] accounts = [new("a", 1), new("b", 2), new("c", 1)];

        Assert.Equal(["a", "c"], ReminderRules.LeaderRecipients(accounts, [1, 3]));
    }

    [Fact]
    public void The_offices_duties_go_to_the_secrecy_officers_of_the_unit()
    {
        ReminderAccount[] officers = [new("x", 10), new("y", 11)];

        Assert.Equal(["x"], ReminderRules.UnitOfficeRecipients(officers, 10));
    }

    private static DateOnly? Parse(string? date) =>
        date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
