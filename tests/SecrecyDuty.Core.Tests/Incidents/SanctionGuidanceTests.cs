using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Incidents.Sanctions;
using static SecrecyDuty.Core.Incidents.Sanctions.AdministrativeSanction;
using P = SecrecyDuty.Core.Incidents.Sanctions.PartySanction;

namespace SecrecyDuty.Core.Tests.Incidents;

/// <summary>
/// The sanction table of DOMAIN.md ("Incidents and sanctions"), one row per rule and per boundary between
/// rules, against the texts of the shipped regulation file (docs/sanction-guidance.md).
/// </summary>
public sealed class SanctionGuidanceTests
{
    private static readonly Lazy<RegulationDefinition> Shipped = new(() =>
    {
        var result = RegulationLoader.Load(Path.Combine(RepositoryRoot(), "src", "SecrecyDuty.Data", "Regulations", "sd-leader-secrecy-responsibility-1.0.json"));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Regulation!;
    });

    private static SanctionCase Case(
        Involvement involvement,
        PersonRole role = PersonRole.PrincipalLeader,
        bool leaked = true,
        Classification classification = Classification.HighlySecret,
        CircumstanceSeverity severity = CircumstanceSeverity.Ordinary,
        Loss loss = Loss.None,
        AggravatingFact[]? aggravating = null,
        string[]? deficiencies = null,
        bool partyMember = false,
        bool proved = false,
        RelatedPerson? related = null) => new()
        {
            Leaked = leaked,
            Classification = classification,
            Severity = severity,
            Loss = loss,
            Aggravating = aggravating ?? [],
            LinkedDeficiencies = deficiencies ?? [],
            Persons =
            [
                new SanctionPerson
                {
                    Id = "p1",
                    Role = role,
                    Involvement = involvement,
                    RelatedPerson = related ?? (involvement == Involvement.RelatedPersonLeak ? RelatedPerson.Staff : null),
                    PartyMember = partyMember,
                    ProvedProperPerformance = proved,
                },
            ],
        };

    private static PersonGuidance Guide(SanctionCase c) => Assert.Single(SanctionGuidance.For(c, Shipped.Value).Persons);

    private static string Codes(PersonGuidance g) => string.Join(" ", g.Provisions.Select(p => p.Code));

    public static TheoryData<string, SanctionCase, string, AdministrativeSanction[], PartySanction[]> Rows => new()
    {
        // rule row, case, provisions, administrative union, Party union
        { "art. 11: the principal leader's failure led to a leak, no art. 16 deficiency: leadership responsibility, no range",
            Case(Involvement.LeadershipFailure), "R11", [], [] },
        { "art. 11: the leader in charge of secrecy bears it too",
            Case(Involvement.LeadershipFailure, PersonRole.LeaderInChargeOfSecrecy), "R11", [], [] },
        { "art. 11: another team member does not bear art. 11's responsibility",
            Case(Involvement.LeadershipFailure, PersonRole.OtherTeamMember), "", [], [] },
        { "art. 12: a leader who personally leaked: the whole administrative scale under the Secrecy Law and IM29–IM32",
            Case(Involvement.PersonalLeak, PersonRole.OtherTeamMember), "R12", [Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [] },
        { "art. 12 with PD109 para. 1: minor circumstances of a Party member are less serious (PD109.1a)",
            Case(Involvement.PersonalLeak, severity: CircumstanceSeverity.Minor, partyMember: true), "R12 PD109.1a", [Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [P.Warning, P.SeriousWarning, P.RemovalFromPartyPosts] },
        { "PD109 para. 1: especially minor is less serious too",
            Case(Involvement.PersonalLeak, severity: CircumstanceSeverity.EspeciallyMinor, partyMember: true), "R12 PD109.1a", [Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [P.Warning, P.SeriousWarning, P.RemovalFromPartyPosts] },
        { "PD109 para. 1: ordinary circumstances sit between the grades: both are stated, the official chooses",
            Case(Involvement.PersonalLeak, severity: CircumstanceSeverity.Ordinary, partyMember: true), "R12 PD109.1a PD109.1b", [Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [P.Warning, P.SeriousWarning, P.RemovalFromPartyPosts, P.PartyProbation, P.Expulsion] },
        { "PD109 para. 1: serious circumstances are more serious (PD109.1b)",
            Case(Involvement.PersonalLeak, severity: CircumstanceSeverity.Serious, partyMember: true), "R12 PD109.1b", [Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [P.RemovalFromPartyPosts, P.PartyProbation, P.Expulsion] },
        { "PD109 para. 1: especially serious circumstances are more serious",
            Case(Involvement.PersonalLeak, severity: CircumstanceSeverity.EspeciallySerious, partyMember: true), "R12 PD109.1b", [Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [P.RemovalFromPartyPosts, P.PartyProbation, P.Expulsion] },
        { "Party sanctions only for Party members: a non-member who leaked gets no PD109",
            Case(Involvement.PersonalLeak, severity: CircumstanceSeverity.Serious), "R12", [Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [] },
        { "not a leading cadre who leaked: Secrecy Law art. 31 and IM29, and PD109 para. 1 for a Party member",
            Case(Involvement.PersonalLeak, PersonRole.NotALeader, severity: CircumstanceSeverity.Minor, partyMember: true), "IM29 PD109.1a", [Warning, Demerit, MajorDemerit, Demotion, RemovalFromPost, Dismissal], [P.Warning, P.SeriousWarning, P.RemovalFromPartyPosts] },
        { "art. 13: a leader's violation without a leak but with a major threat: warning, demerit or major demerit",
            Case(Involvement.ViolationMajorThreat, leaked: false, partyMember: true), "R13", [Warning, Demerit, MajorDemerit], [] },
        { "art. 13 applies to leading cadres only",
            Case(Involvement.ViolationMajorThreat, PersonRole.NotALeader, leaked: false), "", [], [] },
        { "art. 14: the leader's staff leaked in connection with the leader's duties: warning, demerit or major demerit to the leader",
            Case(Involvement.RelatedPersonLeak, related: RelatedPerson.Staff, partyMember: true), "R14", [Warning, Demerit, MajorDemerit], [] },
        { "art. 14: the leader's spouse",
            Case(Involvement.RelatedPersonLeak, PersonRole.OtherTeamMember, related: RelatedPerson.Spouse), "R14", [Warning, Demerit, MajorDemerit], [] },
        { "art. 14: the leader's child",
            Case(Involvement.RelatedPersonLeak, related: RelatedPerson.Child), "R14", [Warning, Demerit, MajorDemerit], [] },
        { "art. 16: a D15.1–D15.7 deficiency led to a leak, proper performance unproved: warning or demerit (R16a)",
            Case(Involvement.LeadershipFailure, PersonRole.OtherTeamMember, deficiencies: ["D15.3"]), "R16a", [Warning, Demerit], [] },
        { "art. 16: D15.7 is the last deficiency it names",
            Case(Involvement.LeadershipFailure, PersonRole.OtherTeamMember, deficiencies: ["D15.7"]), "R16a", [Warning, Demerit], [] },
        { "art. 16: D15.8 (not reporting a leak) is not among (一)–(七)",
            Case(Involvement.LeadershipFailure, PersonRole.OtherTeamMember, deficiencies: ["D15.8"]), "", [], [] },
        { "art. 16: a principal leader gets art. 11 and art. 16",
            Case(Involvement.LeadershipFailure, deficiencies: ["D15.1"]), "R11 R16a", [Warning, Demerit], [] },
        { "art. 16: a larger loss stays R16a, and a Party member gets PD109.2a",
            Case(Involvement.LeadershipFailure, deficiencies: ["D15.2"], loss: Loss.Larger, severity: CircumstanceSeverity.Serious, partyMember: true), "R11 R16a PD109.2a", [Warning, Demerit], [P.Warning, P.SeriousWarning] },
        { "art. 16: a major loss makes it R16b (demerit, major demerit or demotion) and PD109.2b (removal from Party posts)",
            Case(Involvement.LeadershipFailure, deficiencies: ["D15.2"], loss: Loss.Major, partyMember: true), "R11 R16b PD109.2b", [Demerit, MajorDemerit, Demotion], [P.RemovalFromPartyPosts] },
        { "art. 16: a non-member with a major loss gets R16b and no Party sanction",
            Case(Involvement.LeadershipFailure, PersonRole.OtherTeamMember, deficiencies: ["D15.5"], loss: Loss.Major), "R16b", [Demerit, MajorDemerit, Demotion], [] },
        { "art. 16 with PD109 para. 2: no larger or major loss gives no Party range",
            Case(Involvement.LeadershipFailure, PersonRole.OtherTeamMember, deficiencies: ["D15.5"], partyMember: true), "R16a", [Warning, Demerit], [] },
        { "art. 16: a leader who proved proper performance gets no art. 16 (art. 11 remains, to be weighed)",
            Case(Involvement.LeadershipFailure, deficiencies: ["D15.3"], loss: Loss.Major, partyMember: true, proved: true), "R11", [], [] },
        { "art. 16: another team member who proved proper performance gets nothing",
            Case(Involvement.LeadershipFailure, PersonRole.OtherTeamMember, deficiencies: ["D15.3"], partyMember: true, proved: true), "", [], [] },
        { "arts. 11 and 16 concern leading cadres only",
            Case(Involvement.LeadershipFailure, PersonRole.NotALeader, deficiencies: ["D15.3"]), "", [], [] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_of_the_sanction_table_gives_its_provisions_and_ranges(string row, SanctionCase c, string provisions, AdministrativeSanction[] administrative, PartySanction[] party)
    {
        var guidance = Guide(c);

        Assert.True(provisions == Codes(guidance), $"{row}: expected [{provisions}], got [{Codes(guidance)}]");
        Assert.Equal(administrative, guidance.Administrative);
        Assert.Equal(party, guidance.Party);
    }

    public static TheoryData<Classification, CircumstanceSeverity, Adjustment[]> Im32Rows => new()
    {
        { Classification.Secret, CircumstanceSeverity.EspeciallyMinor, [Adjustment.MayWaive, Adjustment.MayLighten] },
        { Classification.Secret, CircumstanceSeverity.Minor, [Adjustment.MayWaive, Adjustment.MayLighten] },
        { Classification.Secret, CircumstanceSeverity.Ordinary, [] },
        { Classification.HighlySecret, CircumstanceSeverity.EspeciallyMinor, [Adjustment.MayWaive] },
        { Classification.HighlySecret, CircumstanceSeverity.Minor, [Adjustment.MayWaive] },
        { Classification.HighlySecret, CircumstanceSeverity.Ordinary, [] },
        { Classification.TopSecret, CircumstanceSeverity.EspeciallyMinor, [Adjustment.MayLighten] },
        { Classification.TopSecret, CircumstanceSeverity.Minor, [] },
    };

    [Theory]
    [MemberData(nameof(Im32Rows))]
    public void IM32_leniency_depends_on_the_classification_and_how_minor_the_circumstances_are(Classification classification, CircumstanceSeverity severity, Adjustment[] expected)
    {
        var guidance = Guide(Case(Involvement.PersonalLeak, classification: classification, severity: severity));

        Assert.Equal(expected, guidance.Adjustments.Select(a => a.Adjustment));
        Assert.All(guidance.Adjustments, a => Assert.Equal("IM32", a.Code));
    }

    public static TheoryData<AggravatingFact, string> HeavierRows => new()
    {
        { AggravatingFact.DamageDone, "IM30" },
        { AggravatingFact.PrivateGain, "IM30" },
        { AggravatingFact.RepeatedOrInQuantity, "IM30" },
        { AggravatingFact.AbuseOfPower, "IM30" },
        { AggravatingFact.CriminalSentenceOrExemption, "IM31" },
    };

    [Theory]
    [MemberData(nameof(HeavierRows))]
    public void IM30_and_IM31_facts_make_the_leaker_s_sanction_heavier(AggravatingFact fact, string code)
    {
        var guidance = Guide(Case(Involvement.PersonalLeak, PersonRole.NotALeader, aggravating: [fact]));

        var adjustment = Assert.Single(guidance.Adjustments);
        Assert.Equal((Adjustment.Heavier, code), (adjustment.Adjustment, adjustment.Code));
        Assert.Equal("从重给予行政处分", adjustment.Text);
    }

    [Fact]
    public void Heavier_and_IM32_leniency_are_both_stated_when_both_apply()
    {
        var guidance = Guide(Case(Involvement.PersonalLeak, classification: Classification.Secret, severity: CircumstanceSeverity.Minor, aggravating: [AggravatingFact.RepeatedOrInQuantity, AggravatingFact.CriminalSentenceOrExemption]));

        Assert.Equal(["IM30 Heavier", "IM31 Heavier", "IM32 MayWaive", "IM32 MayLighten"], guidance.Adjustments.Select(a => $"{a.Code} {a.Adjustment}"));
        Assert.Contains(guidance.Notes, n => n.Contains("do not rank them", StringComparison.Ordinal));
    }

    [Fact]
    public void Aggravating_facts_do_not_adjust_the_sanctions_of_a_leader_who_did_not_leak()
    {
        var guidance = Guide(Case(Involvement.RelatedPersonLeak, classification: Classification.Secret, severity: CircumstanceSeverity.Minor, aggravating: [AggravatingFact.PrivateGain]));

        Assert.Empty(guidance.Adjustments);
        Assert.Null(guidance.Confiscation);
        Assert.Null(guidance.CriminalReferral);
    }

    public static TheoryData<CircumstanceSeverity, string?> ReferralRows => new()
    {
        { CircumstanceSeverity.Ordinary, null },
        { CircumstanceSeverity.Serious, "CL398a" },
        { CircumstanceSeverity.EspeciallySerious, "CL398b" },
    };

    [Theory]
    [MemberData(nameof(ReferralRows))]
    public void CL398_refers_a_serious_leak_to_the_judicial_organs_with_its_range_of_penalty(CircumstanceSeverity severity, string? code)
    {
        var guidance = Guide(Case(Involvement.PersonalLeak, PersonRole.NotALeader, severity: severity));

        Assert.Equal(code, guidance.CriminalReferral?.Code);
        if (code == "CL398a")
        {
            Assert.Equal("依法追究刑事责任:处三年以下有期徒刑或者拘役", guidance.CriminalReferral!.Penalty);
        }
        else if (code == "CL398b")
        {
            Assert.Equal("依法追究刑事责任:处三年以上七年以下有期徒刑", guidance.CriminalReferral!.Penalty);
        }
    }

    [Fact]
    public void IM34_confiscates_the_illegal_income_of_a_leak_for_private_gain()
    {
        var guidance = Guide(Case(Involvement.PersonalLeak, aggravating: [AggravatingFact.PrivateGain]));

        Assert.Equal("IM34", guidance.Confiscation?.Code);
        Assert.Equal("非法收入予以没收并上交国库", guidance.Confiscation!.Text);
        Assert.Null(Guide(Case(Involvement.PersonalLeak, aggravating: [AggravatingFact.DamageDone])).Confiscation);
    }

    [Fact]
    public void Provisions_cite_their_article_and_carry_the_catalogue_s_texts()
    {
        var guidance = Guide(Case(Involvement.PersonalLeak, severity: CircumstanceSeverity.Minor, partyMember: true));

        var r12 = guidance.Provisions[0];
        Assert.Equal(new Citation("A12", "第十二条", "Art. 12"), r12.Citation);
        Assert.True(r12.AsCircumstancesWarrant);
        Assert.Equal(Shipped.Value.SanctionRules.Single(r => r.Code == "R12").Administrative, r12.Text);
        var pd = guidance.Provisions[1];
        Assert.Equal(new Citation("PD109", "《中国共产党纪律处分条例》第一百零九条第一款", "Party Discipline Regulations art. 109 para. 1"), pd.Citation);
        Assert.Equal("警告、严重警告或者撤销党内职务处分", pd.Text);
    }

    [Fact]
    public void Ordinary_circumstances_state_PD109_1a_and_b_as_alternatives()
    {
        var guidance = Guide(Case(Involvement.PersonalLeak, partyMember: true));

        Assert.Equal(["PD109.1b", "PD109.1a"], guidance.Provisions.Skip(1).Select(p => p.AlternativeTo));
    }

    [Fact]
    public void Every_person_of_the_file_gets_guidance_in_order()
    {
        var c = Case(Involvement.LeadershipFailure, deficiencies: ["D15.4"], loss: Loss.Larger, partyMember: true) with { };
        c = c with
        {
            Persons = [.. c.Persons, new SanctionPerson { Id = "p2", Role = PersonRole.NotALeader, Involvement = Involvement.PersonalLeak, PartyMember = false }],
        };

        var guidance = SanctionGuidance.For(c, Shipped.Value);

        Assert.Equal(["p1", "p2"], guidance.Persons.Select(p => p.Id));
        Assert.Equal("R11 R16a PD109.2a", Codes(guidance.Persons[0]));
        Assert.Equal("IM29", Codes(guidance.Persons[1]));
    }

    public static TheoryData<SanctionCase, string> Problems => new()
    {
        { Case(Involvement.PersonalLeak, leaked: false), "$.persons[0].involvement" },
        { Case(Involvement.LeadershipFailure, leaked: false), "$.persons[0].involvement" },
        { Case(Involvement.RelatedPersonLeak) with { Persons = [new SanctionPerson { Id = "p1", Role = PersonRole.PrincipalLeader, Involvement = Involvement.RelatedPersonLeak, PartyMember = false }] }, "$.persons[0].relatedPerson" },
        { Case(Involvement.PersonalLeak, related: RelatedPerson.Spouse), "$.persons[0].relatedPerson" },
        { Case(Involvement.PersonalLeak, deficiencies: ["D15.9"]), "$.linkedDeficiencies[0]" },
        { Case(Involvement.PersonalLeak) with { Persons = [] }, "$.persons" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void A_case_that_cannot_be_read_is_refused_naming_the_field(SanctionCase c, string path)
    {
        Assert.Contains(path, SanctionGuidance.Check(c, Shipped.Value).Select(p => p.Path));
        Assert.Throws<ArgumentException>(() => SanctionGuidance.For(c, Shipped.Value));
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
