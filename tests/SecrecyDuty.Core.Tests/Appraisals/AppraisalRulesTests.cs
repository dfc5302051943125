using SecrecyDuty.Core.Appraisals;
namespace SecrecyDuty.Core.Tests.Appraisals;

/// <summary>
/// Art. 9: the appraisal's status, the years it may be kept for, what part of the year it covers, what finalizing needs.
/// Who writes and reads it: Access/AppraisalAccessTests.
/// </summary>
public sealed class AppraisalRulesTests
{
    private static readonly DateTime Finalized = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    public static TheoryData<bool, string?, DateTime?, AppraisalStatus> Statuses => new()
    {
        { false, null, null, AppraisalStatus.None },
        { true, null, null, AppraisalStatus.Draft },
        { true, "   ", null, AppraisalStatus.Draft },
        { true, "意见", null, AppraisalStatus.OpinionGiven },
        { true, "意见", Finalized, AppraisalStatus.Finalized },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void The_status_follows_what_has_been_written(bool exists, string? opinion, DateTime? finalizedAtUtc, AppraisalStatus expected) =>
        Assert.Equal(expected, AppraisalRules.StatusOf(exists, opinion, finalizedAtUtc));

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2025, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    public void A_year_is_appraised_from_2000_until_the_current_year(int year, bool expected) =>
        Assert.Equal(expected, AppraisalRules.IsAppraisableYear(year, new DateOnly(2026, 11, 27)));

    [Fact]
    public void The_year_choices_are_the_current_year_and_the_five_before_latest_first() =>
        Assert.Equal([2026, 2025, 2024, 2023, 2022, 2021], AppraisalRules.YearChoices(new DateOnly(2026, 1, 1)));

    [Theory]
    [InlineData("意见", AppraisalGrade.Competent, AppraisalGap.None)]
    [InlineData(null, AppraisalGrade.Competent, AppraisalGap.OrganizationOpinion)]
    [InlineData("  ", AppraisalGrade.Competent, AppraisalGap.OrganizationOpinion)]
    [InlineData("意见", null, AppraisalGap.Grade)]
    [InlineData(null, null, AppraisalGap.OrganizationOpinion | AppraisalGap.Grade)]
    public void Art9_finalizing_needs_the_secrecy_organizations_opinion_and_a_grade(string? opinion, AppraisalGrade? grade, AppraisalGap expected) =>
        Assert.Equal(expected, AppraisalRules.MissingToFinalize(opinion, grade));

    public static TheoryData<DateOnly, DateOnly?, DateOnly?, DateOnly?> Coverage => new()
    {
        // Held all year.
        { new(2020, 1, 1), null, new(2026, 1, 1), new(2026, 12, 31) },

        // Took office on 1 November: the predecessor's ten months are not the leader's.
        { new(2026, 11, 1), null, new(2026, 11, 1), new(2026, 12, 31) },

        // The posting ended on 31 October: the successor's two months are not the leader's.
        { new(2020, 1, 1), new(2026, 10, 31), new(2026, 1, 1), new(2026, 10, 31) },

        // One day: took office and left on 31 December.
        { new(2026, 12, 31), new(2026, 12, 31), new(2026, 12, 31), new(2026, 12, 31) },

        // Ended the year before, or begins the year after: nothing of the year is covered.
        { new(2020, 1, 1), new(2025, 12, 31), null, null },
        { new(2027, 1, 1), null, null, null },
    };

    [Theory]
    [MemberData(nameof(Coverage))]
    public void Art9_the_appraisal_covers_the_part_of_the_year_the_posting_held(DateOnly from, DateOnly? to, DateOnly? start, DateOnly? end)
    {
        var covered = AppraisalRules.CoveredPeriod(from, to, 2026);

        Assert.Equal(start, covered?.Start);
        Assert.Equal(end, covered?.End);
    }

    [Fact]
    public void A_change_of_role_in_the_unit_does_not_split_the_covered_period_but_a_gap_does()
    {
        (DateOnly, DateOnly?)[] postings =
        [
            (new DateOnly(2026, 7, 1), null),
            (new DateOnly(2025, 3, 1), new DateOnly(2026, 3, 31)),
            (new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 31)),
        ];

        Assert.Equal(
            [(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 31)), (new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31))],
            AppraisalRules.CoveredPeriods(postings, 2026));
    }
}
