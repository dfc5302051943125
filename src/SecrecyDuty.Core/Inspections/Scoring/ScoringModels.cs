namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>A template version as the list shows it. <paramref name="LoadedAtUtc"/> is UTC.</summary>
public sealed record ScoreTemplateListItem(
    int Id,
    string Code,
    string Version,
    string Title,
    string TitleEn,
    bool IsCurrent,
    DateTime LoadedAtUtc,
    string LoadedBy,
    int CategoryCount,
    int ItemCount);

/// <summary>
/// A template version with everything in it, as <see cref="ScoreRules"/> scores against it, and the ids of its items
/// (by code) for the score sheets that record entries on them.
/// </summary>
public sealed record ScoreTemplateDetails(
    int Id,
    bool IsCurrent,
    string SourceFile,
    DateTime LoadedAtUtc,
    string LoadedBy,
    ScoreTemplateDefinition Template,
    IReadOnlyDictionary<string, int> ItemIds);
