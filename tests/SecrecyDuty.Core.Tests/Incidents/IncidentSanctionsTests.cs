using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Leaders;
using static SecrecyDuty.Core.Incidents.Sanctions.AdministrativeSanction;
using P = SecrecyDuty.Core.Incidents.Sanctions.PartySanction;

namespace SecrecyDuty.Core.Tests.Incidents;

/// <summary>
/// How an incident file reads as a sanction case (arts. 5–7 roles from the posting held at the time, art. 14's relation,
/// art. 16's proof), and whether a decision lies within the guidance (docs/sanction-guidance.md).
/// </summary>
public sealed class IncidentSanctionsTests
{
    private static readonly Lazy<RegulationDefinition> Shipped = new(() =>
    {
        var result = RegulationLoader.Load(Path.Combine(RepositoryRoot(), "src", "SecrecyDuty.Data", "Regulations", "sd-leader-secrecy-responsibility-1.0.json"));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Regulation!;
    });

    // RoleOf: arts. 5–7 from the posting held at the time.
    [Theory]
    [InlineData(PostingRole.PrincipalLeader, false, PersonRole.PrincipalLeader)]
    [InlineData(PostingRole.PrincipalLeader, true, PersonRole.PrincipalLeader)]
    [InlineData(PostingRole.SecrecyLeader, false, PersonRole.LeaderInChargeOfSecrecy)]
    [InlineData(PostingRole.SecrecyLeader, true, PersonRole.LeaderInChargeOfSecrecy)]
    [InlineData(PostingRole.OtherMember, false, PersonRole.OtherTeamMember)]
    [InlineData(PostingRole.OtherMember, true, PersonRole.LeaderInChargeOfSecrecy)]
    [InlineData(null, false, PersonRole.NotALeader)]
    [InlineData(null, true, PersonRole.NotALeader)]
    public void The_place_in_the_leadership_follows_the_posting_held_at_the_time(PostingRole? posting, bool leadsSecrecyWork, PersonRole expected) =>
        Assert.Equal(expected, IncidentSanctions.RoleOf(posting, leadsSecrecyWork));

    // CaseOf.
    private static IncidentPersonFacts Leader(int id = 1, PostingRole role = PostingRole.PrincipalLeader, Involvement involvement = Involvement.LeadershipFailure, RelatedPerson? relation = null, bool party = true, bool proved = false, bool leadsSecrecyWork = false) =>
        new(id, role, leadsSecrecyWork, involvement, relation, party, proved);

    private static IncidentPersonFacts Other(int id = 2, Involvement involvement = Involvement.PersonalLeak, RelatedPerson? relation = null, bool party = false, bool proved = false) =>
        new(id, null, false, involvement, relation, party, proved);

    private static SanctionCase? CaseOf(
        CircumstanceSeverity? severity = CircumstanceSeverity.Ordinary,
        string[]? deficiencies = null,
        AggravatingFact[]? aggravating = null,
        params IncidentPersonFacts[] persons) =>
        IncidentSanctions.CaseOf(Classification.HighlySecret, severity, Loss.Larger, aggravating ?? [], deficiencies ?? [], persons);

    [Fact]
    public void The_guidance_waits_until_the_severity_of_circumstances_is_assessed() =>
        Assert.Null(CaseOf(severity: null, persons: Leader()));

    [Fact]
    public void The_guidance_waits_until_a_person_is_recorded() =>
        Assert.Null(CaseOf());

    [Fact]
    public void An_incident_file_is_a_leak_file_and_carries_its_facts_to_the_case()
    {
        var c = CaseOf(CircumstanceSeverity.Serious, persons: Leader())!;

        Assert.True(c.Leaked);
        Assert.Equal((Classification.HighlySecret, CircumstanceSeverity.Serious, Loss.Larger), (c.Classification, c.Severity, c.Loss));
    }

    [Fact]
    public void Each_person_is_named_by_the_id_of_the_record_with_the_role_of_the_posting()
    {
        var c = CaseOf(persons: [Leader(7, PostingRole.OtherMember, leadsSecrecyWork: true), Other(12)])!;

        Assert.Equal([("7", PersonRole.LeaderInChargeOfSecrecy), ("12", PersonRole.NotALeader)], c.Persons.Select(p => (p.Id, p.Role)));
    }

    [Fact]
    public void Art_14_who_leaked_reaches_the_case_for_a_related_persons_leak()
    {
        var c = CaseOf(persons: Leader(involvement: Involvement.RelatedPersonLeak, relation: RelatedPerson.Spouse))!;

        Assert.Equal(RelatedPerson.Spouse, Assert.Single(c.Persons).RelatedPerson);
    }

    [Fact]
    public void Art_14_another_persons_relation_to_a_leader_is_context_only_and_does_not_reach_the_case()
    {
        var c = CaseOf(persons: Other(involvement: Involvement.PersonalLeak, relation: RelatedPerson.Staff))!;

        Assert.Null(Assert.Single(c.Persons).RelatedPerson);
    }

    [Fact]
    public void Art_16_a_leader_who_proved_proper_performance_is_read_so()
    {
        var c = CaseOf(persons: Leader(proved: true))!;

        Assert.True(Assert.Single(c.Persons).ProvedProperPerformance);
    }

    [Fact]
    public void Art_16_only_a_leader_proves_proper_performance()
    {
        var c = CaseOf(persons: Other(proved: true))!;

        Assert.False(Assert.Single(c.Persons).ProvedProperPerformance);
    }

    [Fact]
    public void Party_membership_and_involvement_reach_the_case()
    {
        var c = CaseOf(persons: [Leader(party: true, involvement: Involvement.ViolationMajorThreat), Other(party: false, involvement: Involvement.PersonalLeak)])!;

        Assert.Equal([(true, Involvement.ViolationMajorThreat), (false, Involvement.PersonalLeak)], c.Persons.Select(p => (p.PartyMember, p.Involvement)));
    }

    [Fact]
    public void Linked_deficiencies_are_read_once_each_in_code_order()
    {
        var c = CaseOf(deficiencies: ["D15.5", "D15.1", "D15.5", "D15.3"], persons: Leader())!;

        Assert.Equal(["D15.1", "D15.3", "D15.5"], c.LinkedDeficiencies);
    }

    [Fact]
    public void Aggravating_facts_are_read_once_each()
    {
        var c = CaseOf(aggravating: [AggravatingFact.PrivateGain, AggravatingFact.DamageDone, AggravatingFact.PrivateGain], persons: Leader())!;

        Assert.Equal([AggravatingFact.PrivateGain, AggravatingFact.DamageDone], c.Aggravating);
    }

    // WithinGuidance.
    private static readonly AdjustmentGuidance Waive = new(Adjustment.MayWaive, "IM32", new Citation("IM32", "", ""), null, null, "Secret, Minor");
    private static readonly AdjustmentGuidance Lighten = new(Adjustment.MayLighten, "IM32", new Citation("IM32", "", ""), null, null, "Secret, Minor");
    private static readonly AdjustmentGuidance Heavier = new(Adjustment.Heavier, "IM30", new Citation("IM30", "", ""), null, null, "PrivateGain");

    private static PersonGuidance Guidance(AdministrativeSanction[] administrative, P[] party, params AdjustmentGuidance[] adjustments) =>
        new("1", [], administrative, party, adjustments, null, null, []);

    public static TheoryData<string, PersonGuidance, AdministrativeSanction?, P?, bool> Decisions => new()
    {
        // rule, guidance, administrative decided, Party decided, within
        { "an administrative sanction the provisions permit is within", Guidance([Warning, Demerit], []), Demerit, null, true },
        { "the lightest of the range is within", Guidance([Demerit, MajorDemerit, Demotion], []), Demerit, null, true },
        { "the heaviest of the range is within", Guidance([Demerit, MajorDemerit, Demotion], []), Demotion, null, true },
        { "one step above the range is outside", Guidance([Warning, Demerit], []), MajorDemerit, null, false },
        { "one step below the range is outside", Guidance([Demerit, MajorDemerit, Demotion], []), Warning, null, false },
        { "a sanction where the texts give no range is outside (art. 11 as circumstances warrant)", Guidance([], []), Warning, null, false },
        { "no administrative sanction where none applies is within", Guidance([], []), null, null, true },
        { "no administrative sanction against a range is outside", Guidance([Warning, Demerit], []), null, null, false },
        { "IM32: no administrative sanction where the sanction may be waived is within", Guidance([Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [], Waive, Lighten), null, null, true },
        { "IM32: lightening alone does not allow waiving", Guidance([Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [], Lighten), null, null, false },
        { "IM30: a heavier sanction does not allow waiving", Guidance([Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [], Heavier), null, null, false },
        { "IM32: waiving allowed, a sanction within the range is still within", Guidance([Warning, Demerit], [], Waive), Warning, null, true },
        { "IM32: waiving allowed does not widen the range", Guidance([Warning, Demerit], [], Waive), MajorDemerit, null, false },
        { "a Party sanction PD109 permits is within", Guidance([Warning, Demerit], [P.Warning, P.SeriousWarning]), Warning, P.SeriousWarning, true },
        { "a Party sanction above PD109's range is outside", Guidance([Warning, Demerit], [P.Warning, P.SeriousWarning]), Warning, P.RemovalFromPartyPosts, false },
        { "a Party sanction below PD109's range is outside", Guidance([Demerit], [P.RemovalFromPartyPosts]), Demerit, P.SeriousWarning, false },
        { "no Party sanction against PD109's range is outside", Guidance([Warning, Demerit], [P.Warning, P.SeriousWarning]), Warning, null, false },
        { "no Party sanction where PD109 does not apply is within", Guidance([Warning, Demerit], []), Warning, null, true },
        { "a Party sanction where PD109 does not apply is outside", Guidance([Warning, Demerit], []), Warning, P.Warning, false },
        { "IM32 waives the administrative sanction, not the Party one", Guidance([Warning], [P.Warning], Waive), null, null, false },
        { "both within", Guidance([Demerit, MajorDemerit, Demotion], [P.RemovalFromPartyPosts]), MajorDemerit, P.RemovalFromPartyPosts, true },
        { "the administrative sanction within does not save a Party sanction outside", Guidance([Demerit, MajorDemerit, Demotion], [P.RemovalFromPartyPosts]), MajorDemerit, P.Expulsion, false },
        { "the Party sanction within does not save an administrative sanction outside", Guidance([Demerit, MajorDemerit, Demotion], [P.RemovalFromPartyPosts]), Dismissal, P.RemovalFromPartyPosts, false },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void A_decision_is_within_the_guidance_only_when_each_sanction_lies_in_its_range(string rule, PersonGuidance guidance, AdministrativeSanction? administrative, P? party, bool within) =>
        Assert.True(within == IncidentSanctions.WithinGuidance(guidance, administrative, party), rule);

    [Fact]
    public void IM32_a_leader_who_leaked_a_secret_matter_in_minor_circumstances_may_be_spared_the_administrative_sanction()
    {
        var guidance = GuidanceFor(Classification.Secret, CircumstanceSeverity.Minor, Leader(involvement: Involvement.PersonalLeak, party: false));

        Assert.True(IncidentSanctions.WithinGuidance(guidance, null, null));
        Assert.True(IncidentSanctions.WithinGuidance(guidance, Dismissal, null));
    }

    [Fact]
    public void A_leader_who_leaked_a_top_secret_matter_in_serious_circumstances_is_not_spared_without_justification()
    {
        var guidance = GuidanceFor(Classification.TopSecret, CircumstanceSeverity.Serious, Leader(involvement: Involvement.PersonalLeak, party: true));

        Assert.False(IncidentSanctions.WithinGuidance(guidance, null, P.PartyProbation));
        Assert.True(IncidentSanctions.WithinGuidance(guidance, RemovalFromPost, P.PartyProbation));
        Assert.False(IncidentSanctions.WithinGuidance(guidance, RemovalFromPost, P.SeriousWarning));
    }

    [Fact]
    public void Art_16_a_principal_leaders_failure_with_a_linked_deficiency_and_a_larger_loss_permits_warning_or_demerit_and_PD109_2a()
    {
        var c = IncidentSanctions.CaseOf(Classification.HighlySecret, CircumstanceSeverity.Serious, Loss.Larger, [], ["D15.3"], [Leader(party: true)])!;
        var guidance = Assert.Single(SanctionGuidance.For(c, Shipped.Value).Persons);

        Assert.Equal(["R11", "R16a", "PD109.2a"], guidance.Provisions.Select(p => p.Code));
        Assert.True(IncidentSanctions.WithinGuidance(guidance, Demerit, P.SeriousWarning));
        Assert.False(IncidentSanctions.WithinGuidance(guidance, MajorDemerit, P.SeriousWarning));
        Assert.False(IncidentSanctions.WithinGuidance(guidance, null, null));
    }

    private static PersonGuidance GuidanceFor(Classification classification, CircumstanceSeverity severity, IncidentPersonFacts person)
    {
        var c = IncidentSanctions.CaseOf(classification, severity, Loss.None, [], [], [person])!;
        return Assert.Single(SanctionGuidance.For(c, Shipped.Value).Persons);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecrecyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SecrecyDuty.sln not found above the test folder.");
    }
}
