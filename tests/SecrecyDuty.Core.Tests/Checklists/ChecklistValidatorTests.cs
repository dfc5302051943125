using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Tests.SecrecyOrganizations;

namespace SecrecyDuty.Core.Tests.Checklists;

public sealed class ChecklistValidatorTests
{
    private static readonly ChecklistInputValidator Items = new(new PassThroughLocalizer());
    private static readonly ChecklistReviewValidator Review = new(new PassThroughLocalizer());
    private static readonly GenerateChecklistsValidator Generate = new(new PassThroughLocalizer(), FixedClock.Today);

    private static ChecklistInput One(ChecklistItemStatus status, string? reason = null) =>
        new() { Items = [new ChecklistItemRow { ItemId = 1, Status = status, NotApplicableReason = reason }] };

    [Fact]
    public void An_item_marked_not_applicable_needs_a_reason()
    {
        var error = Assert.Single(Items.Validate(One(ChecklistItemStatus.NotApplicable, "  ")).Errors);

        Assert.Equal("Items[0].NotApplicableReason", error.PropertyName);
        Assert.Equal("Give the reason why this item does not apply.", error.ErrorMessage);
    }

    [Fact]
    public void An_item_not_applicable_with_a_reason_is_valid() =>
        Assert.True(Items.Validate(One(ChecklistItemStatus.NotApplicable, "本单位不涉及对外合作项目。")).IsValid);

    [Theory]
    [InlineData(ChecklistItemStatus.NotStarted)]
    [InlineData(ChecklistItemStatus.InProgress)]
    [InlineData(ChecklistItemStatus.Fulfilled)]
    public void Other_statuses_need_no_reason(ChecklistItemStatus status) =>
        Assert.True(Items.Validate(One(status)).IsValid);

    [Fact]
    public void An_unknown_status_is_refused() =>
        Assert.Equal("Items[0].Status", Assert.Single(Items.Validate(One((ChecklistItemStatus)9)).Errors).PropertyName);

    [Fact]
    public void A_self_assessment_longer_than_4000_characters_is_refused()
    {
        var input = One(ChecklistItemStatus.Fulfilled);
        input.Items[0].SelfAssessment = new string('评', ChecklistInputValidator.SelfAssessmentLength + 1);

        Assert.Equal("Items[0].SelfAssessment", Assert.Single(Items.Validate(input).Errors).PropertyName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Art_9_a_review_needs_the_secrecy_organizations_opinion(string? opinion) =>
        Assert.Equal("Opinion", Assert.Single(Review.Validate(new ChecklistReviewInput { Opinion = opinion }).Errors).PropertyName);

    [Theory]
    [InlineData(0, 2026, "UnitId")]
    [InlineData(5, 2027, "Year")] // a future year
    [InlineData(5, 1999, "Year")]
    public void Bulk_generation_needs_a_unit_and_a_year_up_to_the_current_one(int unitId, int year, string field) =>
        Assert.Equal(field, Assert.Single(Generate.Validate(new GenerateChecklistsInput { UnitId = unitId, Year = year }).Errors).PropertyName);

    [Fact]
    public void Bulk_generation_for_the_current_year_is_valid() =>
        Assert.True(Generate.Validate(new GenerateChecklistsInput { UnitId = 5, Year = 2026 }).IsValid);
}
