using SecrecyDuty.Core.Compliance;

namespace SecrecyDuty.Core.Tests.Compliance;

/// <summary>What a dashboard lists as still due by the year's end, as opposed to not due at all.</summary>
public sealed class DueLaterTests
{
    private static readonly AssessmentPeriod FirstHalf2026 = new(2026, new DateOnly(2026, 3, 15));
    private static readonly AssessmentPeriod November2026 = new(2026, new DateOnly(2026, 11, 27));
    private static readonly AssessmentPeriod Future2027 = new(2027, new DateOnly(2026, 11, 27));

    [Fact]
    public void S6_5_member_meetings_short_in_the_first_half_are_still_due() =>
        Assert.True(ComplianceRules.IsDueLater(FirstHalf2026, ComplianceRules.MemberMeetings(FirstHalf2026, 1), 0));

    [Fact]
    public void S6_3_education_not_yet_held_in_the_first_half_is_still_due() =>
        Assert.True(ComplianceRules.IsDueLater(FirstHalf2026, ComplianceRules.Education(FirstHalf2026, 0), 0));

    [Fact]
    public void Art9_checklists_not_all_reviewed_in_the_current_year_are_still_due() =>
        Assert.True(ComplianceRules.IsDueLater(November2026, ComplianceRules.Checklists(November2026, 2, 1, 0), 2));

    [Fact]
    public void Art9_checklists_are_not_due_where_nobody_holds_a_posting() =>
        Assert.False(ComplianceRules.IsDueLater(November2026, ComplianceRules.Checklists(November2026, 0, 0, 0), 0));

    [Fact]
    public void Nothing_of_a_future_year_is_due_yet() =>
        Assert.False(ComplianceRules.IsDueLater(Future2027, ComplianceRules.Education(Future2027, 0), 0));

    [Fact]
    public void A_missing_or_met_requirement_is_not_due_later_it_is_overdue_or_done()
    {
        Assert.False(ComplianceRules.IsDueLater(November2026, ComplianceRules.Education(November2026, 0), 0));
        Assert.False(ComplianceRules.IsDueLater(November2026, ComplianceRules.Education(November2026, 1), 0));
    }
}
