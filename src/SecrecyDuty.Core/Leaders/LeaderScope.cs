using System.Linq.Expressions;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Leaders;

/// <summary>Why a leader or a posting is, or is not, subject to the measure (art. 2).</summary>
public enum ScopeReason
{
    /// <summary>Below county/division rank and on no leadership team of an other secret-handling unit.</summary>
    NotInScope,

    /// <summary>Holds a county/division-level post or above.</summary>
    Rank,

    /// <summary>Sits on the leadership team (a current posting) of an other unit that handles state secrets.</summary>
    OtherSecretHandlingUnitTeam,

    /// <summary>
    /// Heads a state-owned enterprise that is not large or medium: art. 2 names only 国有大、中型企业, whatever the
    /// equivalent rank.
    /// </summary>
    EnterpriseNotLargeOrMedium,
}

/// <summary>
/// Art. 2: the measure applies to leaders at county/division level or above of Party and state organs, social
/// organizations and public institutions; to the heads of large and medium state-owned enterprises of equivalent
/// rank; and to the leadership-team members of any other unit that handles state secrets, whatever their rank.
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

    /// <summary>
    /// Art. 2 for one posting: whether the leader holding it in a unit of <paramref name="kind"/> is subject to the
    /// measure through it (and so keeps a duty checklist for it).
    /// </summary>
    public static ScopeReason ReasonForPosting(LeaderRank rank, UnitKind kind, bool isLargeOrMediumEnterprise) =>
        kind == UnitKind.OtherSecretHandlingUnit ? (rank >= LowestRankInScope ? ScopeReason.Rank : ScopeReason.OtherSecretHandlingUnitTeam)
        : kind == UnitKind.StateOwnedEnterprise && !isLargeOrMediumEnterprise ? ScopeReason.EnterpriseNotLargeOrMedium
        : rank >= LowestRankInScope ? ScopeReason.Rank
        : ScopeReason.NotInScope;

    public static bool IsPostingInScope(LeaderRank rank, UnitKind kind, bool isLargeOrMediumEnterprise) =>
        Includes(ReasonForPosting(rank, kind, isLargeOrMediumEnterprise));

    /// <summary>Whether <paramref name="reason"/> puts the leader or the posting in scope.</summary>
    public static bool Includes(ScopeReason reason) => reason is ScopeReason.Rank or ScopeReason.OtherSecretHandlingUnitTeam;

    /// <summary>
    /// Art. 2 for a leader as a whole on a date, from the postings holding on it: in scope through any one of them, so
    /// the kind and size of their units count (a county-level head of a small state-owned enterprise is not in scope).
    /// A leader holding no posting is judged by the rank alone, as before any posting is recorded.
    /// </summary>
    public static ScopeReason ReasonForLeader(LeaderRank rank, bool holdsPosting, bool holdsPostingInScope, bool holdsPostingInSmallEnterprise) =>
        !holdsPosting ? ReasonFor(rank, holdsPostingInOtherSecretHandlingUnit: false)
        : holdsPostingInScope ? (rank >= LowestRankInScope ? ScopeReason.Rank : ScopeReason.OtherSecretHandlingUnitTeam)
        : holdsPostingInSmallEnterprise ? ScopeReason.EnterpriseNotLargeOrMedium
        : ScopeReason.NotInScope;

    /// <summary>
    /// <see cref="IsPostingInScope"/> as a query predicate, for SQL. Ranks and kinds are stored as strings, so the
    /// comparison names the ranks below county/division instead of comparing order.
    /// </summary>
    public static Expression<Func<Posting, bool>> PostingInScope { get; } = p =>
        p.Unit!.Kind == UnitKind.OtherSecretHandlingUnit
        || (p.Leader!.Rank != LeaderRank.Below
            && (p.Unit.Kind != UnitKind.StateOwnedEnterprise || p.Unit.IsLargeOrMediumEnterprise));

    /// <summary>The negation of <see cref="PostingInScope"/>, for SQL.</summary>
    public static Expression<Func<Posting, bool>> PostingOutOfScope { get; } =
        Expression.Lambda<Func<Posting, bool>>(Expression.Not(PostingInScope.Body), PostingInScope.Parameters);

    /// <summary>A posting in a state-owned enterprise that is not large or medium (<see cref="ScopeReason.EnterpriseNotLargeOrMedium"/>), for SQL.</summary>
    public static Expression<Func<Posting, bool>> PostingInSmallEnterprise { get; } = p =>
        p.Unit!.Kind == UnitKind.StateOwnedEnterprise && !p.Unit.IsLargeOrMediumEnterprise;
}
