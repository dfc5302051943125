using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>One loaded version of a checklist template.</summary>
public sealed record ScoreTemplateEdition(int Id, string Code, string Version, string Title, string TitleEn, bool IsCurrent);

/// <summary>
/// What the start-up seeder (shipped files) and <see cref="ScoreTemplateService"/> (a bureau's upload) share: the
/// catalogue codes a template may refer to, and adding a checked template as a new version.
/// </summary>
public static class ScoreTemplateStore
{
    /// <summary>
    /// The duty items, rule areas and deficiencies of every loaded regulation version, not only the current one: a
    /// template made under an older version keeps loading after a revision drops one of its codes.
    /// </summary>
    public static async Task<ScoreTemplateReferences> ReferencesAsync(ISecrecyDutyDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var duties = await db.DutyItems.Select(d => d.Code)
            .Concat(db.RuleAreas.Select(r => r.Code))
            .Distinct()
            .ToListAsync(cancellationToken);
        var deficiencies = await db.DeficiencyCategories.Select(d => d.Code).Distinct().ToListAsync(cancellationToken);
        return ScoreTemplateReferences.From(duties, deficiencies);
    }

    /// <summary>
    /// Adds <paramref name="definition"/> as a new version (tracked, saved by the caller). When it is newer than every
    /// stored version of its code it becomes the current one, and those stop being current in the same save.
    /// </summary>
    public static async Task<ScoreTemplate> AddAsync(
        ISecrecyDutyDb db,
        ScoreTemplateDefinition definition,
        string sourceFile,
        DateTime loadedAtUtc,
        string loadedBy,
        int? loadedByUnitId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var others = await db.ScoreTemplates.Where(t => t.Code == definition.Code).ToListAsync(cancellationToken);
        var isCurrent = others.All(t => RegulationVersion.Comparer.Compare(t.Version, definition.Version) < 0);
        if (isCurrent)
        {
            foreach (var other in others)
            {
                other.IsCurrent = false;
            }
        }

        var template = new ScoreTemplate
        {
            Code = definition.Code,
            Version = definition.Version,
            Title = definition.Title,
            TitleEn = definition.TitleEn,
            SourceFile = sourceFile,
            LoadedAtUtc = loadedAtUtc,
            LoadedBy = loadedBy,
            LoadedByUnitId = loadedByUnitId,
            IsCurrent = isCurrent,
            Grades = [.. definition.Grades.Select((g, i) => new ScoreTemplateGrade
            {
                Minimum = g.Minimum,
                Code = g.Code,
                Label = g.Label,
                LabelEn = g.LabelEn,
                SortOrder = i + 1,
            })],
        };

        var order = 0;
        foreach (var (c, i) in definition.Categories.Select((c, i) => (c, i)))
        {
            var category = new ScoreTemplateCategory { Code = c.Code, Name = c.Name, NameEn = c.NameEn, SortOrder = i + 1 };
            foreach (var d in c.Items)
            {
                // In both collections, so that EF Core sets both keys of the item in the one save.
                var item = new ScoreTemplateItem
                {
                    Code = d.Code,
                    Text = d.Text,
                    TextEn = d.TextEn,
                    Points = d.Points,
                    DeductionPerDefect = d.DeductionPerDefect,
                    ExtraPerOccurrence = d.ExtraPerOccurrence,
                    IsVeto = d.IsVeto,
                    UnitKinds = [.. d.UnitKinds],
                    DutyCode = d.DutyCode,
                    DeficiencyCode = d.DeficiencyCode,
                    SortOrder = ++order,
                };
                category.Items.Add(item);
                template.Items.Add(item);
            }

            template.Categories.Add(category);
        }

        db.ScoreTemplates.Add(template);
        return template;
    }

    /// <summary>The stored template <paramref name="id"/> as the definition it was loaded from, with its items' ids; null when there is none.</summary>
    public static async Task<(ScoreTemplateDefinition Definition, IReadOnlyDictionary<string, int> ItemIds)?> DefinitionAsync(
        ISecrecyDutyDb db,
        int id,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var template = await db.ScoreTemplates.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new { t.Code, t.Version, t.Title, t.TitleEn })
            .SingleOrDefaultAsync(cancellationToken);
        if (template is null)
        {
            return null;
        }

        var grades = await db.ScoreTemplateGrades.AsNoTracking()
            .Where(g => g.ScoreTemplateId == id)
            .OrderBy(g => g.SortOrder)
            .Select(g => new ScoreGradeDefinition(g.Minimum, g.Code, g.Label, g.LabelEn))
            .ToListAsync(cancellationToken);
        var categories = await db.ScoreTemplateCategories.AsNoTracking()
            .Where(c => c.ScoreTemplateId == id)
            .OrderBy(c => c.SortOrder)
            .Select(c => new { c.Id, c.Code, c.Name, c.NameEn })
            .ToListAsync(cancellationToken);
        var items = await db.ScoreTemplateItems.AsNoTracking()
            .Where(i => i.ScoreTemplateId == id)
            .OrderBy(i => i.SortOrder)
            .Select(i => new
            {
                i.Id,
                i.CategoryId,
                Definition = new ScoreItemDefinition(
                    i.Code,
                    i.Text,
                    i.TextEn,
                    i.Points,
                    i.DeductionPerDefect,
                    i.ExtraPerOccurrence,
                    i.IsVeto,
                    i.UnitKinds,
                    i.DutyCode,
                    i.DeficiencyCode),
            })
            .ToListAsync(cancellationToken);

        var definition = new ScoreTemplateDefinition(
            template.Code,
            template.Version,
            template.Title,
            template.TitleEn,
            grades,
            [.. categories.Select(c => new ScoreCategoryDefinition(
                c.Code,
                c.Name,
                c.NameEn,
                [.. items.Where(i => i.CategoryId == c.Id).Select(i => i.Definition)]))]);
        return (definition, items.ToDictionary(i => i.Definition.Code, i => i.Id, StringComparer.Ordinal));
    }
}
