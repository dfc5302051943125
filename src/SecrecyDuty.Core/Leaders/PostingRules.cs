namespace SecrecyDuty.Core.Leaders;

/// <summary>
/// A posting's period and role, as the rules see it. <paramref name="LeadsSecrecyWork"/>: a principal leader's or other
/// member's posting that also carries the charge of secrecy work (art. 6).
/// </summary>
public sealed record PostingPeriod(int Id, int LeaderId, int UnitId, PostingRole Role, DateOnly From, DateOnly? To, bool LeadsSecrecyWork = false)
{
    /// <summary>The posting leads the unit's secrecy work (art. 6): by its role, or on top of it.</summary>
    public bool ChargesSecrecyWork => Role == PostingRole.SecrecyLeader || LeadsSecrecyWork;

    public bool Overlaps(DateOnly from, DateOnly? to) =>
        From <= (to ?? DateOnly.MaxValue) && from <= (To ?? DateOnly.MaxValue);

    public bool HoldsOn(DateOnly date) => From <= date && (To is null || date <= To);
}

public enum PostingProblem
{
    /// <summary>The period ends before it starts.</summary>
    EndsBeforeStart,

    /// <summary>
    /// The leader already holds a posting in this unit in the same role during the period. Two postings of one leader in
    /// one unit at once are allowed when their roles differ.
    /// </summary>
    OverlapsSameLeaderAndUnit,

    /// <summary>A unit has at most two principal leaders at any date (art. 5: the Party secretary and the administrative head).</summary>
    TooManyPrincipalLeaders,

    /// <summary>
    /// A unit has at most one leader in charge of secrecy work at any date (art. 6): a leader-in-charge posting, or a
    /// principal leader's or other member's posting that also carries the charge, counted together.
    /// </summary>
    TooManySecrecyLeaders,
}

/// <summary>
/// Where a candidate's role is already full in its unit: from <see cref="From"/> to <see cref="To"/> (null: open-ended)
/// the <see cref="Holders"/> fill every place the role has, so the candidate cannot take one.
/// </summary>
public sealed record RoleClash(DateOnly From, DateOnly? To, IReadOnlyList<PostingPeriod> Holders);

/// <summary>The rules a new or changed posting must keep, as a pure function over the unit's other postings.</summary>
public static class PostingRules
{
    /// <summary>Art. 5: the Party secretary and the administrative head.</summary>
    public const int MaxPrincipalLeaders = 2;

    /// <summary>Art. 6: one leader in charge of secrecy work, counting every posting that carries the charge (<see cref="PostingPeriod.ChargesSecrecyWork"/>).</summary>
    public const int MaxSecrecyLeaders = 1;

    /// <summary>
    /// Checks <paramref name="candidate"/> against <paramref name="others"/>: the other postings of the same
    /// unit and of the same leader (the candidate itself, when it is being edited, excluded by id).
    /// </summary>
    public static IReadOnlyList<PostingProblem> Check(PostingPeriod candidate, IEnumerable<PostingPeriod> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        var problems = new List<PostingProblem>();
        if (EndsBeforeStart(candidate))
        {
            problems.Add(PostingProblem.EndsBeforeStart);
            return problems;
        }

        var list = others as IReadOnlyCollection<PostingPeriod> ?? [.. others];
        if (OverlappingPostingOfSameLeader(candidate, list) is not null)
        {
            problems.Add(PostingProblem.OverlapsSameLeaderAndUnit);
        }

        if (candidate.Role == PostingRole.PrincipalLeader && FirstRoleClash(candidate, list) is not null)
        {
            problems.Add(PostingProblem.TooManyPrincipalLeaders);
        }

        if (FirstSecrecyChargeClash(candidate, list) is not null)
        {
            problems.Add(PostingProblem.TooManySecrecyLeaders);
        }

        return problems;
    }

    public static bool EndsBeforeStart(PostingPeriod candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.To is { } to && to < candidate.From;
    }

    /// <summary>
    /// The earliest posting of the same leader in the same unit and the same role whose period overlaps the candidate's,
    /// if any. One person may hold two roles in a unit at once (art. 6 does not require a second person), never one
    /// role twice.
    /// </summary>
    public static PostingPeriod? OverlappingPostingOfSameLeader(PostingPeriod candidate, IEnumerable<PostingPeriod> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        return Overlapping(candidate, others)
            .Where(o => o.LeaderId == candidate.LeaderId && o.Role == candidate.Role)
            .OrderBy(o => o.From)
            .FirstOrDefault();
    }

    /// <summary>
    /// The first stretch of the candidate's period in which others already fill every place of its role (arts. 5 and
    /// 6), or null when the role has room throughout (or no limit). For a leader-in-charge posting this is
    /// <see cref="FirstSecrecyChargeClash"/>.
    /// </summary>
    public static RoleClash? FirstRoleClash(PostingPeriod candidate, IEnumerable<PostingPeriod> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        return candidate.Role switch
        {
            PostingRole.PrincipalLeader => FirstClash(candidate, others, MaxPrincipalLeaders, o => o.Role == PostingRole.PrincipalLeader && o.LeaderId != candidate.LeaderId),
            PostingRole.SecrecyLeader => FirstSecrecyChargeClash(candidate, others),
            _ => null,
        };
    }

    /// <summary>
    /// Art. 6: the first stretch of the candidate's period in which another posting already leads the unit's secrecy
    /// work (a leader-in-charge posting or a flagged one, whoever holds it), or null when the candidate does not carry
    /// the charge or nobody else does. The leader's own posting in the same role is the overlap's concern, not this one's.
    /// </summary>
    public static RoleClash? FirstSecrecyChargeClash(PostingPeriod candidate, IEnumerable<PostingPeriod> others)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(others);
        return candidate.ChargesSecrecyWork
            ? FirstClash(candidate, others, MaxSecrecyLeaders, o => o.ChargesSecrecyWork && !(o.LeaderId == candidate.LeaderId && o.Role == candidate.Role))
            : null;
    }

    private static RoleClash? FirstClash(PostingPeriod candidate, IEnumerable<PostingPeriod> others, int limit, Func<PostingPeriod, bool> holdsAPlace)
    {
        var holding = Overlapping(candidate, others).Where(holdsAPlace).ToList();

        // The count can only rise at a start date: check the candidate's start and every other start inside it.
        var dates = holding.Select(p => p.From).Append(candidate.From)
            .Where(d => d >= candidate.From && (candidate.To is null || d <= candidate.To))
            .Distinct()
            .Order();
        foreach (var date in dates)
        {
            var holders = holding.Where(p => p.HoldsOn(date)).OrderBy(p => p.From).ToList();
            if (holders.Count >= limit)
            {
                // Full until the first holder leaves, or the candidate's own end, whichever comes first.
                var ends = holders.Select(h => h.To).Append(candidate.To).OfType<DateOnly>().ToList();
                return new RoleClash(date, ends.Count == 0 ? null : ends.Min(), holders);
            }
        }

        return null;
    }

    private static IEnumerable<PostingPeriod> Overlapping(PostingPeriod candidate, IEnumerable<PostingPeriod> others) =>
        others
            .Where(o => o.Id != candidate.Id || candidate.Id == 0)
            .Where(o => o.UnitId == candidate.UnitId && o.Overlaps(candidate.From, candidate.To));
}
