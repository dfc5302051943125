using FluentValidation;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>A score sheet as its form carries it: one entry per item of the template, in template order.</summary>
public sealed class ScoreSheetInput
{
    public List<ScoreEntryInput> Entries { get; set; } = [];
}

/// <summary>What was found on one item.</summary>
public sealed class ScoreEntryInput
{
    /// <summary>A hidden field of the form: left empty it binds as null, and reads as no item.</summary>
    public string ItemCode { get; set => field = value ?? ""; } = "";

    public int Defects { get; set; }

    public int Occurrences { get; set; }

    public bool NotApplicable { get; set; }

    public string? NotApplicableReason { get; set; }

    public string? Note { get; set; }

    /// <summary>Whether the entry records anything: an item without one had no defect and is not stored.</summary>
    public bool RecordsSomething => Defects > 0 || Occurrences > 0 || NotApplicable || !string.IsNullOrWhiteSpace(Note);

    internal ScoreEntry ToEntry() => new(ItemCode, Defects, Occurrences, NotApplicable, Text.Clean(Note));
}

public sealed class ScoreSheetInputValidator : AbstractValidator<ScoreSheetInput>
{
    public ScoreSheetInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Entries)
            .Must(e => e.Select(x => x.ItemCode).Distinct(StringComparer.Ordinal).Count() == e.Count)
            .WithMessage(l["Each item of the checklist is scored once."]);
        RuleForEach(x => x.Entries).SetValidator(new ScoreEntryInputValidator(l));
    }
}

public sealed class ScoreEntryInputValidator : AbstractValidator<ScoreEntryInput>
{
    public ScoreEntryInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Defects)
            .InclusiveBetween(0, ScoreSheetLimits.MaxCount)
            .WithMessage(l["Enter a number of defects from 0 to {0}.", ScoreSheetLimits.MaxCount]);
        RuleFor(x => x.Occurrences)
            .InclusiveBetween(0, ScoreSheetLimits.MaxCount)
            .WithMessage(l["Enter a number of occurrences from 0 to {0}.", ScoreSheetLimits.MaxCount]);
        RuleFor(x => x.NotApplicableReason)
            .Must(r => !string.IsNullOrWhiteSpace(r)).When(x => x.NotApplicable)
            .WithMessage(l["Say why the item does not apply to this unit."])
            .MaximumLength(ScoreSheetLimits.NotApplicableReason)
            .WithMessage(l["The text has at most {0} characters.", ScoreSheetLimits.NotApplicableReason]);
        RuleFor(x => x.Note)
            .MaximumLength(ScoreSheetLimits.Note)
            .WithMessage(l["The text has at most {0} characters.", ScoreSheetLimits.Note]);
    }
}

/// <summary>The superior secrecy office's review of a submitted self-assessment.</summary>
public sealed class ScoreReviewInput
{
    public string Opinion { get; set; } = "";
}

public sealed class ScoreReviewInputValidator : AbstractValidator<ScoreReviewInput>
{
    public ScoreReviewInputValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleFor(x => x.Opinion)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the review opinion."])
            .MaximumLength(ScoreSheetLimits.ReviewOpinion)
            .WithMessage(l["The text has at most {0} characters.", ScoreSheetLimits.ReviewOpinion]);
    }
}
