using SecrecyDuty.Core.Compliance;

namespace SecrecyDuty.Core.Tests.Compliance;

/// <summary>One row per rule or boundary, each citing the article it comes from.</summary>
public sealed class ComplianceRulesTests
{
    private static readonly DutyFrequency P5_3 = ComplianceFrequencies.Shipped.Briefings;
    private static readonly DutyFrequency S6_5 = ComplianceFrequencies.Shipped.MemberMeetings;
    private static readonly DutyFrequency S6_3 = ComplianceFrequencies.Shipped.Education;

    private static readonly AssessmentPeriod SecondOfJanuary2026 = new(2026, new DateOnly(2026, 1, 2));
    private static readonly AssessmentPeriod FirstHalf2026 = new(2026, new DateOnly(2026, 3, 15));
    private static readonly AssessmentPeriod LastDayOfFirstHalf = new(2026, new DateOnly(2026, 6, 30));
    private static readonly AssessmentPeriod FirstDayOfSecondHalf = new(2026, new DateOnly(2026, 7, 1));
    private static readonly AssessmentPeriod November2026 = new(2026, new DateOnly(2026, 11, 27));
    private static readonly AssessmentPeriod LastDayOf2026 = new(2026, new DateOnly(2026, 12, 31));
    private static readonly AssessmentPeriod Past2025 = new(2025, new DateOnly(2026, 11, 27));
    private static readonly AssessmentPeriod Future2027 = new(2027, new DateOnly(2026, 11, 27));

    private static ComplianceResult Practice(AssessmentPeriod period, params int[] perHalf) =>
        ComplianceRules.BriefingPractice(period, P5_3, ComplianceRules.PracticePeriods(period, P5_3, perHalf));

    [Fact]
    public void Art5_3_on_2_January_with_no_report_the_regulations_minimum_is_not_due_yet()
    {
        var result = ComplianceRules.Briefings(SecondOfJanuary2026, P5_3, 0);
        Assert.Equal(ComplianceState.NotYetDue, result.State);
        Assert.Equal(new DateOnly(2026, 12, 31), result.DueOn);
    }

    [Fact]
    public void Art5_3_on_2_January_with_no_report_the_half_year_practice_is_not_due_yet_either()
    {
        var result = Practice(SecondOfJanuary2026, 0, 0);
        Assert.Equal(ComplianceState.NotYetDue, result.State);
        Assert.Equal(new DateOnly(2026, 6, 30), result.DueOn);
    }

    [Fact]
    public void Art5_3_one_report_in_a_year_meets_the_regulations_minimum() =>
        Assert.Equal(ComplianceState.Met, ComplianceRules.Briefings(Past2025, P5_3, 1).State);

    [Fact]
    public void Art5_3_one_report_in_a_year_shows_the_half_year_practice_as_not_met()
    {
        var result = Practice(Past2025, 1, 0);
        Assert.Equal(ComplianceState.PartlyMet, result.State);
        Assert.Equal(RequirementBasis.Practice, result.Basis);
        Assert.Equal(new DateOnly(2025, 12, 31), result.DueOn);
    }

    [Fact]
    public void Art5_3_the_practice_is_labelled_practice_and_the_minimum_regulation()
    {
        Assert.Equal(RequirementBasis.Regulation, ComplianceRules.Briefings(Past2025, P5_3, 1).Basis);
        Assert.Equal(RequirementBasis.Practice, Practice(Past2025, 1, 1).Basis);
    }

    [Theory]
    [InlineData(0, 0, ComplianceState.Missing)] // none in the year
    [InlineData(1, 0, ComplianceState.PartlyMet)]
    [InlineData(0, 1, ComplianceState.PartlyMet)]
    [InlineData(2, 0, ComplianceState.PartlyMet)] // two in one half do not make up for the other half
    [InlineData(1, 1, ComplianceState.Met)]
    public void Art5_3_the_half_year_practice_of_a_past_year(int firstHalf, int secondHalf, ComplianceState expected) =>
        Assert.Equal(expected, Practice(Past2025, firstHalf, secondHalf).State);

    [Fact]
    public void Art5_3_no_report_in_a_past_year_misses_the_regulations_minimum() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.Briefings(Past2025, P5_3, 0).State);

    [Fact]
    public void Art5_3_the_first_half_practice_is_due_on_30_June_and_overdue_from_1_July()
    {
        Assert.Equal(ComplianceState.NotYetDue, Practice(LastDayOfFirstHalf, 0, 0).State);
        Assert.Equal(ComplianceState.Missing, Practice(FirstDayOfSecondHalf, 0, 0).State);
    }

    [Fact]
    public void Art5_3_in_November_the_second_half_report_is_not_due_yet()
    {
        var result = Practice(November2026, 1, 0);
        Assert.Equal(ComplianceState.NotYetDue, result.State);
        Assert.Equal(new DateOnly(2026, 12, 31), result.DueOn);
    }

    [Fact]
    public void Art5_3_the_minimum_is_still_not_due_on_the_last_day_of_the_year() =>
        Assert.Equal(ComplianceState.NotYetDue, ComplianceRules.Briefings(LastDayOf2026, P5_3, 0).State);

    [Fact]
    public void Art5_3_a_future_year_is_not_yet_due()
    {
        Assert.Equal(ComplianceState.NotYetDue, ComplianceRules.Briefings(Future2027, P5_3, 0).State);
        Assert.Equal(ComplianceState.NotYetDue, Practice(Future2027, 0, 0).State);
    }

    [Fact]
    public void Art5_3_quarterly_practice_is_data_not_code()
    {
        var quarterly = new DutyFrequency(1, 4, 4);
        var periods = ComplianceRules.PracticePeriods(November2026, quarterly, [1, 1, 0, 0]);
        Assert.Equal(4, periods.Count);
        Assert.Equal(new DateOnly(2026, 9, 30), periods[2].End);
        Assert.Equal(
            [ComplianceState.Met, ComplianceState.Met, ComplianceState.Missing, ComplianceState.NotYetDue],
            periods.Select(p => p.State));
        Assert.Equal(ComplianceState.PartlyMet, ComplianceRules.BriefingPractice(November2026, quarterly, periods).State);
    }

    [Fact]
    public void Art5_3_without_a_practice_in_the_data_nothing_beyond_the_regulation_is_judged() =>
        Assert.Equal(
            ComplianceState.NotJudged,
            ComplianceRules.BriefingPractice(Past2025, new DutyFrequency(1), ComplianceRules.PracticePeriods(Past2025, new DutyFrequency(1), [0])).State);

    [Theory]
    [InlineData(0, ComplianceState.Missing)] // art. 6 (五): "每年2次以上", two or more a year
    [InlineData(1, ComplianceState.PartlyMet)]
    [InlineData(2, ComplianceState.Met)]
    [InlineData(5, ComplianceState.Met)]
    public void Art6_5_member_meetings_of_a_past_year(int meetings, ComplianceState expected) =>
        Assert.Equal(expected, ComplianceRules.MemberMeetings(Past2025, S6_5, meetings).State);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Art6_5_member_meetings_have_no_half_year_split_and_are_due_by_31_December(int meetings)
    {
        var result = ComplianceRules.MemberMeetings(November2026, S6_5, meetings);
        Assert.Equal(ComplianceState.NotYetDue, result.State);
        Assert.Equal(new DateOnly(2026, 12, 31), result.DueOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Art6_3_education_sets_no_frequency_so_what_was_done_is_shown_not_judged(int sessions)
    {
        var result = ComplianceRules.Education(Past2025, S6_3, sessions);
        Assert.Equal(ComplianceState.NotJudged, result.State);
        Assert.Equal(sessions, result.Arguments[0]);
    }

    [Fact]
    public void Art5_2_no_organization_is_missing() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.SecrecyOrganization(Past2025, null, 0, 0).State);

    [Fact]
    public void Art5_2_an_organization_established_after_the_year_does_not_count() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.SecrecyOrganization(Past2025, new DateOnly(2026, 1, 1), 2, 1).State);

    [Fact]
    public void Art5_2_an_organization_without_cadres_is_partly_met() =>
        Assert.Equal(ComplianceState.PartlyMet, ComplianceRules.SecrecyOrganization(Past2025, new DateOnly(2020, 1, 1), 0, 0).State);

    [Fact]
    public void Art5_2_an_organization_established_on_the_last_day_with_a_cadre_is_met() =>
        Assert.Equal(ComplianceState.Met, ComplianceRules.SecrecyOrganization(Past2025, new DateOnly(2025, 12, 31), 1, 0).State);

    [Fact]
    public void Art6_6_all_nine_areas_are_met() =>
        Assert.Equal(ComplianceState.Met, ComplianceRules.RuleRegister([]).State);

    [Fact]
    public void Art6_6_a_missing_area_is_partly_met_and_named()
    {
        var result = ComplianceRules.RuleRegister(["R8", "R6"]);
        Assert.Equal(ComplianceState.PartlyMet, result.State);
        Assert.Equal("R6、R8", Assert.Single(result.Arguments));
    }

    [Fact]
    public void Art6_6_an_area_not_applicable_with_a_reason_counts_as_met()
    {
        var result = ComplianceRules.RuleRegister([], notApplicable: 1);
        Assert.Equal(ComplianceState.Met, result.State);
        Assert.Equal([8, 1], result.Arguments);
    }

    [Fact]
    public void Art6_6_no_rules_at_all_is_missing() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.RuleRegister(["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"]).State);

    [Theory]
    [InlineData(4, 0, 0, ComplianceState.Missing)]
    [InlineData(4, 4, 2, ComplianceState.PartlyMet)]
    [InlineData(4, 4, 4, ComplianceState.Met)]
    public void Art9_checklists_of_a_past_year(int required, int submitted, int reviewed, ComplianceState expected) =>
        Assert.Equal(expected, ComplianceRules.Checklists(Past2025, required, submitted, reviewed).State);

    [Fact]
    public void Art9_checklists_of_the_current_year_are_due_at_its_end()
    {
        var result = ComplianceRules.Checklists(November2026, 4, 1, 0);
        Assert.Equal(ComplianceState.NotYetDue, result.State);
        Assert.Equal(new DateOnly(2026, 12, 31), result.DueOn);
    }

    [Fact]
    public void Art2_a_unit_without_a_posting_in_scope_needs_no_checklist() =>
        Assert.Equal(ComplianceState.NotJudged, ComplianceRules.Checklists(Past2025, 0, 0, 0).State);

    [Fact]
    public void Units_life_a_unit_set_up_in_November_is_judged_from_then()
    {
        var setUp = new AssessmentPeriod(2025, new DateOnly(2026, 11, 27), UnitFrom: new DateOnly(2025, 11, 1));
        var periods = ComplianceRules.PracticePeriods(setUp, P5_3, [0, 1]);
        Assert.Equal(ComplianceState.NotJudged, periods[0].State); // before it was set up
        Assert.Equal(ComplianceState.Met, periods[1].State);
        Assert.Equal(ComplianceState.Met, ComplianceRules.Briefings(setUp, P5_3, 1).State);

        // Two or more member meetings a year: for the two months it existed, its share (one) is asked for.
        var meetings = ComplianceRules.MemberMeetings(setUp, S6_5, 1);
        Assert.Equal(ComplianceState.Met, meetings.State);
        Assert.Equal(1, meetings.Arguments[1]);
    }

    [Fact]
    public void Units_life_a_closed_unit_is_due_by_its_closing_date()
    {
        var closed = new AssessmentPeriod(2025, new DateOnly(2026, 11, 27), UnitTo: new DateOnly(2025, 3, 31));
        var result = ComplianceRules.Briefings(closed, P5_3, 0);
        Assert.Equal(ComplianceState.Missing, result.State);
        Assert.Equal(new DateOnly(2025, 3, 31), result.DueOn);
        var periods = ComplianceRules.PracticePeriods(closed, P5_3, [0, 0]);
        Assert.Equal(ComplianceState.NotJudged, periods[1].State); // after it closed
    }

    [Fact]
    public void Units_life_a_year_before_the_unit_existed_is_not_judged()
    {
        var before = new AssessmentPeriod(2024, new DateOnly(2026, 11, 27), UnitFrom: new DateOnly(2025, 11, 1));
        Assert.False(before.UnitExisted);
        Assert.Equal(ComplianceState.NotJudged, ComplianceRules.Briefings(before, P5_3, 0).State);
    }

    [Fact]
    public void Due_later_means_not_yet_due_in_a_year_that_has_begun()
    {
        Assert.True(ComplianceRules.IsDueLater(November2026, ComplianceRules.MemberMeetings(November2026, S6_5, 1)));
        Assert.False(ComplianceRules.IsDueLater(Future2027, ComplianceRules.MemberMeetings(Future2027, S6_5, 0)));
        Assert.False(ComplianceRules.IsDueLater(November2026, ComplianceRules.Education(November2026, S6_3, 0)));
    }
}
