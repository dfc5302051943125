namespace SecrecyDuty.Core.Leaders;

/// <summary>A posting's period and role, as the rules see it.</summary>
public sealed record PostingPeriod(int Id, int LeaderId, int UnitId, PostingRole Role, DateOnly From, DateOnly? To)
{
    public bool Overlaps(DateOnly from, DateOnly? to) =>
        From <= (to ?? DateOnly.MaxValue) && from <= (To ?? DateOnly.MaxValue);

    public bool HoldsOn(DateOnly date) => From <= date && (To is null || date <= To);
}

public enum PostingProblem
{
    /// <summary>The period ends before it starts.</summary>
    EndsBeforeStart,

    /// <summary>The leader already holds a posting in this unit during the period.</summary>
    OverlapsSameLeaderAndUnit,

    /// <summary>A unit has at most two principal leaders at any date (art. 5: the Party secretary and the administrative head).</summary>
    TooManyPrincipalLeaders,

    /// <summary>A unit has at most one leader in charge of secrecy work at any date (art. 6).</summary>
    TooManySecrecyLeaders,
}

/// <summary>The rules a new or changed posting must keep, as a pure function over the unit's other postings.</summary>
public static class PostingRules
{
    public const int MaxPrincipalLeaders = 2;
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
        if (candidate.To is { } to && to < candidate.From)
        {
            problems.Add(PostingProblem.EndsBeforeStart);
            return problems;
        }

        var overlapping = others
            .Where(o => o.Id != candidate.Id || candidate.Id == 0)
            .Where(o => o.UnitId == candidate.UnitId && o.Overlaps(candidate.From, candidate.To))
            .ToList();
        if (overlapping.Exists(o => o.LeaderId == candidate.LeaderId))
        {
            problems.Add(PostingProblem.OverlapsSameLeaderAndUnit);
        }

        var limit = candidate.Role switch
        {
            PostingRole.PrincipalLeader => MaxPrincipalLeaders,
            PostingRole.SecrecyLeader => MaxSecrecyLeaders,
            _ => int.MaxValue,
        };
        if (limit != int.MaxValue && MaxConcurrent(candidate, overlapping.Where(o => o.Role == candidate.Role && o.LeaderId != candidate.LeaderId)) >= limit)
        {
            problems.Add(candidate.Role == PostingRole.PrincipalLeader ? PostingProblem.TooManyPrincipalLeaders : PostingProblem.TooManySecrecyLeaders);
        }

        return problems;
    }

    /// <summary>The most postings of <paramref name="sameRole"/> holding on any one date within the candidate's period.</summary>
    private static int MaxConcurrent(PostingPeriod candidate, IEnumerable<PostingPeriod> sameRole)
    {
        var periods = sameRole.ToList();

        // The count can only rise at a start date: check the candidate's start and every other start inside it.
        var dates = periods.Select(p => p.From).Append(candidate.From)
            .Where(d => d >= candidate.From && (candidate.To is null || d <= candidate.To))
            .Distinct();
        return dates.Select(d => periods.Count(p => p.HoldsOn(d))).DefaultIfEmpty(0).Max();
    }
}
