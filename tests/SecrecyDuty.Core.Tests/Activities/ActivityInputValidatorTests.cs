using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Tests.SecrecyOrganizations;

namespace SecrecyDuty.Core.Tests.Activities;

/// <summary>What every activity needs, and what each kind needs besides (P5.3, S6.5, S6.2, S6.3, S6.7, S6.9).</summary>
public sealed class ActivityInputValidatorTests
{
    private static readonly ActivityInputValidator Validator = new(new PassThroughLocalizer(), FixedClock.Today);

    private static ActivityInput Valid(ActivityKind kind) => new()
    {
        Kind = kind,
        UnitId = 7,
        Date = FixedClock.Date.AddDays(-3),
        Title = "2026年下半年保密工作情况汇报",
        Presenters = "保密办主任 刘芳",
        Topics = "半年保密检查情况；定密工作",
        Audience = kind == ActivityKind.Training ? "全体工作人员" : null,
        HeadCount = kind == ActivityKind.Training ? 120 : null,
        ReviewedItem = kind == ActivityKind.PublicationReview ? "门户网站拟发布的年度工作总结" : null,
        Reviewer = kind == ActivityKind.PublicationReview ? "周敏" : null,
        ReviewOutcome = kind == ActivityKind.PublicationReview ? PublicationReviewOutcome.ApprovedWithChanges : null,
    };

    private static List<string> FieldsInError(ActivityInput input) =>
        [.. Validator.Validate(input).Errors.Select(e => e.PropertyName).Distinct()];

    [Theory]
    [InlineData(ActivityKind.Briefing)]
    [InlineData(ActivityKind.MemberMeeting)]
    [InlineData(ActivityKind.DirectiveStudy)]
    [InlineData(ActivityKind.Training)]
    [InlineData(ActivityKind.ProtectionPlan)]
    [InlineData(ActivityKind.PublicationReview)]
    public void A_complete_activity_of_each_kind_is_valid(ActivityKind kind) => Assert.Empty(FieldsInError(Valid(kind)));

    [Fact]
    public void The_kind_is_required()
    {
        var input = Valid(ActivityKind.Briefing);
        input.Kind = null;
        Assert.Equal(["Kind"], FieldsInError(input));
    }

    [Fact]
    public void The_unit_is_required()
    {
        var input = Valid(ActivityKind.Briefing);
        input.UnitId = 0;
        Assert.Equal(["UnitId"], FieldsInError(input));
    }

    [Fact]
    public void The_date_is_required()
    {
        var input = Valid(ActivityKind.Briefing);
        input.Date = null;
        Assert.Equal(["Date"], FieldsInError(input));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void The_date_may_be_today_but_not_in_the_future(int daysFromToday, bool valid)
    {
        var input = Valid(ActivityKind.Briefing);
        input.Date = FixedClock.Date.AddDays(daysFromToday);
        Assert.Equal(valid ? [] : ["Date"], FieldsInError(input));
    }

    [Fact]
    public void Title_and_topics_are_required_for_every_kind()
    {
        var input = Valid(ActivityKind.ProtectionPlan);
        input.Title = " ";
        input.Topics = "";
        Assert.Equal(["Title", "Topics"], FieldsInError(input));
    }

    [Theory]
    [InlineData(ActivityKind.Briefing, true)]
    [InlineData(ActivityKind.MemberMeeting, true)]
    [InlineData(ActivityKind.DirectiveStudy, true)]
    [InlineData(ActivityKind.Training, true)]
    [InlineData(ActivityKind.ProtectionPlan, false)]
    [InlineData(ActivityKind.PublicationReview, false)]
    public void Presenters_are_required_where_someone_reports_or_teaches(ActivityKind kind, bool required)
    {
        var input = Valid(kind);
        input.Presenters = "";
        Assert.Equal(required ? ["Presenters"] : [], FieldsInError(input));
    }

    [Fact]
    public void A_training_needs_its_audience_and_head_count_S6_3()
    {
        var input = Valid(ActivityKind.Training);
        input.Audience = "";
        input.HeadCount = null;
        Assert.Equal(["Audience", "HeadCount"], FieldsInError(input));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(ActivityInputValidator.MaxHeadCount, true)]
    [InlineData(ActivityInputValidator.MaxHeadCount + 1, false)]
    public void A_training_head_count_is_at_least_one(int headCount, bool valid)
    {
        var input = Valid(ActivityKind.Training);
        input.HeadCount = headCount;
        Assert.Equal(valid ? [] : ["HeadCount"], FieldsInError(input));
    }

    [Fact]
    public void A_publication_review_needs_the_item_the_reviewer_and_the_outcome_S6_9()
    {
        var input = Valid(ActivityKind.PublicationReview);
        input.ReviewedItem = null;
        input.Reviewer = " ";
        input.ReviewOutcome = null;
        Assert.Equal(["ReviewedItem", "Reviewer", "ReviewOutcome"], FieldsInError(input));
    }

    [Theory]
    [InlineData(ActivityKind.Briefing)]
    [InlineData(ActivityKind.MemberMeeting)]
    [InlineData(ActivityKind.DirectiveStudy)]
    [InlineData(ActivityKind.ProtectionPlan)]
    public void Other_kinds_need_no_training_or_review_fields(ActivityKind kind)
    {
        var input = Valid(kind);
        input.HeadCount = 0;
        input.ReviewOutcome = (PublicationReviewOutcome)99;
        Assert.Empty(FieldsInError(input));
    }

    [Fact]
    public void A_title_has_at_most_200_characters()
    {
        var input = Valid(ActivityKind.Briefing);
        input.Title = new string('标', ActivityInputValidator.TitleLength + 1);
        Assert.Equal(["Title"], FieldsInError(input));
    }
}
