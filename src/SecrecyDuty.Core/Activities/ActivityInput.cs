using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Activities;

/// <summary>The outcome of a pre-publication secrecy review (S6.9).</summary>
public enum PublicationReviewOutcome
{
    Approved,
    ApprovedWithChanges,
    Refused,
}

/// <summary>An activity as its form carries it. Fields of another kind than <see cref="Kind"/> are ignored and not stored.</summary>
public class ActivityInput
{
    /// <summary>Nullable so that "not chosen" is told apart from the first kind.</summary>
    public ActivityKind? Kind { get; set; }

    public int UnitId { get; set; }

    public DateOnly? Date { get; set; }

    public string Title { get; set; } = "";

    public string Presenters { get; set; } = "";

    public string Topics { get; set; } = "";

    public string? Decisions { get; set; }

    public string? FollowUpActions { get; set; }

    /// <summary>Training (S6.3).</summary>
    public string? Audience { get; set; }

    /// <summary>Training (S6.3).</summary>
    public int? HeadCount { get; set; }

    /// <summary>Publication review (S6.9).</summary>
    public string? ReviewedItem { get; set; }

    /// <summary>Publication review (S6.9).</summary>
    public string? Reviewer { get; set; }

    /// <summary>Publication review (S6.9).</summary>
    public PublicationReviewOutcome? ReviewOutcome { get; set; }

    /// <summary>The postings present: chosen from the unit's leadership on <see cref="Date"/>.</summary>
    public List<int> PostingIds { get; set; } = [];

    /// <summary>Presenters are asked for where someone reports or teaches; a plan or a review has its own fields.</summary>
    public static bool NeedsPresenters(ActivityKind? kind) =>
        kind is ActivityKind.Briefing or ActivityKind.MemberMeeting or ActivityKind.DirectiveStudy or ActivityKind.Training;

    internal static ActivityInput From(Activity activity, IEnumerable<int> postingIds) => new()
    {
        Kind = activity.Kind,
        UnitId = activity.UnitId,
        Date = activity.Date,
        Title = activity.Title,
        Presenters = activity.Presenters,
        Topics = activity.Topics,
        Decisions = activity.Decisions,
        FollowUpActions = activity.FollowUpActions,
        Audience = activity.Audience,
        HeadCount = activity.HeadCount,
        ReviewedItem = activity.ReviewedItem,
        Reviewer = activity.Reviewer,
        ReviewOutcome = Enum.TryParse<PublicationReviewOutcome>(activity.ReviewOutcome, out var outcome) ? outcome : null,
        PostingIds = [.. postingIds],
    };

    /// <summary>Copies the fields; only called once validation has made sure of the kind and the date.</summary>
    internal void ApplyTo(Activity activity)
    {
        var kind = Kind ?? ActivityKind.Briefing;
        activity.Kind = kind;
        activity.UnitId = UnitId;
        activity.Date = Date ?? DateOnly.MinValue;
        activity.Title = Clean(Title) ?? "";
        activity.Presenters = Clean(Presenters) ?? "";
        activity.Topics = Clean(Topics) ?? "";
        activity.Decisions = Clean(Decisions);
        activity.FollowUpActions = Clean(FollowUpActions);
        var training = kind == ActivityKind.Training;
        activity.Audience = training ? Clean(Audience) : null;
        activity.HeadCount = training ? HeadCount : null;
        var review = kind == ActivityKind.PublicationReview;
        activity.ReviewedItem = review ? Clean(ReviewedItem) : null;
        activity.Reviewer = review ? Clean(Reviewer) : null;
        activity.ReviewOutcome = review ? ReviewOutcome?.ToString() : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public const int TitleLength = 200;
    public const int PresentersLength = 500;
    public const int TextLength = 4000;
    public const int AudienceLength = 500;
    public const int ReviewedItemLength = 500;
    public const int ReviewerLength = 100;
    public const int MaxHeadCount = 100_000;

    public ActivityInputValidator(IStringLocalizer<Messages> l, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind)
            .NotNull().WithMessage(l["Choose the kind of activity."])
            .IsInEnum().WithMessage(l["Choose the kind of activity."]);
        RuleFor(x => x.UnitId)
            .GreaterThan(0).WithMessage(l["Choose the unit that held the activity."]);
        RuleFor(x => x.Date)
            .NotNull().WithMessage(l["Enter the date of the activity."])
            .Must(d => d is null || d <= LocalDate.Today(clock)).WithMessage(l["The date cannot be in the future: record an activity once it has taken place."]);
        RuleFor(x => x.Title)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the title."])
            .MaximumLength(TitleLength).WithMessage(l["A title has at most {0} characters.", TitleLength]);
        RuleFor(x => x.Presenters)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter who presented or reported."])
            .When(x => ActivityInput.NeedsPresenters(x.Kind));
        RuleFor(x => x.Presenters)
            .MaximumLength(PresentersLength).WithMessage(l["Presenters have at most {0} characters.", PresentersLength]);
        RuleFor(x => x.Topics)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the topics."])
            .MaximumLength(TextLength).WithMessage(l["Topics have at most {0} characters.", TextLength]);
        RuleFor(x => x.Decisions)
            .MaximumLength(TextLength).WithMessage(l["Decisions have at most {0} characters.", TextLength]);
        RuleFor(x => x.FollowUpActions)
            .MaximumLength(TextLength).WithMessage(l["Follow-up actions have at most {0} characters.", TextLength]);

        // S6.3: education and training is recorded with its audience and how many took part.
        When(x => x.Kind == ActivityKind.Training, () =>
        {
            RuleFor(x => x.Audience)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter who was trained (S6.3)."])
                .MaximumLength(AudienceLength).WithMessage(l["An audience has at most {0} characters.", AudienceLength]);
            RuleFor(x => x.HeadCount)
                .NotNull().WithMessage(l["Enter how many took part (S6.3)."])
                .InclusiveBetween(1, MaxHeadCount).WithMessage(l["Enter a head count from 1 to {0}.", MaxHeadCount]);
        });

        // S6.9: a review is recorded with the item reviewed, the reviewer and the outcome.
        When(x => x.Kind == ActivityKind.PublicationReview, () =>
        {
            RuleFor(x => x.ReviewedItem)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the item reviewed (S6.9)."])
                .MaximumLength(ReviewedItemLength).WithMessage(l["A reviewed item has at most {0} characters.", ReviewedItemLength]);
            RuleFor(x => x.Reviewer)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter who reviewed it."])
                .MaximumLength(ReviewerLength).WithMessage(l["A reviewer's name has at most {0} characters.", ReviewerLength]);
            RuleFor(x => x.ReviewOutcome)
                .NotNull().WithMessage(l["Choose the outcome of the review."])
                .IsInEnum().WithMessage(l["Choose the outcome of the review."]);
        });
    }
}
