using System.Globalization;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Tests.Inspections.Scoring;

/// <summary>
/// Issue 8, scored checklists: score = points kept ÷ points of the applicable items, deductions per defect capped at
/// the item's points, extra per-occurrence deductions on top, veto items fail the whole result, grade bands.
/// </summary>
public sealed class ScoreRulesTests
{
    private const string Conforming = "Conforming";
    private const string Basically = "BasicallyConforming";
    private const string NonConforming = "NonConforming";

    private static readonly ScoreGradeDefinition[] Grades =
    [
        new(90, Conforming, "符合要求", "Conforming"),
        new(80, Basically, "基本符合要求", "Basically conforming"),
        new(0, NonConforming, "不符合要求", "Non-conforming"),
    ];

    /// <summary>100 points for a state-owned enterprise; 90 for any other kind, as D applies to enterprises only.</summary>
    private static readonly ScoreItemDefinition[] Items =
    [
        Item("A", points: 40, perDefect: 10, deficiency: "D15.1"),
        Item("B", points: 30, perDefect: 5, extra: 0.05m, deficiency: "D15.5"),
        Item("C", points: 5, perDefect: 5, veto: true, deficiency: "D15.8"),
        Item("D", points: 10, perDefect: 1, kinds: [UnitKind.StateOwnedEnterprise], deficiency: "D15.4"),
        Item("E", points: 15, perDefect: 15, deficiency: "D15.2"),
    ];

    private static ScoreItemDefinition Item(
        string code, decimal points, decimal perDefect, string deficiency, decimal extra = 0, bool veto = false, UnitKind[]? kinds = null) =>
        new(code, $"检查项{code}", $"Item {code}", points, perDefect, extra, veto, kinds ?? [], $"S6.{code[0] - 'A' + 1}", deficiency);

    /// <summary>"A=2" two defects; "B=6+10" six defects and ten occurrences; "C=NA" marked not applicable; ";" between entries.</summary>
    private static ScoreEntry[] Entries(string entries) =>
        [.. entries.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e =>
        {
            var (code, counts) = (e.Split('=')[0], e.Split('=')[1]);
            if (counts.StartsWith("NA", StringComparison.Ordinal))
            {
                return new ScoreEntry(code, counts.Length > 2 ? int.Parse(counts[3..], CultureInfo.InvariantCulture) : 0, NotApplicable: true);
            }

            var parts = counts.Split('+');
            return new ScoreEntry(code, int.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0);
        })];

    private static ScoreResult Score(string entries, UnitKind kind = UnitKind.StateOwnedEnterprise) =>
        ScoreRules.Compute(Items, Grades, Entries(entries), kind);

    [Theory]
    [InlineData("nothing found keeps every point", "", UnitKind.StateOwnedEnterprise, "100.0", Conforming, false)]
    [InlineData("each defect deducts the item's deduction: exactly 90 % is conforming", "A=1", UnitKind.StateOwnedEnterprise, "90.0", Conforming, false)]
    [InlineData("89.9 % is basically conforming", "A=1; B=0+2", UnitKind.StateOwnedEnterprise, "89.9", Basically, false)]
    [InlineData("89.95 % rounds half away from zero to 90.0, conforming", "A=1; B=0+1", UnitKind.StateOwnedEnterprise, "90.0", Conforming, false)]
    [InlineData("exactly 80 % is basically conforming", "A=2", UnitKind.StateOwnedEnterprise, "80.0", Basically, false)]
    [InlineData("79.9 % is non-conforming", "A=2; B=0+2", UnitKind.StateOwnedEnterprise, "79.9", NonConforming, false)]
    [InlineData("an item's defects deduct at most its points", "A=9", UnitKind.StateOwnedEnterprise, "60.0", NonConforming, false)]
    [InlineData("occurrences deduct on top of the item's cap", "B=9+20", UnitKind.StateOwnedEnterprise, "69.0", NonConforming, false)]
    [InlineData("the points kept never fall below 0", "A=4; B=6+2000; E=1", UnitKind.StateOwnedEnterprise, "0.0", NonConforming, false)]
    [InlineData("a veto item with a defect fails the result whatever the percentage", "C=1", UnitKind.StateOwnedEnterprise, "95.0", NonConforming, true)]
    [InlineData("a veto item without a defect fails nothing", "C=0+3", UnitKind.StateOwnedEnterprise, "100.0", Conforming, false)]
    [InlineData("a veto item marked not applicable fails nothing", "C=NA 1", UnitKind.StateOwnedEnterprise, "100.0", Conforming, false)]
    [InlineData("an item for other unit kinds counts neither points nor defects", "D=10", UnitKind.PartyOrgan, "100.0", Conforming, false)]
    [InlineData("the applicable points are the denominator: 80 of 90 is 88.9 %", "A=1", UnitKind.PartyOrgan, "88.9", Basically, false)]
    [InlineData("an item marked not applicable leaves the denominator: 35 of 50 is 70 %", "A=NA; E=1", UnitKind.PartyOrgan, "70.0", NonConforming, false)]
    [InlineData("no applicable item: no percentage and no grade", "A=NA; B=NA; C=NA; E=NA", UnitKind.PartyOrgan, null, null, false)]
    public void Scores(string rule, string entries, UnitKind kind, string? percentage, string? grade, bool vetoFailed)
    {
        var result = Score(entries, kind);

        Assert.True(
            (result.Percentage?.ToString("0.0", CultureInfo.InvariantCulture), result.Grade?.Code, result.VetoFailed) == (percentage, grade, vetoFailed),
            $"{rule}: got {result.Percentage} {result.Grade?.Code} veto={result.VetoFailed}");
    }

    [Fact]
    public void The_breakdown_shows_each_items_capped_deduction_and_its_extra_apart()
    {
        var result = Score("A=9; B=2+3; D=NA 4");

        var a = result.Items.Single(i => i.Item.Code == "A");
        var b = result.Items.Single(i => i.Item.Code == "B");
        var d = result.Items.Single(i => i.Item.Code == "D");
        Assert.Equal((40m, 0m, 9), (a.Deduction, a.ExtraDeduction, a.Defects));
        Assert.Equal((10m, 0.15m, 10.15m), (b.Deduction, b.ExtraDeduction, b.TotalDeduction));
        Assert.Equal((ScoreItemStatus.MarkedNotApplicable, 0m), (d.Status, d.TotalDeduction));
        Assert.Equal((90m, 50.15m, 39.85m), (result.PointsApplicable, result.Deductions, result.PointsKept));
        Assert.Equal(["A", "B", "C", "D", "E"], result.Items.Select(i => i.Item.Code));
    }

    [Fact]
    public void Deductions_beyond_the_points_are_reported_while_the_points_kept_stop_at_0()
    {
        var result = Score("A=4; B=6+2000; E=1");

        Assert.Equal((100m, 185m, 0m, 0), (result.PointsApplicable, result.Deductions, result.PointsKept, result.PercentageTenths));
    }

    [Fact]
    public void An_item_for_other_unit_kinds_is_marked_so_in_the_breakdown()
    {
        var d = Score("D=3", UnitKind.StateOrgan).Items.Single(i => i.Item.Code == "D");

        Assert.Equal((ScoreItemStatus.NotForUnitKind, 3, 0m), (d.Status, d.Defects, d.Deduction));
    }

    [Fact]
    public void The_percentage_in_tenths_is_what_the_score_sheet_keeps()
    {
        Assert.Equal(899, Score("A=1; B=0+2").PercentageTenths);
        Assert.Null(Score("A=NA; B=NA; C=NA; E=NA", UnitKind.PartyOrgan).PercentageTenths);
    }

    [Theory]
    [InlineData("Z=1", "names no item")]
    [InlineData("A=1; A=2", "two entries")]
    [InlineData("A=-1", "negative")]
    [InlineData("B=0+-1", "negative")]
    public void Entries_that_do_not_fit_the_template_are_a_programming_error(string entries, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Score(entries));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, Conforming)]
    [InlineData(90, Conforming)]
    [InlineData(89.9, Basically)]
    [InlineData(80, Basically)]
    [InlineData(79.9, NonConforming)]
    [InlineData(0, NonConforming)]
    public void The_grade_is_the_band_with_the_highest_minimum_not_above_the_percentage(double percentage, string grade)
    {
        // The bands in any order: the rule sorts them.
        Assert.Equal(grade, ScoreRules.GradeOf([.. Grades.OrderBy(g => g.Minimum)], (decimal)percentage, vetoFailed: false).Code);
    }

    [Fact]
    public void A_failed_veto_takes_the_lowest_band()
    {
        Assert.Equal(NonConforming, ScoreRules.GradeOf(Grades, 100, vetoFailed: true).Code);
    }

    [Fact]
    public void Each_item_with_a_deduction_becomes_a_draft_finding_with_its_deficiency()
    {
        var result = ScoreRules.Compute(
            Items,
            Grades,
            [
                new ScoreEntry("A", 2, Note: "  未传达学习2025年保密工作要点。 "),
                new ScoreEntry("B", 0, 3),
                new ScoreEntry("C", 1),
                new ScoreEntry("D", 4, NotApplicable: true),
                new ScoreEntry("E", 0, Note: "已核实，无问题。"),
            ],
            UnitKind.StateOwnedEnterprise);

        var findings = ScoreRules.FindingsToDraft(result);

        Assert.Equal(["A", "B", "C"], findings.Select(f => f.ItemCode));
        Assert.Equal(new DraftFinding("A", "D15.1", "S6.1", "检查项A\n未传达学习2025年保密工作要点。", 2, 0, 20m, false), findings[0]);
        Assert.Equal(new DraftFinding("B", "D15.5", "S6.2", "检查项B", 0, 3, 0.15m, false), findings[1]);
        Assert.Equal(("D15.8", true, 1), (findings[2].DeficiencyCode, findings[2].IsVeto, findings[2].DefectCount));
    }

    [Fact]
    public void A_sheet_without_deductions_drafts_no_finding()
    {
        Assert.Empty(ScoreRules.FindingsToDraft(Score("D=5", UnitKind.PartyOrgan)));
    }

    [Fact]
    public void A_template_definition_is_scored_through_its_categories()
    {
        var template = new ScoreTemplateDefinition(
            "t", "1.0", "模板", "Template", Grades, [new("K1", "一", "One", Items[..2]), new("K2", "二", "Two", Items[2..])]);

        Assert.Equal(Score("A=1").Percentage, ScoreRules.Compute(template, Entries("A=1"), UnitKind.StateOwnedEnterprise).Percentage);
        Assert.Equal(100m, template.TotalPoints);
    }
}
