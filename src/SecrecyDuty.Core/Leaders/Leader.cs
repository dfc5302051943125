using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Leaders;

/// <summary>Ranks of art. 2, highest first in meaning; the enum order is lowest first for comparisons.</summary>
public enum LeaderRank
{
    /// <summary>乡科级 and other ranks below county/division.</summary>
    Below = 0,

    /// <summary>县处级.</summary>
    CountyDivision = 1,

    /// <summary>厅局级.</summary>
    DepartmentBureau = 2,

    /// <summary>省部级.</summary>
    ProvincialMinisterial = 3,
}

/// <summary>A leading cadre. Responsibilities attach to the leader's postings, not to the person alone.</summary>
public class Leader : IAudited, IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Staff number from the cadre records, unique.</summary>
    public string StaffNumber { get; set; } = "";

    public LeaderRank Rank { get; set; }

    public bool IsPartyMember { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The unit that keeps this leader's record (人事关系所在单位): the leader's jurisdiction.</summary>
    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public ICollection<Posting> Postings { get; set; } = [];

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}

/// <summary>Leadership roles of arts. 5–7.</summary>
public enum PostingRole
{
    /// <summary>主要领导 (art. 5): overall leadership responsibility. At most two per unit at any date.</summary>
    PrincipalLeader,

    /// <summary>分管保密工作的领导 (art. 6): direct leadership responsibility. At most one per unit at any date.</summary>
    SecrecyLeader,

    /// <summary>班子其他成员 (art. 7): responsibility for the secrecy side of the portfolio.</summary>
    OtherMember,
}

/// <summary>A leader holding a role in a unit for a period. Records refer to the posting that held at the time.</summary>
public class Posting : IAudited, IVersioned
{
    public int Id { get; set; }

    public int LeaderId { get; set; }

    public Leader? Leader { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public PostingRole Role { get; set; }

    /// <summary>
    /// The posting also carries the charge of secrecy work (分管保密工作) on top of its role: art. 6 does not require a
    /// second person, so a small unit's principal leader may lead its secrecy work and then holds the S6 duties too.
    /// Never set on a <see cref="PostingRole.SecrecyLeader"/> posting, which carries the charge by its role.
    /// </summary>
    public bool LeadsSecrecyWork { get; set; }

    /// <summary>The post's title, e.g. 党组书记、厅长.</summary>
    public string Title { get; set; } = "";

    /// <summary>分管业务: the business lines supervised (art. 7).</summary>
    public string? Portfolio { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Null while the posting holds.</summary>
    public DateOnly? To { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Optimistic concurrency (<see cref="IVersioned"/>): raised by each save.</summary>
    public int Version { get; set; } = Versions.First;

    public DateTime? SavedAtUtc { get; set; }

    public string? SavedBy { get; set; }

    int? IAudited.AuditUnitId => UnitId;
}
