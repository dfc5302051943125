using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Tests.Inspections.Scoring;

/// <summary>
/// The template shipped with the app (src/SecrecyDuty.Data/InspectionTemplates) is built from the leaders' part of the
/// duty catalogue (arts. 5–7: P5.x, S6.x, M7.x and the rule areas R1–R9) and checked against the shipped regulation.
/// </summary>
public sealed class ShippedScoreTemplateTests
{
    private static readonly Lazy<RegulationDefinition> Regulation = new(() =>
    {
        var result = RegulationLoader.Load(Path.Combine(RepositoryRoot(), "src", "SecrecyDuty.Data", "Regulations", "sd-leader-secrecy-responsibility-1.0.json"));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Regulation!;
    });

    private static readonly Lazy<ScoreTemplateLoadResult> Shipped = new(() => ScoreTemplateLoader.Load(
        Path.Combine(RepositoryRoot(), "src", "SecrecyDuty.Data", "InspectionTemplates", "sd-leader-duty-inspection-1.0.json"),
        ScoreTemplateReferences.From(Regulation.Value)));

    private static ScoreTemplateDefinition Template
    {
        get
        {
            Assert.True(Shipped.Value.Succeeded, string.Join(Environment.NewLine, Shipped.Value.Problems));
            return Shipped.Value.Template!;
        }
    }

    [Fact]
    public void It_loads_clean_against_the_shipped_regulation()
    {
        Assert.Equal(("sd-leader-duty-inspection", "1.0"), (Template.Code, Template.Version));
    }

    [Fact]
    public void Its_points_sum_to_100()
    {
        Assert.Equal(100m, Template.TotalPoints);
    }

    [Fact]
    public void It_checks_every_duty_of_arts_5_to_7_and_every_rule_area()
    {
        var leadersDuties = Regulation.Value.DutyItems
            .Where(d => d.Holder != DutyHolder.EveryLeader)
            .Select(d => d.Code)
            .Concat(Regulation.Value.RuleAreas.Select(r => r.Code));

        Assert.Equal(leadersDuties.Order(StringComparer.Ordinal), Template.Items.Select(i => i.DutyCode!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_item_turns_into_a_deficiency_of_art_15()
    {
        var deficiencies = Regulation.Value.Deficiencies.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

        Assert.All(Template.Items, i => Assert.Contains(i.DeficiencyCode, deficiencies));
    }

    [Fact]
    public void No_secrecy_organization_and_a_leak_not_reported_are_the_veto_items()
    {
        var veto = Template.Items.Where(i => i.IsVeto).Select(i => (i.DutyCode, i.DeficiencyCode));

        Assert.Equal([("P5.2", "D15.3"), ("S6.10", "D15.8")], veto);
    }

    [Fact]
    public void Its_grades_are_90_conforming_80_basically_conforming_and_below_that_non_conforming()
    {
        Assert.Equal(
            [(90m, "Conforming", "符合要求"), (80m, "BasicallyConforming", "基本符合要求"), (0m, "NonConforming", "不符合要求")],
            Template.Grades.Select(g => (g.Minimum, g.Code, g.Label)));
    }

    [Fact]
    public void Every_item_applies_to_every_unit_kind_as_art_2_binds_them_all()
    {
        Assert.All(Template.Items, i => Assert.Empty(i.UnitKinds));
    }

    [Fact]
    public void A_unit_without_a_secrecy_organization_fails_whatever_else_it_does()
    {
        var noOrganization = Template.Items.Single(i => i.IsVeto && i.DeficiencyCode == "D15.3");

        var result = ScoreRules.Compute(Template, [new ScoreEntry(noOrganization.Code, 1)], UnitKind.StateOrgan);

        Assert.Equal((true, "NonConforming"), (result.VetoFailed, result.Grade!.Code));
        Assert.Equal(100m - noOrganization.Points, result.Percentage);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecrecyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SecrecyDuty.sln not found above the test binaries.");
    }
}
