using SecrecyDuty.Core.Compliance;

namespace SecrecyDuty.Core.Tests.Compliance;

/// <summary>One row per rule or boundary, each citing the article it comes from.</summary>
public sealed class ComplianceRulesTests
{
    private static readonly AssessmentPeriod FirstHalf2026 = new(2026, new DateOnly(2026, 3, 15));
    private static readonly AssessmentPeriod LastDayOfFirstHalf = new(2026, new DateOnly(2026, 6, 30));
    private static readonly AssessmentPeriod FirstDayOfSecondHalf = new(2026, new DateOnly(2026, 7, 1));
    private static readonly AssessmentPeriod November2026 = new(2026, new DateOnly(2026, 11, 27));
    private static readonly AssessmentPeriod Past2025 = new(2025, new DateOnly(2026, 11, 27));
    private static readonly AssessmentPeriod Future2027 = new(2027, new DateOnly(2026, 11, 27));

    [Theory]
    [InlineData(0, 0, ComplianceState.Missing)] // art. 5 (三): none in a year
    [InlineData(1, 0, ComplianceState.PartlyMet)] // one: the second half missing
    [InlineData(0, 1, ComplianceState.PartlyMet)] // one: the first half missing
    [InlineData(2, 0, ComplianceState.PartlyMet)] // two in one half do not make up for the other half
    [InlineData(1, 1, ComplianceState.Met)] // one in each half
    public void P5_3_briefings_of_a_past_year(int firstHalf, int secondHalf, ComplianceState expected) =>
        Assert.Equal(expected, ComplianceRules.Briefings(Past2025, firstHalf, secondHalf).State);

    [Fact]
    public void P5_3_in_November_without_a_second_half_briefing_the_year_is_partly_met()
    {
        var result = ComplianceRules.Briefings(November2026, 1, 0);
        Assert.Equal(ComplianceState.PartlyMet, result.State);
        Assert.Equal("The second-half briefing is missing.", result.Reason);
    }

    [Fact]
    public void P5_3_in_the_first_half_a_held_briefing_meets_the_year_so_far() =>
        Assert.Equal(ComplianceState.Met, ComplianceRules.Briefings(FirstHalf2026, 1, 0).State);

    [Fact]
    public void P5_3_in_the_first_half_without_a_briefing_it_is_missing_and_due_by_30_June() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.Briefings(LastDayOfFirstHalf, 0, 0).State);

    [Fact]
    public void P5_3_the_second_half_starts_on_1_July() =>
        Assert.Equal(ComplianceState.PartlyMet, ComplianceRules.Briefings(FirstDayOfSecondHalf, 1, 0).State);

    [Fact]
    public void P5_3_a_future_year_is_not_yet_due() =>
        Assert.Equal(ComplianceState.NotYetDue, ComplianceRules.Briefings(Future2027, 0, 0).State);

    [Theory]
    [InlineData(false, 0, ComplianceState.Missing)]
    [InlineData(false, 1, ComplianceState.Met)]
    [InlineData(true, 0, ComplianceState.NotYetDue)]
    public void P5_3_half_year_view_in_the_first_half(bool secondHalf, int count, ComplianceState expected) =>
        Assert.Equal(expected, ComplianceRules.BriefingHalf(FirstHalf2026, secondHalf, count));

    [Fact]
    public void P5_3_the_current_second_half_without_a_briefing_is_missing() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.BriefingHalf(November2026, secondHalf: true, 0));

    [Theory]
    [InlineData(0, ComplianceState.Missing)] // art. 6 (五): at least two a year
    [InlineData(1, ComplianceState.PartlyMet)]
    [InlineData(2, ComplianceState.Met)]
    [InlineData(5, ComplianceState.Met)]
    public void S6_5_member_meetings_of_a_past_year(int meetings, ComplianceState expected) =>
        Assert.Equal(expected, ComplianceRules.MemberMeetings(Past2025, meetings).State);

    [Theory]
    [InlineData(1, ComplianceState.NotYetDue)]
    [InlineData(2, ComplianceState.Met)]
    public void S6_5_in_the_first_half_fewer_than_two_are_not_yet_due(int meetings, ComplianceState expected) =>
        Assert.Equal(expected, ComplianceRules.MemberMeetings(FirstHalf2026, meetings).State);

    [Fact]
    public void P5_2_no_organization_is_missing() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.SecrecyOrganization(Past2025, null, 0, 0).State);

    [Fact]
    public void P5_2_an_organization_established_after_the_year_does_not_count() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.SecrecyOrganization(Past2025, new DateOnly(2026, 1, 1), 2, 1).State);

    [Fact]
    public void P5_2_an_organization_without_cadres_is_partly_met() =>
        Assert.Equal(ComplianceState.PartlyMet, ComplianceRules.SecrecyOrganization(Past2025, new DateOnly(2020, 1, 1), 0, 0).State);

    [Fact]
    public void P5_2_an_organization_established_on_the_last_day_with_a_cadre_is_met() =>
        Assert.Equal(ComplianceState.Met, ComplianceRules.SecrecyOrganization(Past2025, new DateOnly(2025, 12, 31), 1, 0).State);

    [Fact]
    public void S6_6_all_nine_areas_are_met() =>
        Assert.Equal(ComplianceState.Met, ComplianceRules.RuleRegister([]).State);

    [Fact]
    public void S6_6_a_missing_area_is_partly_met_and_named()
    {
        var result = ComplianceRules.RuleRegister(["R8", "R6"]);
        Assert.Equal(ComplianceState.PartlyMet, result.State);
        Assert.Equal("R6、R8", Assert.Single(result.Arguments));
    }

    [Fact]
    public void S6_6_no_rules_at_all_is_missing() =>
        Assert.Equal(ComplianceState.Missing, ComplianceRules.RuleRegister(["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"]).State);

    [Theory]
    [InlineData(0, ComplianceState.Missing)]
    [InlineData(1, ComplianceState.Met)]
    public void S6_3_education_in_a_past_year(int sessions, ComplianceState expected) =>
        Assert.Equal(expected, ComplianceRules.Education(Past2025, sessions).State);

    [Fact]
    public void S6_3_no_education_in_the_first_half_is_not_yet_due() =>
        Assert.Equal(ComplianceState.NotYetDue, ComplianceRules.Education(FirstHalf2026, 0).State);

    [Theory]
    [InlineData(4, 0, 0, ComplianceState.Missing)]
    [InlineData(4, 4, 2, ComplianceState.PartlyMet)]
    [InlineData(4, 4, 4, ComplianceState.Met)]
    [InlineData(0, 0, 0, ComplianceState.NotYetDue)]
    public void Art9_checklists_of_a_past_year(int required, int submitted, int reviewed, ComplianceState expected) =>
        Assert.Equal(expected, ComplianceRules.Checklists(Past2025, required, submitted, reviewed).State);

    [Fact]
    public void Art9_checklists_of_the_current_year_are_due_at_its_end() =>
        Assert.Equal(ComplianceState.NotYetDue, ComplianceRules.Checklists(November2026, 4, 1, 0).State);
}
