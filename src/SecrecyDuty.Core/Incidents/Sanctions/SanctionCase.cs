namespace SecrecyDuty.Core.Incidents.Sanctions;

// The case a discipline official describes (docs/sanction-guidance.md). The enum members are named exactly as
// the JSON values of the `guidance` command, so these records are also its contract.

/// <summary>The classification level of the leaked (or threatened) matter: 秘密, 机密, 绝密.</summary>
public enum Classification
{
    Secret,
    HighlySecret,
    TopSecret,
}

/// <summary>Severity of circumstances (情节), as the texts grade them, lightest first.</summary>
public enum CircumstanceSeverity
{
    EspeciallyMinor,
    Minor,
    Ordinary,
    Serious,
    EspeciallySerious,
}

/// <summary>The loss to national security and interests that the leak caused or may cause (造成或者可能造成).</summary>
public enum Loss
{
    None,
    Larger,
    Major,
}

/// <summary>The facts of Implementing Measures arts. 30 and 31 that call for a heavier administrative sanction.</summary>
public enum AggravatingFact
{
    /// <summary>IM30 (1): the leak has already caused harm.</summary>
    DamageDone,

    /// <summary>IM30 (2): the leak was made for private gain.</summary>
    PrivateGain,

    /// <summary>IM30 (3): small harm, but frequent leaks or a large quantity.</summary>
    RepeatedOrInQuantity,

    /// <summary>IM30 (4): power used to force others to break secrecy rules.</summary>
    AbuseOfPower,

    /// <summary>IM31: already sentenced, or exempted from prosecution or from criminal punishment.</summary>
    CriminalSentenceOrExemption,
}

/// <summary>A person's place in the unit's leadership (arts. 5–7); <see cref="NotALeader"/> is not a leading cadre.</summary>
public enum PersonRole
{
    PrincipalLeader,
    LeaderInChargeOfSecrecy,
    OtherTeamMember,
    NotALeader,
}

/// <summary>How the person is involved in the file.</summary>
public enum Involvement
{
    /// <summary>The person leaked (arts. 12; Secrecy Law art. 31).</summary>
    PersonalLeak,

    /// <summary>The person violated the rules; this violation leaked nothing but gravely threatened a secret (art. 13).</summary>
    ViolationMajorThreat,

    /// <summary>The leader's staff, spouse or child leaked in connection with the leader's duties (art. 14).</summary>
    RelatedPersonLeak,

    /// <summary>The person failed the duty to lead secrecy work and a leak followed (arts. 11, 16).</summary>
    LeadershipFailure,
}

/// <summary>Who leaked, for <see cref="Involvement.RelatedPersonLeak"/> (art. 14: 身边工作人员或其配偶、子女).</summary>
public enum RelatedPerson
{
    Staff,
    Spouse,
    Child,
}

/// <summary>The administrative scale, lightest first: 警告, 记过, 记大过, 降级, 撤职, 开除.</summary>
public enum AdministrativeSanction
{
    Warning,
    Demerit,
    MajorDemerit,
    Demotion,
    RemovalFromPost,
    Dismissal,
}

/// <summary>The Party scale, lightest first: 警告, 严重警告, 撤销党内职务, 留党察看, 开除党籍.</summary>
public enum PartySanction
{
    Warning,
    SeriousWarning,
    RemovalFromPartyPosts,
    PartyProbation,
    Expulsion,
}

/// <summary>How a provision moves the administrative sanction: 从重, 免予, 从轻.</summary>
public enum Adjustment
{
    Heavier,
    MayWaive,
    MayLighten,
}

/// <summary>An incident file as the sanction guidance reads it.</summary>
public sealed record SanctionCase
{
    public required bool Leaked { get; init; }

    public required Classification Classification { get; init; }

    public required CircumstanceSeverity Severity { get; init; }

    public required Loss Loss { get; init; }

    public IReadOnlyList<AggravatingFact> Aggravating { get; init; } = [];

    /// <summary>Codes of art. 15 deficiencies (D15.1–D15.8) the file links to the leak.</summary>
    public IReadOnlyList<string> LinkedDeficiencies { get; init; } = [];

    public required IReadOnlyList<SanctionPerson> Persons { get; init; }
}

/// <summary>A person in the file.</summary>
public sealed record SanctionPerson
{
    public required string Id { get; init; }

    public required PersonRole Role { get; init; }

    public required Involvement Involvement { get; init; }

    /// <summary>Required with <see cref="Involvement.RelatedPersonLeak"/>, and only there.</summary>
    public RelatedPerson? RelatedPerson { get; init; }

    public required bool PartyMember { get; init; }

    /// <summary>Art. 16: whether the leader proved having properly performed the secrecy duties. The burden of
    /// proof is the leader's (不能证明…的), so an unproved performance is <c>false</c>, the default.</summary>
    public bool ProvedProperPerformance { get; init; }
}
