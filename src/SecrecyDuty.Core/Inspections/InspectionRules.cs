using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Inspections;

/// <summary>Why an inspection step is refused.</summary>
public enum InspectionProblem
{
    None,

    /// <summary>Only a planned inspection starts.</summary>
    NotPlanned,

    /// <summary>Findings are added, changed and removed only while the inspection is in progress.</summary>
    NotInProgress,

    /// <summary>An inspection is completed with its conclusion.</summary>
    ConclusionMissing,

    /// <summary>A completed inspection is closed: no step goes back.</summary>
    AlreadyCompleted,

    /// <summary>Art. 8: a self-inspection is done by the unit's own secrecy organization, of its own unit only.</summary>
    SelfInspectionOfAnotherUnit,

    /// <summary>Art. 8: a superior organ or the secrecy department inspects a unit other than its own.</summary>
    BodyIsTheInspectedUnit,
}

/// <summary>The consequences art. 15 lets an inspection draw from a deficiency.</summary>
public enum FindingConsequence
{
    /// <summary>The unit's secrecy organization recommends the correction.</summary>
    CorrectionRecommendation,

    /// <summary>A superior organ or the secrecy department orders it resolved within a deadline.</summary>
    RectificationOrder,

    /// <summary>A superior organ or the secrecy department circulates a criticism.</summary>
    CirculatedCriticism,
}

/// <summary>The inspection's life and what art. 8 and art. 15 allow each inspecting body, as pure rules.</summary>
public static class InspectionRules
{
    /// <summary>Art. 8: the inspecting unit fits the body: the unit itself for a self-inspection, another unit otherwise.</summary>
    public static InspectionProblem CheckBody(InspectingBody body, int inspectedUnitId, int bodyUnitId) => body switch
    {
        InspectingBody.OwnSecrecyOrganization when bodyUnitId != inspectedUnitId => InspectionProblem.SelfInspectionOfAnotherUnit,
        InspectingBody.SuperiorOrgan or InspectingBody.SecrecyDepartment when bodyUnitId == inspectedUnitId => InspectionProblem.BodyIsTheInspectedUnit,
        _ => InspectionProblem.None,
    };

    public static InspectionProblem CanStart(InspectionStatus status) =>
        status == InspectionStatus.Planned ? InspectionProblem.None : InspectionProblem.NotPlanned;

    public static InspectionProblem CanComplete(InspectionStatus status, string? conclusion) => status switch
    {
        InspectionStatus.Completed => InspectionProblem.AlreadyCompleted,
        InspectionStatus.Planned => InspectionProblem.NotInProgress,
        _ when string.IsNullOrWhiteSpace(conclusion) => InspectionProblem.ConclusionMissing,
        _ => InspectionProblem.None,
    };

    public static InspectionProblem CanChangeFindings(InspectionStatus status) =>
        status == InspectionStatus.InProgress ? InspectionProblem.None : InspectionProblem.NotInProgress;

    /// <summary>
    /// Art. 15: the unit's secrecy organization recommends correction; a superior organ or the same-level secrecy
    /// department orders rectification within a deadline and, where needed, circulates a criticism.
    /// </summary>
    public static bool Allows(InspectingBody body, FindingConsequence consequence) => consequence switch
    {
        FindingConsequence.CorrectionRecommendation => body == InspectingBody.OwnSecrecyOrganization,
        FindingConsequence.RectificationOrder or FindingConsequence.CirculatedCriticism => body != InspectingBody.OwnSecrecyOrganization,
        _ => false,
    };

    /// <summary>The date a finding speaks of: the day the inspection started (or was planned, before it started).</summary>
    public static DateOnly InspectionDate(DateOnly plannedOn, DateOnly? startedOn) => startedOn ?? plannedOn;

    /// <summary>A posting may answer for a finding only if it held on the inspection date, in the inspected unit.</summary>
    public static bool MayBeResponsible(int postingUnitId, DateOnly from, DateOnly? to, int inspectedUnitId, DateOnly inspectionDate) =>
        postingUnitId == inspectedUnitId && from <= inspectionDate && (to is null || to >= inspectionDate);

    /// <summary>
    /// The duty items a deficiency of art. 15 falls short of: the product's reading of arts. 5–7 against art. 15, used to
    /// suggest who answers for a finding (the inspector may change the suggestion). Unknown codes ("other") concern no
    /// duty in particular.
    /// </summary>
    public static IReadOnlyList<string> RelatedDuties(string? deficiencyCode) => deficiencyCode switch
    {
        "D15.1" => ["P5.1", "S6.2"], // directives carried out (P5.1), conveyed and studied (S6.2)
        "D15.2" => ["S6.3", "S6.5"], // education (S6.3), inspections (S6.5)
        "D15.3" => ["P5.2", "S6.4"], // the secrecy organization and its conditions (P5.2), strengthening it (S6.4)
        "D15.4" => ["S6.6"], // the unit's secrecy rules
        "D15.5" => ["S6.8"], // protection of communications, office automation, computers, key sites
        "D15.6" => ["S6.7", "M7.3"], // protection plans (S6.7), assessing secrecy before deploying business work (M7.3)
        "D15.7" => ["S6.1", "M7.2"], // classification led by the secrecy organization (S6.1), known in each portfolio (M7.2)
        "D15.8" => ["S6.10"], // leaks reported and investigated
        _ => [],
    };

    /// <summary>The roles whose duties <see cref="RelatedDuties"/> names: P5.x principal leader, S6.x leader in charge, M7.x other members.</summary>
    public static IReadOnlyList<PostingRole> ConcernedRoles(string? deficiencyCode) =>
        [.. RelatedDuties(deficiencyCode)
            .Select(code => code[0] switch
            {
                'P' => PostingRole.PrincipalLeader,
                'S' => PostingRole.SecrecyLeader,
                _ => PostingRole.OtherMember,
            })
            .Distinct()
            .Order()];

    /// <summary>Whether a posting is suggested for a finding: its role is concerned; a posting that also leads the unit's secrecy work answers for the leader in charge's duties.</summary>
    public static bool IsSuggested(string? deficiencyCode, PostingRole role, bool leadsSecrecyWork)
    {
        var roles = ConcernedRoles(deficiencyCode);
        return roles.Contains(role) || (leadsSecrecyWork && roles.Contains(PostingRole.SecrecyLeader));
    }
}

/// <summary>Field sizes, shared by the validators and the EF configuration.</summary>
public static class InspectionLimits
{
    public const int ScopeMaxLength = 500;
    public const int ShortTextMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int DocumentNumberMaxLength = 100;
}
