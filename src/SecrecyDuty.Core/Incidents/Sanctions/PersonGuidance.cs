namespace SecrecyDuty.Core.Incidents.Sanctions;

/// <summary>The guidance for a whole file: one entry per person, in the file's order.</summary>
public sealed record CaseGuidance(string Regulation, string RegulationVersion, IReadOnlyList<PersonGuidance> Persons);

/// <summary>
/// What the texts say about one person: the provisions that apply, the permitted sanctions (each provision's
/// and their union), the adjustments, a criminal referral and confiscation. It advises; the official decides.
/// </summary>
public sealed record PersonGuidance(
    string Id,
    IReadOnlyList<Provision> Provisions,
    IReadOnlyList<AdministrativeSanction> Administrative,
    IReadOnlyList<PartySanction> Party,
    IReadOnlyList<AdjustmentGuidance> Adjustments,
    CriminalReferral? CriminalReferral,
    Confiscation? Confiscation,
    IReadOnlyList<string> Notes);

/// <summary>
/// One provision that applies. <see cref="AsCircumstancesWarrant"/> marks a range the text leaves to the
/// circumstances (视情, 酌情); <see cref="AlternativeTo"/> names the provision the official chooses between
/// this one and, where the texts leave the choice open.
/// </summary>
public sealed record Provision(
    string Code,
    Citation Citation,
    string? Condition,
    string? ConditionEn,
    string? Text,
    string? TextEn,
    IReadOnlyList<AdministrativeSanction> Administrative,
    IReadOnlyList<PartySanction> Party,
    bool AsCircumstancesWarrant,
    string? AlternativeTo);

/// <summary>An article citation, in Chinese (<c>第十二条</c>) and English (<c>Art. 12</c>).</summary>
public sealed record Citation(string Article, string Text, string TextEn);

/// <summary>A heavier, waived or lighter administrative sanction, with the provision that allows or requires it.</summary>
public sealed record AdjustmentGuidance(Adjustment Adjustment, string Code, Citation Citation, string? Text, string? TextEn, string Reason);

/// <summary>Criminal Law art. 398 para. 1: refer to the judicial organs, with the range of penalty.</summary>
public sealed record CriminalReferral(string Code, Citation Citation, string? Penalty, string? PenaltyEn, string Condition);

/// <summary>Implementing Measures art. 34: illegal income from the leak is confiscated (record the amount).</summary>
public sealed record Confiscation(string Code, Citation Citation, string? Text, string? TextEn);
