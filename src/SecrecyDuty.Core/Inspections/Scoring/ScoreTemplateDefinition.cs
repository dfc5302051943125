using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// A scored checklist template as loaded and checked by <see cref="ScoreTemplateLoader"/> (the format is in
/// docs/inspection-templates.md). <see cref="ScoreRules"/> scores against it, whether it comes from a file or
/// from the database.
/// </summary>
public sealed record ScoreTemplateDefinition(
    string Code,
    string Version,
    string Title,
    string TitleEn,
    IReadOnlyList<ScoreGradeDefinition> Grades,
    IReadOnlyList<ScoreCategoryDefinition> Categories)
{
    /// <summary>Every item, in template order.</summary>
    public IReadOnlyList<ScoreItemDefinition> Items => [.. Categories.SelectMany(c => c.Items)];

    public decimal TotalPoints => Categories.Sum(c => c.Items.Sum(i => i.Points));
}

/// <summary>A grade band: percentages from <see cref="Minimum"/> up to the minimum of the band above (100 for the top band).</summary>
public sealed record ScoreGradeDefinition(decimal Minimum, string Code, string Label, string LabelEn);

public sealed record ScoreCategoryDefinition(string Code, string Name, string NameEn, IReadOnlyList<ScoreItemDefinition> Items);

/// <summary>
/// A scored item. <paramref name="ExtraPerOccurrence"/> is 0 when the template sets none; an empty
/// <paramref name="UnitKinds"/> means every kind; <paramref name="DutyCode"/> is the duty item or rule area it
/// checks (P5.1, S6.5, R3), null when none in particular.
/// </summary>
public sealed record ScoreItemDefinition(
    string Code,
    string Text,
    string TextEn,
    decimal Points,
    decimal DeductionPerDefect,
    decimal ExtraPerOccurrence,
    bool IsVeto,
    IReadOnlyList<UnitKind> UnitKinds,
    string? DutyCode,
    string DeficiencyCode)
{
    public bool AppliesTo(UnitKind kind) => UnitKinds.Count == 0 || UnitKinds.Contains(kind);
}

/// <summary>
/// The catalogue codes a template may refer to: duty codes (duty items and rule areas) and deficiency codes.
/// Given to the loader, it reports every reference that is not among them; the loader stays pure, the caller
/// reads the codes from wherever the catalogue is.
/// </summary>
public sealed record ScoreTemplateReferences(IReadOnlySet<string> DutyCodes, IReadOnlySet<string> DeficiencyCodes)
{
    public static ScoreTemplateReferences From(IEnumerable<string> dutyCodes, IEnumerable<string> deficiencyCodes) =>
        new(dutyCodes.ToHashSet(StringComparer.Ordinal), deficiencyCodes.ToHashSet(StringComparer.Ordinal));

    /// <summary>The codes of one regulation file: its duty items and rule areas, and its deficiencies.</summary>
    public static ScoreTemplateReferences From(RegulationDefinition regulation)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        return From(
            regulation.DutyItems.Select(d => d.Code).Concat(regulation.RuleAreas.Select(r => r.Code)),
            regulation.Deficiencies.Select(d => d.Code));
    }
}
