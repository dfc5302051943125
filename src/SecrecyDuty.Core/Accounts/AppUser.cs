using Microsoft.AspNetCore.Identity;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Accounts;

/// <summary>A signed-in person. Every account belongs to one unit: the root of its jurisdiction.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>The leader this account belongs to, for a unit leader: his or her own postings, checklists and appraisals.</summary>
    public int? LeaderId { get; set; }

    public Leaders.Leader? Leader { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
