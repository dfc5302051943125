using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>The lengths and counts the database allows (ScoreTemplateConfiguration), for the validators to enforce beside the fields.</summary>
public static class ScoreSheetLimits
{
    public const int NotApplicableReason = 500;
    public const int Note = 2000;
    public const int ReviewOpinion = 4000;
    public const int GradeCode = ScoreTemplateLoader.GradeCodeMaxLength;

    /// <summary>The most defects or occurrences one entry records; more is a typing slip, not an inspection.</summary>
    public const int MaxCount = 9999;
}

/// <summary>
/// The score of one unit in one inspection (or self-inspection) against one template version. The result fields
/// are kept, computed by <see cref="ScoreRules.Compute(ScoreTemplateDefinition, IReadOnlyList{ScoreEntry}, Units.UnitKind)"/>,
/// so that lists show and sort them without scoring every sheet again.
/// </summary>
public class ScoreSheet : IAudited, IVersioned
{
    public int Id { get; set; }

    /// <summary>The inspection scored (its foreign key is configured with the inspection).</summary>
    public int InspectionId { get; set; }

    /// <summary>The unit scored, for jurisdiction.</summary>
    public int UnitId { get; set; }

    public int ScoreTemplateId { get; set; }

    /// <summary>The points of the items that apply to the unit.</summary>
    public decimal PointsApplicable { get; set; }

    public decimal PointsKept { get; set; }

    /// <summary>
    /// The percentage in tenths (899 is 89.9 %); null when no item applies. Tenths, not a decimal, because SQLite
    /// cannot compare or order decimals in SQL and lists sort by the score.
    /// </summary>
    public int? PercentageTenths { get; set; }

    /// <summary>The grade band's code; null when no item applies.</summary>
    public string? GradeCode { get; set; }

    /// <summary>A veto item has a defect: the whole result fails whatever the percentage.</summary>
    public bool VetoFailed { get; set; }

    public DateTime? ScoredAtUtc { get; set; }

    /// <summary>A self-assessment (自查自评) submitted to the superior secrecy office; null while the unit works on it.</summary>
    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>The superior secrecy office's review of a submitted self-assessment.</summary>
    public DateTime? ReviewedAtUtc { get; set; }

    public string? ReviewedBy { get; set; }

    public string? ReviewOpinion { get; set; }

    public ICollection<ScoreSheetEntry> Entries { get; set; } = [];

    /// <summary>The evidence a unit submits its self-assessment with.</summary>
    public ICollection<Activities.EvidenceFile> Evidence { get; set; } = [];

    public decimal? Percentage => PercentageTenths / 10m;

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>What the inspectors found on one item. An item without an entry had no defect.</summary>
public class ScoreSheetEntry : IAudited
{
    public int Id { get; set; }

    public int ScoreSheetId { get; set; }

    public int ScoreTemplateItemId { get; set; }

    public ScoreTemplateItem? Item { get; set; }

    public int DefectCount { get; set; }

    /// <summary>The finding this entry's deductions were turned into, so that it is drafted once.</summary>
    public int? FindingId { get; set; }

    public Finding? Finding { get; set; }

    /// <summary>Occurrences that carry the item's extra deduction.</summary>
    public int OccurrenceCount { get; set; }

    /// <summary>Marked not applicable to this unit: a reason is required.</summary>
    public bool NotApplicable { get; set; }

    public string? NotApplicableReason { get; set; }

    public string? Note { get; set; }

    int? IAudited.AuditUnitId => null;
}
