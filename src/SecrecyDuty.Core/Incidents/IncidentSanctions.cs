using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Incidents;

/// <summary>A person of a file as the sanction guidance needs it: the posting held at the time (none for another person) and the facts recorded.</summary>
public sealed record IncidentPersonFacts(
    int PersonId,
    PostingRole? PostingRole,
    bool LeadsSecrecyWork,
    Involvement Involvement,
    RelatedPerson? Relation,
    bool IsPartyMember,
    bool ProvedProperPerformance);

/// <summary>
/// How an incident file reads as a <see cref="SanctionCase"/>, and whether a decision lies within the range the guidance
/// computed. Pure functions; the guidance itself is <see cref="SanctionGuidance"/>.
/// </summary>
public static class IncidentSanctions
{
    /// <summary>
    /// Arts. 5–7: the person's place in the leadership from the posting held at the time. A principal leader stays one
    /// even when also leading secrecy work; either way arts. 11 and 16 treat both alike.
    /// </summary>
    public static PersonRole RoleOf(PostingRole? role, bool leadsSecrecyWork) => role switch
    {
        PostingRole.PrincipalLeader => PersonRole.PrincipalLeader,
        PostingRole.SecrecyLeader => PersonRole.LeaderInChargeOfSecrecy,
        PostingRole.OtherMember => leadsSecrecyWork ? PersonRole.LeaderInChargeOfSecrecy : PersonRole.OtherTeamMember,
        _ => PersonRole.NotALeader,
    };

    /// <summary>
    /// The file as the guidance reads it; null until it can be read: the severity of circumstances is assessed and at
    /// least one person is recorded. An incident file is a leak file, so <see cref="SanctionCase.Leaked"/> is true; a
    /// person whose own violation leaked nothing is recorded with <see cref="Involvement.ViolationMajorThreat"/>.
    /// </summary>
    public static SanctionCase? CaseOf(
        Classification classification,
        CircumstanceSeverity? severity,
        Loss loss,
        IReadOnlyList<AggravatingFact> aggravating,
        IReadOnlyList<string> linkedDeficiencies,
        IReadOnlyList<IncidentPersonFacts> persons)
    {
        ArgumentNullException.ThrowIfNull(aggravating);
        ArgumentNullException.ThrowIfNull(linkedDeficiencies);
        ArgumentNullException.ThrowIfNull(persons);
        if (severity is null || persons.Count == 0)
        {
            return null;
        }

        return new SanctionCase
        {
            Leaked = true,
            Classification = classification,
            Severity = severity.Value,
            Loss = loss,
            Aggravating = [.. aggravating.Distinct()],
            LinkedDeficiencies = [.. linkedDeficiencies.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Persons =
            [
                .. persons.Select(p => new SanctionPerson
                {
                    Id = p.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Role = RoleOf(p.PostingRole, p.LeadsSecrecyWork),
                    Involvement = p.Involvement,

                    // Art. 14 names who leaked for the leader; another person's relation to a leader is context only.
                    RelatedPerson = p.Involvement == Involvement.RelatedPersonLeak ? p.Relation : null,
                    PartyMember = p.IsPartyMember,
                    ProvedProperPerformance = p.PostingRole is not null && p.ProvedProperPerformance,
                }),
            ],
        };
    }

    /// <summary>
    /// The guidance for each person of a file, by the person's id: empty until the file can be read (<see cref="CaseOf"/>).
    /// </summary>
    public static IReadOnlyDictionary<int, PersonGuidance> GuidanceByPerson(
        Classification classification,
        CircumstanceSeverity? severity,
        Loss loss,
        IReadOnlyList<AggravatingFact> aggravating,
        IReadOnlyList<string> linkedDeficiencies,
        IReadOnlyList<IncidentPersonFacts> persons,
        RegulationDefinition regulation)
    {
        var sanctionCase = CaseOf(classification, severity, loss, aggravating, linkedDeficiencies, persons);
        return sanctionCase is null
            ? new Dictionary<int, PersonGuidance>()
            : SanctionGuidance.For(sanctionCase, regulation).Persons.ToDictionary(g => int.Parse(g.Id, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Whether a decision lies within the guidance: the administrative sanction is one the provisions permit, or none
    /// where none applies or IM32 allows waiving it; the Party sanction is one PD109 permits, or none where it does not
    /// apply. The lenient and heavier adjustments (IM30–IM32) move the choice within the range, not outside it.
    /// </summary>
    public static bool WithinGuidance(PersonGuidance guidance, AdministrativeSanction? administrative, PartySanction? party)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        var administrativeFits = administrative is { } a
            ? guidance.Administrative.Contains(a)
            : guidance.Administrative.Count == 0 || guidance.Adjustments.Any(x => x.Adjustment == Adjustment.MayWaive);
        var partyFits = party is { } p ? guidance.Party.Contains(p) : guidance.Party.Count == 0;
        return administrativeFits && partyFits;
    }
}
