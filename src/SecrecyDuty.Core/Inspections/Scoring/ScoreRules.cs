using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// What the inspectors recorded on one item: the defects found, the occurrences that carry the item's extra
/// deduction, whether the item is marked not applicable to the unit, and a note. An item without an entry had no defect.
/// </summary>
public sealed record ScoreEntry(string ItemCode, int Defects, int Occurrences = 0, bool NotApplicable = false, string? Note = null);

public enum ScoreItemStatus
{
    /// <summary>Scored: its points count in the total.</summary>
    Applicable,

    /// <summary>The template restricts the item to other unit kinds.</summary>
    NotForUnitKind,

    /// <summary>The inspectors marked it not applicable to this unit (with a reason).</summary>
    MarkedNotApplicable,
}

/// <summary>
/// One item's line of the breakdown. <paramref name="Deduction"/> is the defects' deduction, capped at the item's
/// points; <paramref name="ExtraDeduction"/> the occurrences' deduction on top of it. Both are 0 for an item that
/// does not apply.
/// </summary>
public sealed record ScoreItemResult(
    ScoreItemDefinition Item,
    ScoreItemStatus Status,
    int Defects,
    int Occurrences,
    decimal Deduction,
    decimal ExtraDeduction,
    string? Note)
{
    public bool Applies => Status == ScoreItemStatus.Applicable;

    public decimal TotalDeduction => Deduction + ExtraDeduction;

    /// <summary>A veto item with a defect: the whole result fails.</summary>
    public bool FailsVeto => Applies && Item.IsVeto && Defects > 0;
}

/// <summary>
/// A scored sheet. <paramref name="Percentage"/> and <paramref name="Grade"/> are null when no item applies (there
/// is nothing to score); <paramref name="Deductions"/> is every deduction added up, which may exceed the points,
/// while <paramref name="PointsKept"/> stops at 0.
/// </summary>
public sealed record ScoreResult(
    decimal PointsApplicable,
    decimal Deductions,
    decimal PointsKept,
    decimal? Percentage,
    ScoreGradeDefinition? Grade,
    bool VetoFailed,
    IReadOnlyList<ScoreItemResult> Items)
{
    public bool IsGraded => Grade is not null;

    /// <summary>The percentage in tenths, as <see cref="ScoreSheet.PercentageTenths"/> keeps it.</summary>
    public int? PercentageTenths => Percentage is decimal p ? (int)(p * 10) : null;
}

/// <summary>
/// A finding the inspectors can file with one click from a deduction: the deficiency (D15.x, art. 15) and the duty the
/// item checks, a description made of the item's text and the inspectors' note, and the counts.
/// </summary>
public sealed record DraftFinding(
    string ItemCode,
    string DeficiencyCode,
    string? DutyCode,
    string Description,
    int DefectCount,
    int OccurrenceCount,
    decimal Deduction,
    bool IsVeto);

/// <summary>
/// The scoring of an inspection against a checklist template (issue 8), as pure functions. The reading, also in
/// docs/inspection-templates.md:
/// <list type="bullet">
/// <item>An item applies when the template lists the unit's kind among its unit kinds (or lists none) and the
/// inspectors did not mark it not applicable. Items that do not apply count neither in the points nor in the
/// deductions, whatever was recorded on them.</item>
/// <item>Per item, deduction = min(points, defects × deductionPerDefect): an item never loses more than its points
/// through its defects.</item>
/// <item>Occurrences deduct extraPerOccurrence each on top of that cap (the template's way of making a serious,
/// repeated shortcoming cost more than its item); the points kept never fall below 0.</item>
/// <item>Percentage = points kept ÷ points of the applicable items × 100, rounded half away from zero to one decimal
/// (四舍五入: 89.95 is 90.0), computed in decimal; the grade is read from the rounded value, so the grade and the
/// percentage shown always agree.</item>
/// <item>A veto item that applies and has a defect fails the whole result: the lowest grade band, whatever the
/// percentage (which is still shown).</item>
/// <item>No applicable item: no percentage and no grade.</item>
/// </list>
/// </summary>
public static class ScoreRules
{
    public static ScoreResult Compute(ScoreTemplateDefinition template, IReadOnlyList<ScoreEntry> entries, UnitKind unitKind)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Compute(template.Items, template.Grades, entries, unitKind);
    }

    /// <exception cref="ArgumentException">
    /// An entry names an item that is not among <paramref name="items"/>, names one twice, or has a negative count.
    /// </exception>
    public static ScoreResult Compute(
        IReadOnlyList<ScoreItemDefinition> items,
        IReadOnlyList<ScoreGradeDefinition> grades,
        IReadOnlyList<ScoreEntry> entries,
        UnitKind unitKind)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(entries);
        var byCode = EntriesByItem(items, entries);

        var lines = items.Select(item =>
        {
            var entry = byCode.GetValueOrDefault(item.Code);
            var status = !item.AppliesTo(unitKind) ? ScoreItemStatus.NotForUnitKind
                : entry?.NotApplicable == true ? ScoreItemStatus.MarkedNotApplicable
                : ScoreItemStatus.Applicable;
            var defects = entry?.Defects ?? 0;
            var occurrences = entry?.Occurrences ?? 0;
            return status == ScoreItemStatus.Applicable
                ? new ScoreItemResult(
                    item,
                    status,
                    defects,
                    occurrences,
                    Math.Min(item.Points, defects * item.DeductionPerDefect),
                    occurrences * item.ExtraPerOccurrence,
                    entry?.Note)
                : new ScoreItemResult(item, status, defects, occurrences, 0, 0, entry?.Note);
        }).ToList();

        var applicable = lines.Where(l => l.Applies).Sum(l => l.Item.Points);
        var deductions = lines.Sum(l => l.TotalDeduction);
        var kept = Math.Max(0, applicable - deductions);
        if (applicable == 0)
        {
            return new ScoreResult(0, deductions, 0, null, null, false, lines);
        }

        var percentage = decimal.Round(kept * 100 / applicable, 1, MidpointRounding.AwayFromZero);
        var vetoFailed = lines.Any(l => l.FailsVeto);
        return new ScoreResult(applicable, deductions, kept, percentage, GradeOf(grades, percentage, vetoFailed), vetoFailed, lines);
    }

    /// <summary>
    /// The grade band of <paramref name="percentage"/>: the band with the highest minimum not above it; the lowest
    /// band when a veto failed (or, for bands that do not reach down to 0, when none fits).
    /// </summary>
    public static ScoreGradeDefinition GradeOf(IReadOnlyList<ScoreGradeDefinition> grades, decimal percentage, bool vetoFailed)
    {
        ArgumentNullException.ThrowIfNull(grades);
        if (grades.Count == 0)
        {
            throw new ArgumentException("A template has at least one grade band.", nameof(grades));
        }

        var descending = grades.OrderByDescending(g => g.Minimum).ToList();
        return vetoFailed
            ? descending[^1]
            : descending.FirstOrDefault(g => g.Minimum <= percentage) ?? descending[^1];
    }

    /// <summary>A draft finding for every applicable item with a deduction, in template order.</summary>
    public static IReadOnlyList<DraftFinding> FindingsToDraft(ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Items
            .Where(l => l.Applies && l.TotalDeduction > 0)
            .Select(l => new DraftFinding(
                l.Item.Code,
                l.Item.DeficiencyCode,
                l.Item.DutyCode,
                DescriptionOf(l.Item.Text, l.Note),
                l.Defects,
                l.Occurrences,
                l.TotalDeduction,
                l.Item.IsVeto))];
    }

    /// <summary>The item's text, then the inspectors' note on a line of its own: what was checked, then what was found.</summary>
    public static string DescriptionOf(string itemText, string? note)
    {
        ArgumentNullException.ThrowIfNull(itemText);
        return string.IsNullOrWhiteSpace(note) ? itemText : itemText + "\n" + note.Trim();
    }

    private static Dictionary<string, ScoreEntry> EntriesByItem(IReadOnlyList<ScoreItemDefinition> items, IReadOnlyList<ScoreEntry> entries)
    {
        var codes = items.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var byCode = new Dictionary<string, ScoreEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!codes.Contains(entry.ItemCode))
            {
                throw new ArgumentException($"The entry for \"{entry.ItemCode}\" names no item of the template.", nameof(entries));
            }

            if (entry.Defects < 0 || entry.Occurrences < 0)
            {
                throw new ArgumentException($"The entry for \"{entry.ItemCode}\" has a negative count.", nameof(entries));
            }

            if (!byCode.TryAdd(entry.ItemCode, entry))
            {
                throw new ArgumentException($"The item \"{entry.ItemCode}\" has two entries.", nameof(entries));
            }
        }

        return byCode;
    }
}
