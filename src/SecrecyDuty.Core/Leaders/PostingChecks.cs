using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Leaders;

/// <summary>
/// Runs <see cref="PostingRules"/> for a new or changed posting against the other postings of its unit and of
/// its leader (one query), and words each problem beside the field that causes it.
/// </summary>
internal static class PostingChecks
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The problems of <paramref name="candidate"/>, each on its field under <paramref name="prefix"/> ("" or "FirstPosting.").</summary>
    public static async Task<FieldError[]> CheckAsync(
        ISecrecyDutyDb db,
        IStringLocalizer<Messages> l,
        PostingPeriod candidate,
        string prefix,
        CancellationToken cancellationToken)
    {
        // Only periods that overlap the candidate's can collide with it.
        var (unitId, leaderId, id, from, to) = (candidate.UnitId, candidate.LeaderId, candidate.Id, candidate.From, candidate.To);
        var others = await db.Postings.AsNoTracking()
            .Where(p => (p.UnitId == unitId || p.LeaderId == leaderId) && p.Id != id)
            .Where(p => (to == null || p.From <= to) && (p.To == null || p.To >= from))
            .Select(p => new { p.Id, p.LeaderId, p.UnitId, p.Role, p.From, p.To, p.LeadsSecrecyWork, LeaderName = p.Leader!.Name })
            .ToListAsync(cancellationToken);
        var periods = others.Select(o => new PostingPeriod(o.Id, o.LeaderId, o.UnitId, o.Role, o.From, o.To, o.LeadsSecrecyWork)).ToList();
        var names = others.ToDictionary(o => o.Id, o => o.LeaderName);

        var errors = new List<FieldError>();
        foreach (var problem in PostingRules.Check(candidate, periods))
        {
            errors.Add(problem switch
            {
                PostingProblem.EndsBeforeStart => new FieldError(
                    prefix + nameof(PostingTerms.To),
                    l["Enter an end date on or after the start date ({0}).", Format(candidate.From)]),
                PostingProblem.OverlapsSameLeaderAndUnit => new FieldError(
                    prefix + nameof(PostingTerms.From),
                    Overlap(l, PostingRules.OverlappingPostingOfSameLeader(candidate, periods)!)),
                PostingProblem.TooManyPrincipalLeaders => new FieldError(
                    prefix + nameof(PostingTerms.Role),
                    Clash(l, PostingRole.PrincipalLeader, PostingRules.FirstRoleClash(candidate, periods)!, names)),

                // A flagged posting's clash is reported beside its box: clearing it is the likely fix.
                _ when candidate.Role != PostingRole.SecrecyLeader => new FieldError(
                    prefix + nameof(PostingTerms.LeadsSecrecyWork),
                    ChargeClash(l, PostingRules.FirstSecrecyChargeClash(candidate, periods)!, names)),
                _ => new FieldError(
                    prefix + nameof(PostingTerms.Role),
                    Clash(l, PostingRole.SecrecyLeader, PostingRules.FirstSecrecyChargeClash(candidate, periods)!, names)),
            });
        }

        // A posting is held in a unit while the unit exists: not before it was set up, not after it closed.
        var life = await db.Units.AsNoTracking()
            .Where(u => u.Id == unitId)
            .Select(u => new { u.EstablishedOn, u.ClosedOn })
            .SingleOrDefaultAsync(cancellationToken);
        if (life?.EstablishedOn is { } setUp && from < setUp)
        {
            errors.Add(new FieldError(
                prefix + nameof(PostingTerms.From),
                l["The unit was set up on {0}: a posting in it cannot start earlier.", Format(setUp)]));
        }

        if (life?.ClosedOn is { } closed && (to is null || to > closed))
        {
            errors.Add(new FieldError(
                prefix + nameof(PostingTerms.To),
                l["The unit closed on {0}: enter an end date on or before it.", Format(closed)]));
        }

        return [.. errors];
    }

    private static string Overlap(IStringLocalizer<Messages> l, PostingPeriod overlap) =>
        overlap.To is { } end
            ? l["This leader already holds a posting in this role in this unit from {0} to {1}. Choose a period that does not overlap it.", Format(overlap.From), Format(end)]
            : l["This leader already holds a posting in this role in this unit since {0}. End that posting first, or choose a period before it.", Format(overlap.From)];

    /// <summary>Names the stretch in which another posting already leads the unit's secrecy work, and whose it is (art. 6).</summary>
    private static string ChargeClash(IStringLocalizer<Messages> l, RoleClash clash, Dictionary<int, string> names)
    {
        var holders = string.Join("、", clash.Holders.Select(h => names[h.Id]));
        return clash.To is { } end
            ? l["From {0} to {1} this unit already has a leader in charge of secrecy work ({2}). A unit has one at any date (art. 6): clear this box, or end the other charge first.", Format(clash.From), Format(end), holders]
            : l["From {0} on, this unit already has a leader in charge of secrecy work ({1}). A unit has one at any date (art. 6): clear this box, or end the other charge first.", Format(clash.From), holders];
    }

    /// <summary>Names the stretch in which the role is full and who fills it (arts. 5 and 6).</summary>
    private static string Clash(IStringLocalizer<Messages> l, PostingRole role, RoleClash clash, Dictionary<int, string> names)
    {
        var holders = string.Join("、", clash.Holders.Select(h => names[h.Id]));
        return (role, clash.To) switch
        {
            (PostingRole.PrincipalLeader, { } end) =>
                l["From {0} to {1} this unit already has two principal leaders ({2}). A unit has at most two at any date (art. 5): choose another period or another role.", Format(clash.From), Format(end), holders],
            (PostingRole.PrincipalLeader, null) =>
                l["From {0} on, this unit already has two principal leaders ({1}). A unit has at most two at any date (art. 5): end one of their postings first, or choose another role.", Format(clash.From), holders],
            (_, { } end) =>
                l["From {0} to {1} this unit already has a leader in charge of secrecy work ({2}). A unit has one at any date (art. 6): choose another period or another role.", Format(clash.From), Format(end), holders],
            (_, null) =>
                l["From {0} on, this unit already has a leader in charge of secrecy work ({1}). A unit has one at any date (art. 6): end that posting first, or choose another role.", Format(clash.From), holders],
        };
    }

    private static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
