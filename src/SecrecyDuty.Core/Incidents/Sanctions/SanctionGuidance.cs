using SecrecyDuty.Core.Catalogue;

namespace SecrecyDuty.Core.Incidents.Sanctions;

/// <summary>
/// The sanction guidance of arts. 11–16 of the measure and the provisions appended to it (Secrecy Law art. 31,
/// Implementing Measures arts. 29–34, Party Discipline Regulations art. 109, Criminal Law art. 398): for every
/// person of a file, the provisions that apply and the permitted sanctions, each with its citation. Pure: the
/// texts come from the regulation catalogue passed in. Where the texts leave a choice, the guidance states
/// the choice instead of making it. The rules and the readings are in docs/sanction-guidance.md.
/// </summary>
public static class SanctionGuidance
{
    // Art. 16 names the deficiencies (一)–(七) of art. 15; (八), not reporting a leak, cannot have led to it.
    private static readonly string[] Article16Deficiencies = ["D15.1", "D15.2", "D15.3", "D15.4", "D15.5", "D15.6", "D15.7"];

    private static readonly AdministrativeSanction[] WholeAdministrativeScale = Enum.GetValues<AdministrativeSanction>();

    /// <summary>The rule codes of DOMAIN.md with the article each comes from and its English citation.</summary>
    private static readonly Dictionary<string, (string Article, string Paragraph, string CitationEn)> Citations = new(StringComparer.Ordinal)
    {
        ["R11"] = ("A11", "", "Art. 11"),
        ["R12"] = ("A12", "", "Art. 12"),
        ["R13"] = ("A13", "", "Art. 13"),
        ["R14"] = ("A14", "", "Art. 14"),
        ["R16a"] = ("A16", "", "Art. 16"),
        ["R16b"] = ("A16", "", "Art. 16"),
        ["IM29"] = ("IM29", "", "Implementing Measures art. 29"),
        ["IM30"] = ("IM30", "", "Implementing Measures art. 30"),
        ["IM31"] = ("IM31", "", "Implementing Measures art. 31"),
        ["IM32"] = ("IM32", "", "Implementing Measures art. 32"),
        ["IM34"] = ("IM34", "", "Implementing Measures art. 34"),
        ["PD109.1a"] = ("PD109", "第一款", "Party Discipline Regulations art. 109 para. 1"),
        ["PD109.1b"] = ("PD109", "第一款", "Party Discipline Regulations art. 109 para. 1"),
        ["PD109.2a"] = ("PD109", "第二款", "Party Discipline Regulations art. 109 para. 2"),
        ["PD109.2b"] = ("PD109", "第二款", "Party Discipline Regulations art. 109 para. 2"),
        ["CL398a"] = ("CL398", "", "Criminal Law art. 398 para. 1"),
        ["CL398b"] = ("CL398", "", "Criminal Law art. 398 para. 1"),
    };

    /// <summary>
    /// The problems that make a case meaningless (each as a JSON path and what is wrong); empty when the
    /// case can be read. <see cref="For"/> refuses a case with problems.
    /// </summary>
    public static IReadOnlyList<(string Path, string Problem)> Check(SanctionCase c, RegulationDefinition regulation)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(regulation);
        var problems = new List<(string, string)>();
        if (c.Persons.Count == 0)
        {
            problems.Add(("$.persons", "lists nobody: give at least one person"));
        }

        var deficiencies = regulation.Deficiencies.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < c.LinkedDeficiencies.Count; i++)
        {
            if (!deficiencies.Contains(c.LinkedDeficiencies[i]))
            {
                problems.Add(($"$.linkedDeficiencies[{i}]", $"\"{c.LinkedDeficiencies[i]}\" is not a deficiency of art. 15; use one of {string.Join(", ", deficiencies.Order(StringComparer.Ordinal))}"));
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Persons.Count; i++)
        {
            var p = c.Persons[i];
            if (string.IsNullOrWhiteSpace(p.Id))
            {
                problems.Add(($"$.persons[{i}].id", "is empty: give each person an id"));
            }
            else if (!ids.Add(p.Id))
            {
                problems.Add(($"$.persons[{i}].id", $"\"{p.Id}\" is used by another person: give each person its own id"));
            }

            if (p.Involvement == Involvement.RelatedPersonLeak && p.RelatedPerson is null)
            {
                problems.Add(($"$.persons[{i}].relatedPerson", "is required with RelatedPersonLeak: Staff, Spouse or Child"));
            }
            else if (p.Involvement != Involvement.RelatedPersonLeak && p.RelatedPerson is not null)
            {
                problems.Add(($"$.persons[{i}].relatedPerson", "is only for the involvement RelatedPersonLeak: leave it out"));
            }

            if (!c.Leaked && p.Involvement is Involvement.PersonalLeak or Involvement.RelatedPersonLeak or Involvement.LeadershipFailure)
            {
                problems.Add(($"$.persons[{i}].involvement", $"{p.Involvement} needs a leak, but the case has \"leaked\": false"));
            }
        }

        return problems;
    }

    /// <summary>The guidance for every person of <paramref name="c"/>, with the texts of <paramref name="regulation"/>.</summary>
    /// <exception cref="ArgumentException">The case has problems (<see cref="Check"/>).</exception>
    public static CaseGuidance For(SanctionCase c, RegulationDefinition regulation)
    {
        var problems = Check(c, regulation);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems.Select(p => $"{p.Path}: {p.Problem}")), nameof(c));
        }

        var texts = new Texts(regulation);
        return new CaseGuidance(regulation.Code, regulation.Version, [.. c.Persons.Select(p => ForPerson(c, p, texts))]);
    }

    private static PersonGuidance ForPerson(SanctionCase c, SanctionPerson p, Texts texts)
    {
        var provisions = new List<Provision>();
        var adjustments = new List<AdjustmentGuidance>();
        var notes = new List<string>();
        CriminalReferral? referral = null;
        Confiscation? confiscation = null;
        var leader = p.Role != PersonRole.NotALeader;

        switch (p.Involvement)
        {
            case Involvement.PersonalLeak:
                if (leader)
                {
                    // art. 12: a leader who personally leaked is sanctioned under the Secrecy Law and its Implementing
                    // Measures, which set no range of their own: the whole scale, by classification and circumstances (IM29).
                    provisions.Add(texts.Provision("R12", WholeAdministrativeScale, [], asCircumstancesWarrant: true));
                }
                else
                {
                    // Secrecy Law art. 31 para. 2 and IM29 apply to anyone who leaks; art. 12 only to leading cadres.
                    provisions.Add(texts.ArticleProvision("IM29", WholeAdministrativeScale));
                    notes.Add("Not a leading cadre: the measure's arts. 11–16 do not apply; the Secrecy Law (art. 31) and its Implementing Measures (arts. 29–34) do, as does Party Discipline Regulations art. 109 para. 1 for a Party member.");
                }

                if (p.PartyMember)
                {
                    AddArticle109Paragraph1(c, provisions, notes, texts);
                }

                AddLeakAdjustments(c, adjustments, notes, texts);
                referral = Referral(c, texts);
                // IM34: illegal income from the leak is confiscated; a leak for private gain is where it arises.
                if (c.Aggravating.Contains(AggravatingFact.PrivateGain))
                {
                    var (citation, _) = texts.Cite("IM34");
                    var rule = texts.Rule("IM34");
                    confiscation = new Confiscation("IM34", citation, rule?.Administrative, rule?.AdministrativeEn);
                }

                break;

            case Involvement.ViolationMajorThreat:
                if (leader)
                {
                    // art. 13: no leak, but a major threat to the security of state secrets.
                    provisions.Add(texts.Provision("R13", [AdministrativeSanction.Warning, AdministrativeSanction.Demerit, AdministrativeSanction.MajorDemerit], [], asCircumstancesWarrant: false));
                }
                else
                {
                    notes.Add("Not a leading cadre: art. 13 applies to leading cadres only, and the appended provisions sanction a leak, not a threat; no provision of these texts applies.");
                }

                break;

            case Involvement.RelatedPersonLeak:
                if (leader)
                {
                    // art. 14: the leader's staff, spouse or children leaked in connection with the leader's duties (视情).
                    provisions.Add(texts.Provision("R14", [AdministrativeSanction.Warning, AdministrativeSanction.Demerit, AdministrativeSanction.MajorDemerit], [], asCircumstancesWarrant: true));
                    notes.Add($"Art. 14 applies only if the leak by the leader's {p.RelatedPerson!.Value.ToString().ToLowerInvariant()} was connected with the leader's duties (与该领导干部工作职责有关); the file must establish it.");
                }
                else
                {
                    notes.Add("Not a leading cadre: art. 14 sanctions a leading cadre for a leak by his or her staff, spouse or children; no provision of these texts applies.");
                }

                break;

            case Involvement.LeadershipFailure:
                if (leader)
                {
                    AddLeadershipFailure(c, p, provisions, notes, texts);
                }
                else
                {
                    notes.Add("Not a leading cadre: arts. 11 and 16 concern the duty to lead secrecy work; no provision of these texts applies.");
                }

                break;
        }

        return new PersonGuidance(
            p.Id,
            provisions,
            [.. provisions.SelectMany(x => x.Administrative).Distinct().Order()],
            [.. provisions.SelectMany(x => x.Party).Distinct().Order()],
            adjustments,
            referral,
            confiscation,
            notes);
    }

    private static void AddLeadershipFailure(SanctionCase c, SanctionPerson p, List<Provision> provisions, List<string> notes, Texts texts)
    {
        if (p.Role is PersonRole.PrincipalLeader or PersonRole.LeaderInChargeOfSecrecy)
        {
            // art. 11: the principal leaders and the leader in charge of secrecy bear leadership responsibility and are
            // dealt with (处理) as circumstances warrant; the article sets no range, so none is given here.
            provisions.Add(texts.Provision("R11", [], [], asCircumstancesWarrant: true));
            notes.Add("Art. 11 sets no range: the handling (处理) is as circumstances warrant and need not be a sanction; where art. 16 applies, its range is the one the texts give.");
            if (p.ProvedProperPerformance)
            {
                notes.Add("Proper performance is proved: art. 16 does not apply, and whether the duty was failed (不力) as art. 11 requires is for the official to weigh.");
            }
        }

        var linked = c.LinkedDeficiencies.Where(d => Article16Deficiencies.Contains(d, StringComparer.Ordinal)).ToList();
        if (linked.Count == 0)
        {
            notes.Add("Art. 16 does not apply: no deficiency among D15.1–D15.7 is linked to the leak.");
            return;
        }

        if (p.ProvedProperPerformance)
        {
            if (p.Role is not (PersonRole.PrincipalLeader or PersonRole.LeaderInChargeOfSecrecy))
            {
                notes.Add("Proper performance is proved: art. 16 does not apply.");
            }

            return;
        }

        // art. 16: a deficiency (一)–(七) of art. 15 led to a leak and the leader cannot prove proper performance:
        // warning or demerit; a major leak causing or risking major loss: demerit, major demerit or demotion.
        provisions.Add(c.Loss == Loss.Major
            ? texts.Provision("R16b", [AdministrativeSanction.Demerit, AdministrativeSanction.MajorDemerit, AdministrativeSanction.Demotion], [], asCircumstancesWarrant: false)
            : texts.Provision("R16a", [AdministrativeSanction.Warning, AdministrativeSanction.Demerit], [], asCircumstancesWarrant: false));
        if (!p.PartyMember)
        {
            return;
        }

        // art. 16 with PD109 para. 2: dereliction leading to a major leak, for those bearing the main leadership
        // responsibility: larger loss caused or risked, warning or serious warning; major loss, removal from Party posts.
        switch (c.Loss)
        {
            case Loss.Larger:
                provisions.Add(texts.Provision("PD109.2a", [], [PartySanction.Warning, PartySanction.SeriousWarning], asCircumstancesWarrant: false));
                notes.Add("PD109.2 applies to the one bearing the main leadership responsibility (负有主要领导责任者) for a major leak (重大泄密事故); the file must establish both.");
                break;
            case Loss.Major:
                provisions.Add(texts.Provision("PD109.2b", [], [PartySanction.RemovalFromPartyPosts], asCircumstancesWarrant: false));
                notes.Add("PD109.2 applies to the one bearing the main leadership responsibility (负有主要领导责任者) for a major leak (重大泄密事故); the file must establish both.");
                break;
            default:
                notes.Add("Art. 16 calls for a Party sanction under PD109 para. 2, which sets one only where a larger or major loss is caused or risked; with no such loss it gives no range.");
                break;
        }
    }

    private static void AddArticle109Paragraph1(SanctionCase c, List<Provision> provisions, List<string> notes, Texts texts)
    {
        // PD109 para. 1: less serious (情节较轻) → warning, serious warning or removal from Party posts; more serious
        // (情节较重) → removal from Party posts, probation or expulsion. Ordinary circumstances fall between the two
        // grades the text names: both are given and the official chooses.
        var lessSerious = texts.Provision("PD109.1a", [], [PartySanction.Warning, PartySanction.SeriousWarning, PartySanction.RemovalFromPartyPosts], asCircumstancesWarrant: false);
        var moreSerious = texts.Provision("PD109.1b", [], [PartySanction.RemovalFromPartyPosts, PartySanction.PartyProbation, PartySanction.Expulsion], asCircumstancesWarrant: false);
        switch (c.Severity)
        {
            case CircumstanceSeverity.EspeciallyMinor or CircumstanceSeverity.Minor:
                provisions.Add(lessSerious);
                break;
            case CircumstanceSeverity.Serious or CircumstanceSeverity.EspeciallySerious:
                provisions.Add(moreSerious);
                break;
            default:
                provisions.Add(lessSerious with { AlternativeTo = "PD109.1b" });
                provisions.Add(moreSerious with { AlternativeTo = "PD109.1a" });
                notes.Add("Ordinary circumstances: PD109 para. 1 grades only less serious (较轻) and more serious (较重); the official chooses PD109.1a or PD109.1b.");
                break;
        }
    }

    private static void AddLeakAdjustments(SanctionCase c, List<AdjustmentGuidance> adjustments, List<string> notes, Texts texts)
    {
        // IM30: a heavier administrative sanction for any of its four facts.
        var im30 = c.Aggravating.Where(f => f != AggravatingFact.CriminalSentenceOrExemption).Distinct().Order().ToList();
        if (im30.Count > 0)
        {
            adjustments.Add(texts.Adjustment(Adjustment.Heavier, "IM30", string.Join(", ", im30)));
        }

        // IM31: a heavier administrative sanction after a sentence, or an exemption from prosecution or punishment.
        if (c.Aggravating.Contains(AggravatingFact.CriminalSentenceOrExemption))
        {
            adjustments.Add(texts.Adjustment(Adjustment.Heavier, "IM31", nameof(AggravatingFact.CriminalSentenceOrExemption)));
        }

        // IM32: 秘密 with minor circumstances may be waived or lightened; 机密 with minor circumstances may be sanctioned
        // or waived; 绝密 with especially minor circumstances may be lightened. "Minor" includes especially minor.
        var minor = c.Severity <= CircumstanceSeverity.Minor;
        var reason = $"{c.Classification}, {c.Severity}";
        switch (c.Classification)
        {
            case Classification.Secret when minor:
                adjustments.Add(texts.Adjustment(Adjustment.MayWaive, "IM32", reason));
                adjustments.Add(texts.Adjustment(Adjustment.MayLighten, "IM32", reason));
                break;
            case Classification.HighlySecret when minor:
                adjustments.Add(texts.Adjustment(Adjustment.MayWaive, "IM32", reason));
                break;
            case Classification.TopSecret when c.Severity == CircumstanceSeverity.EspeciallyMinor:
                adjustments.Add(texts.Adjustment(Adjustment.MayLighten, "IM32", reason));
                break;
        }

        if (adjustments.Any(a => a.Adjustment == Adjustment.Heavier) && adjustments.Any(a => a.Adjustment != Adjustment.Heavier))
        {
            notes.Add("Both a heavier sanction (IM30/IM31) and leniency (IM32) apply: the texts do not rank them; the official weighs them.");
        }
    }

    private static CriminalReferral? Referral(SanctionCase c, Texts texts)
    {
        // CL398 para. 1 (art. 12, Secrecy Law art. 31 para. 1): serious → up to three years or criminal detention;
        // especially serious → three to seven years. Below serious, the leak does not reach the article.
        var code = c.Severity switch
        {
            CircumstanceSeverity.Serious => "CL398a",
            CircumstanceSeverity.EspeciallySerious => "CL398b",
            _ => null,
        };
        if (code is null)
        {
            return null;
        }

        var (citation, _) = texts.Cite(code);
        var rule = texts.Rule(code);
        return new CriminalReferral(code, citation, rule?.Administrative, rule?.AdministrativeEn,
            "Refer to the judicial organs if the person is state-organ staff (国家机关工作人员) and the leak was intentional or negligent; the court decides whether it is a crime.");
    }

    /// <summary>The catalogue's texts by code.</summary>
    private sealed class Texts(RegulationDefinition regulation)
    {
        private readonly Dictionary<string, SanctionRuleDefinition> rules = regulation.SanctionRules.ToDictionary(r => r.Code, StringComparer.Ordinal);
        private readonly Dictionary<string, ArticleDefinition> articles = regulation.Articles.ToDictionary(a => a.Code, StringComparer.Ordinal);

        public SanctionRuleDefinition? Rule(string code) => rules.GetValueOrDefault(code);

        public (Citation Citation, ArticleDefinition? Article) Cite(string code)
        {
            var (article, paragraph, citationEn) = Citations[code];
            var found = articles.GetValueOrDefault(article);
            // Without the article in the catalogue, the citation is by code and article.
            var text = found is null ? $"{code} ({citationEn})" : found.Source + found.Label + paragraph;
            return (new Citation(article, text, citationEn), found);
        }

        public Provision Provision(string code, AdministrativeSanction[] administrative, PartySanction[] party, bool asCircumstancesWarrant)
        {
            var (citation, _) = Cite(code);
            var rule = Rule(code);
            var partyProvision = administrative.Length == 0 && party.Length > 0;
            return new Provision(
                code,
                citation,
                rule?.Condition,
                rule?.ConditionEn,
                partyProvision ? rule?.Party : rule?.Administrative ?? rule?.Party,
                partyProvision ? rule?.PartyEn : rule?.AdministrativeEn ?? rule?.PartyEn,
                administrative,
                party,
                asCircumstancesWarrant,
                null);
        }

        /// <summary>A provision the catalogue has as an article only (IM29): its text is the article's.</summary>
        public Provision ArticleProvision(string code, AdministrativeSanction[] administrative)
        {
            var (citation, article) = Cite(code);
            return new Provision(code, citation, null, null, article?.Text, article?.SummaryEn, administrative, [], true, null);
        }

        public AdjustmentGuidance Adjustment(Adjustment adjustment, string code, string reason)
        {
            var (citation, _) = Cite(code);
            var rule = Rule(code);
            return new AdjustmentGuidance(adjustment, code, citation, rule?.Administrative, rule?.AdministrativeEn, reason);
        }
    }
}
