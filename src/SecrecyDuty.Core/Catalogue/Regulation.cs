namespace SecrecyDuty.Core.Catalogue;

/// <summary>
/// One version of a regulation, loaded from its file (src/SecrecyDuty.Data/Regulations/*.json, docs/regulation-catalogue.md). Another
/// province's measure, or a revised one, is another file with another version; records keep the version
/// (through the catalogue rows they refer to) that they were made under.
/// </summary>
public class Regulation
{
    public int Id { get; set; }

    /// <summary>Stable identifier of the regulation across versions.</summary>
    public string Code { get; set; } = "";

    public string Version { get; set; } = "";

    public string Title { get; set; } = "";

    public string TitleEn { get; set; } = "";

    /// <summary>The file it was loaded from, for the record.</summary>
    public string SourceFile { get; set; } = "";

    public DateTime LoadedAtUtc { get; set; }

    /// <summary>The version new records are made under; one per <see cref="Code"/>.</summary>
    public bool IsCurrent { get; set; }

    public ICollection<RegulationArticle> Articles { get; set; } = [];
}

public enum ArticlePart
{
    /// <summary>第一条–第十九条 of the measure itself.</summary>
    Body,

    /// <summary>The appended provisions of other laws (Secrecy Law, its Implementing Measures, Party rules, Criminal Law).</summary>
    Appendix,
}

public class RegulationArticle
{
    public int Id { get; set; }

    public int RegulationId { get; set; }

    /// <summary>"A1"…"A19" for the measure's articles; "SL31", "IM29"…"IM35", "PD109", "CL398" for the appendix.</summary>
    public string Code { get; set; } = "";

    public ArticlePart Part { get; set; }

    /// <summary>The law the article belongs to, e.g. 《保密法实施办法》; empty for the measure itself.</summary>
    public string Source { get; set; } = "";

    /// <summary>The article's own label, e.g. 第五条.</summary>
    public string Label { get; set; } = "";

    /// <summary>The original Chinese text.</summary>
    public string Text { get; set; } = "";

    public string SummaryEn { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>Who a duty item binds (arts. 4–7).</summary>
public enum DutyHolder
{
    /// <summary>Art. 4 code of conduct C4.1–C4.10: every leader.</summary>
    EveryLeader,

    /// <summary>Art. 5 P5.x.</summary>
    PrincipalLeader,

    /// <summary>Art. 6 S6.x.</summary>
    SecrecyLeader,

    /// <summary>Art. 7 M7.x.</summary>
    OtherMember,
}

/// <summary>A checklist item: C4.x, P5.x, S6.x or M7.x.</summary>
public class DutyItem
{
    public int Id { get; set; }

    public int RegulationId { get; set; }

    public string Code { get; set; } = "";

    public int ArticleId { get; set; }

    public RegulationArticle? Article { get; set; }

    public DutyHolder AppliesTo { get; set; }

    public string Text { get; set; } = "";

    public string SummaryEn { get; set; } = "";

    /// <summary>The least a year that satisfies the item (P5.3: 1; S6.5: 2); null when it has no frequency.</summary>
    public int? MinimumPerYear { get; set; }

    /// <summary>
    /// What the province's practice expects a year on top of the regulation's minimum (P5.3: 2, one each half-year);
    /// null when the practice asks no more than the regulation.
    /// </summary>
    public int? ExpectedPerYear { get; set; }

    /// <summary>
    /// Into how many equal periods the practice spreads <see cref="ExpectedPerYear"/> (P5.3: 2 half-years, each due at
    /// its end; 4 would be quarterly); null or 1 when the practice is a count due by the year's end.
    /// </summary>
    public int? ExpectedPeriodsPerYear { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>One of the nine rule areas of S6.6 (R1–R9).</summary>
public class RuleArea
{
    public int Id { get; set; }

    public int RegulationId { get; set; }

    public string Code { get; set; } = "";

    public int ArticleId { get; set; }

    public RegulationArticle? Article { get; set; }

    public string Name { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>A deficiency of art. 15 (D15.1–D15.8).</summary>
public class DeficiencyCategory
{
    public int Id { get; set; }

    public int RegulationId { get; set; }

    public string Code { get; set; } = "";

    public int ArticleId { get; set; }

    public RegulationArticle? Article { get; set; }

    public string Text { get; set; } = "";

    public string SummaryEn { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>A sanction or consequence rule (R11–R16b, IM30–IM34, PD109.x, CL398.x) with its ranges as text.</summary>
public class SanctionRule
{
    public int Id { get; set; }

    public int RegulationId { get; set; }

    public string Code { get; set; } = "";

    public int ArticleId { get; set; }

    public RegulationArticle? Article { get; set; }

    public string Condition { get; set; } = "";

    public string ConditionEn { get; set; } = "";

    public string? Administrative { get; set; }

    public string? AdministrativeEn { get; set; }

    public string? Party { get; set; }

    public string? PartyEn { get; set; }

    public int SortOrder { get; set; }
}
