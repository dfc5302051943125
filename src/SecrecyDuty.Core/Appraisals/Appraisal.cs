using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Appraisals;

public enum AppraisalGrade
{
    Excellent,
    Competent,
    BasicallyCompetent,
    Incompetent,
}

/// <summary>Art. 9: the secrecy part of a leader's annual appraisal.</summary>
public class Appraisal : IAudited, IVersioned
{
    public int Id { get; set; }

    public int LeaderId { get; set; }

    public Leader? Leader { get; set; }

    /// <summary>The unit of the leader's record, for jurisdiction.</summary>
    public int UnitId { get; set; }

    public int Year { get; set; }

    /// <summary>The secrecy section of the leader's duty report (述职), written by the leader.</summary>
    public string? DutyReportSection { get; set; }

    /// <summary>The secrecy organization's opinion: without it the appraisal cannot be finalized (art. 9).</summary>
    public string? OrganizationOpinion { get; set; }

    public AppraisalGrade? Grade { get; set; }

    /// <summary>Art. 10: commendation or reward, if any.</summary>
    public string? Commendation { get; set; }

    public DateTime? FinalizedAtUtc { get; set; }

    public string? FinalizedBy { get; set; }

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}
