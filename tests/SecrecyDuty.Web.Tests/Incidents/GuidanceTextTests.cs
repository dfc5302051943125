using System.Globalization;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// The guidance's own words (its notes and the criminal referral's condition) are English in Core, where the
/// <c>guidance</c> command writes them; the incident pages show them in Chinese. Every one of them, over every case the
/// guidance distinguishes, has its translation.
/// </summary>
public sealed class GuidanceTextTests
{
    [Fact]
    public void Every_note_and_condition_of_the_guidance_has_a_Chinese_translation()
    {
        var regulation = RegulationLoader.NewestWithSanctionRules(CatalogueSeeder.DefaultDirectory).Regulation!;
        var tables = new JsonStringTables();
        var zh = new CultureInfo("zh-CN");
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Cases())
        {
            if (SanctionGuidance.Check(c, regulation).Count > 0)
            {
                continue;
            }

            foreach (var person in SanctionGuidance.For(c, regulation).Persons)
            {
                texts.UnionWith(person.Notes);
                if (person.CriminalReferral is { } referral)
                {
                    texts.Add(referral.Condition);
                }
            }
        }

        Assert.True(texts.Count >= 15, $"{texts.Count} texts");
        var untranslated = texts.Where(t => tables.Find(t, zh) is not { Length: > 0 }).ToList();
        Assert.True(untranslated.Count == 0, string.Join(Environment.NewLine, untranslated));
    }

    /// <summary>Every combination the rules distinguish: each person kind against each kind of file.</summary>
    private static IEnumerable<SanctionCase> Cases()
    {
        AggravatingFact[][] aggravations = [[], [AggravatingFact.DamageDone], [AggravatingFact.CriminalSentenceOrExemption]];
        string[][] deficiencies = [[], ["D15.3"]];
        return from classification in Enum.GetValues<Classification>()
               from severity in Enum.GetValues<CircumstanceSeverity>()
               from loss in Enum.GetValues<Loss>()
               from aggravating in aggravations
               from linked in deficiencies
               from role in Enum.GetValues<PersonRole>()
               from involvement in Enum.GetValues<Involvement>()
               from proved in new[] { false, true }
               from relation in involvement == Involvement.RelatedPersonLeak ? [RelatedPerson.Staff, RelatedPerson.Spouse, RelatedPerson.Child] : new RelatedPerson?[] { null }
               select new SanctionCase
               {
                   Leaked = true,
                   Classification = classification,
                   Severity = severity,
                   Loss = loss,
                   Aggravating = aggravating,
                   LinkedDeficiencies = linked,
                   Persons = [new SanctionPerson { Id = "p", Role = role, Involvement = involvement, RelatedPerson = relation, PartyMember = true, ProvedProperPerformance = proved }],
               };
    }
}
