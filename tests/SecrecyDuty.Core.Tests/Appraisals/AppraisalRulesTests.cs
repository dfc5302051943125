using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.DutyRecords;

namespace SecrecyDuty.Core.Tests.Appraisals;

/// <summary>Art. 9: the appraisal's status, the years it may be kept for, who writes the secrecy organization's part, what finalizing needs.</summary>
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

    [Theory]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    public void Art9_only_the_secrecy_office_writes_the_secrecy_organizations_part(string role, bool expected) =>
        Assert.Equal(expected, AppraisalRules.CanWriteOrganizationPart(new FixedCurrentUser("u", 1, role)));

    [Fact]
    public void A_signed_out_request_writes_nothing() =>
        Assert.False(AppraisalRules.CanWriteOrganizationPart(new FixedCurrentUser(null, null, Roles.SecrecyOfficer)));
}
