namespace SecrecyDuty.Core.Leaders;

/// <summary>Why a leader is, or is not, subject to the measure (art. 2).</summary>
public enum ScopeReason
{
    /// <summary>Below county/division rank and on no leadership team of an other secret-handling unit.</summary>
    NotInScope,

    /// <summary>Holds a county/division-level post or above.</summary>
    Rank,

    /// <summary>Sits on the leadership team (a current posting) of an other unit that handles state secrets.</summary>
    OtherSecretHandlingUnitTeam,
}

/// <summary>
/// Art. 2: the measure applies to leaders at county/division level or above, and to the leadership-team
/// members of any other unit that handles state secrets, whatever their rank.
/// </summary>
public static class LeaderScope
{
    /// <summary>The lowest rank that is in scope by itself.</summary>
    public const LeaderRank LowestRankInScope = LeaderRank.CountyDivision;

    public static ScopeReason ReasonFor(LeaderRank rank, bool holdsPostingInOtherSecretHandlingUnit) =>
        rank >= LowestRankInScope ? ScopeReason.Rank
        : holdsPostingInOtherSecretHandlingUnit ? ScopeReason.OtherSecretHandlingUnitTeam
        : ScopeReason.NotInScope;

    public static bool IsInScope(LeaderRank rank, bool holdsPostingInOtherSecretHandlingUnit) =>
        ReasonFor(rank, holdsPostingInOtherSecretHandlingUnit) != ScopeReason.NotInScope;
}
