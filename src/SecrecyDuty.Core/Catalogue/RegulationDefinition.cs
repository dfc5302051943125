namespace SecrecyDuty.Core.Catalogue;

/// <summary>
/// A regulation file as loaded and checked by <see cref="RegulationLoader"/>, before it reaches the database.
/// Every reference between its parts (an item's article) is known to resolve.
/// </summary>
public sealed record RegulationDefinition(
    string Code,
    string Version,
    string Title,
    string TitleEn,
    IReadOnlyList<ArticleDefinition> Articles,
    IReadOnlyList<DutyItemDefinition> DutyItems,
    IReadOnlyList<RuleAreaDefinition> RuleAreas,
    IReadOnlyList<DeficiencyDefinition> Deficiencies,
    IReadOnlyList<SanctionRuleDefinition> SanctionRules);

/// <summary>An article; <c>Source</c> is the other law an appendix provision comes from, empty for the measure's own articles.</summary>
public sealed record ArticleDefinition(string Code, ArticlePart Part, string Source, string Label, string Text, string SummaryEn);

/// <summary>A duty item; <c>Article</c> (here and in the records below) is the code of the article it comes from.</summary>
public sealed record DutyItemDefinition(
    string Code,
    string Article,
    DutyHolder Holder,
    string Text,
    string SummaryEn,
    int? MinimumPerYear,
    int? ExpectedPerYear,
    int? ExpectedPeriodsPerYear = null);

public sealed record RuleAreaDefinition(string Code, string Article, string Name, string NameEn);

public sealed record DeficiencyDefinition(string Code, string Article, string Text, string SummaryEn);

public sealed record SanctionRuleDefinition(
    string Code,
    string Article,
    string Condition,
    string ConditionEn,
    string? Administrative,
    string? AdministrativeEn,
    string? Party,
    string? PartyEn);
