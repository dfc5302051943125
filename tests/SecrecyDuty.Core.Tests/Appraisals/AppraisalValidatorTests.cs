using SecrecyDuty.Core.Appraisals;
namespace SecrecyDuty.Core.Tests.Appraisals;

/// <summary>The lengths the database allows, checked beside the fields.</summary>
public sealed class AppraisalValidatorTests
{
    private static readonly DutyReportValidator Report = new(new PassThroughLocalizer());
    private static readonly OrganizationOpinionValidator Opinion = new(new PassThroughLocalizer());
    private static readonly AppraisalDecisionValidator Decision = new(new PassThroughLocalizer());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void The_leader_writes_something_in_the_duty_report_section(string? text)
    {
        var result = Report.Validate(new DutyReportInput { DutyReportSection = text });

        Assert.Equal("Write how you carried out your secrecy duties this year.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Theory]
    [InlineData(AppraisalLimits.DutyReportSection, true)]
    [InlineData(AppraisalLimits.DutyReportSection + 1, false)]
    public void The_duty_report_section_has_at_most_8000_characters(int length, bool valid) =>
        Assert.Equal(valid, Report.Validate(new DutyReportInput { DutyReportSection = new string('述', length) }).IsValid);

    [Theory]
    [InlineData(AppraisalLimits.OrganizationOpinion, true)]
    [InlineData(AppraisalLimits.OrganizationOpinion + 1, false)]
    public void The_opinion_has_at_most_4000_characters(int length, bool valid) =>
        Assert.Equal(valid, Opinion.Validate(new OrganizationOpinionInput { OrganizationOpinion = new string('意', length) }).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void The_secrecy_office_saves_an_opinion_only_with_something_in_it(string? text)
    {
        var result = Opinion.Validate(new OrganizationOpinionInput { OrganizationOpinion = text });

        Assert.Equal("Enter the secrecy organization's opinion of how the leader carried out the responsibility system.", Assert.Single(result.Errors).ErrorMessage);
    }

    [Theory]
    [InlineData(AppraisalLimits.Commendation, true)]
    [InlineData(AppraisalLimits.Commendation + 1, false)]
    public void The_commendation_has_at_most_1000_characters(int length, bool valid) =>
        Assert.Equal(valid, Decision.Validate(new AppraisalDecisionInput { Commendation = new string('奖', length) }).IsValid);

    [Fact]
    public void The_decision_may_be_saved_before_the_grade_is_chosen() =>
        Assert.True(Decision.Validate(new AppraisalDecisionInput { Commendation = "评为先进个人" }).IsValid);

    [Fact]
    public void A_grade_outside_the_four_grades_is_refused()
    {
        var result = Decision.Validate(new AppraisalDecisionInput { Grade = (AppraisalGrade)9 });

        Assert.Equal(nameof(AppraisalDecisionInput.Grade), Assert.Single(result.Errors).PropertyName);
    }
}
