using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// One version of a scored inspection checklist, loaded from a template file (docs/inspection-templates.md):
/// shipped in src/SecrecyDuty.Data/InspectionTemplates or loaded by a secrecy bureau. Versioned like the
/// regulation catalogue: score sheets keep referring to the version they were scored under.
/// </summary>
public class ScoreTemplate : IAudited
{
    public int Id { get; set; }

    /// <summary>Stable identifier of the template across versions.</summary>
    public string Code { get; set; } = "";

    public string Version { get; set; } = "";

    public string Title { get; set; } = "";

    public string TitleEn { get; set; } = "";

    /// <summary>The file it was loaded from, for the record.</summary>
    public string SourceFile { get; set; } = "";

    public DateTime LoadedAtUtc { get; set; }

    /// <summary>The account that loaded it; "(system)" for the shipped files.</summary>
    public string LoadedBy { get; set; } = "";

    /// <summary>The unit of the account that loaded it (the bureau); null for the shipped files.</summary>
    public int? LoadedByUnitId { get; set; }

    /// <summary>The version new score sheets are made under; one per <see cref="Code"/>.</summary>
    public bool IsCurrent { get; set; }

    public ICollection<ScoreTemplateGrade> Grades { get; set; } = [];

    public ICollection<ScoreTemplateCategory> Categories { get; set; } = [];

    /// <summary>Every item of every category: the items belong to the template too (codes are unique per template).</summary>
    public ICollection<ScoreTemplateItem> Items { get; set; } = [];

    int? IAudited.AuditUnitId => LoadedByUnitId;
}

/// <summary>A grade band: from <see cref="Minimum"/> percent up to the next band's minimum.</summary>
public class ScoreTemplateGrade
{
    public int Id { get; set; }

    public int ScoreTemplateId { get; set; }

    public decimal Minimum { get; set; }

    public string Code { get; set; } = "";

    public string Label { get; set; } = "";

    public string LabelEn { get; set; } = "";

    public int SortOrder { get; set; }
}

public class ScoreTemplateCategory
{
    public int Id { get; set; }

    public int ScoreTemplateId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int SortOrder { get; set; }

    public ICollection<ScoreTemplateItem> Items { get; set; } = [];
}

/// <summary>One scored item of a template (see <see cref="ScoreRules"/> for how it is scored).</summary>
public class ScoreTemplateItem
{
    public int Id { get; set; }

    /// <summary>Besides its category: item codes are unique per template, in the database too.</summary>
    public int ScoreTemplateId { get; set; }

    public int CategoryId { get; set; }

    public string Code { get; set; } = "";

    public string Text { get; set; } = "";

    public string TextEn { get; set; } = "";

    public decimal Points { get; set; }

    public decimal DeductionPerDefect { get; set; }

    /// <summary>0 when the template sets none.</summary>
    public decimal ExtraPerOccurrence { get; set; }

    public bool IsVeto { get; set; }

    /// <summary>The unit kinds the item applies to; empty: every kind.</summary>
    public List<UnitKind> UnitKinds { get; set; } = [];

    /// <summary>The duty item or rule area it checks (P5.1, S6.5, R3); null when it checks none in particular.</summary>
    public string? DutyCode { get; set; }

    /// <summary>The deficiency (D15.1–D15.8) a deduction on the item becomes as a finding.</summary>
    public string DeficiencyCode { get; set; } = "";

    public int SortOrder { get; set; }
}
