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
        if (PostingRules.EndsBeforeStart(candidate))
        {
            return [new FieldError(prefix + nameof(PostingTerms.To), l["Enter an end date on or after the start date ({0}).", Format(candidate.From)])];
        }

        // Only periods that overlap the candidate's can collide with it.
        var (unitId, leaderId, id, from, to) = (candidate.UnitId, candidate.LeaderId, candidate.Id, candidate.From, candidate.To);
        var others = await db.Postings.AsNoTracking()
            .Where(p => (p.UnitId == unitId || p.LeaderId == leaderId) && p.Id != id)
            .Where(p => (to == null || p.From <= to) && (p.To == null || p.To >= from))
            .Select(p => new { p.Id, p.LeaderId, p.UnitId, p.Role, p.From, p.To, LeaderName = p.Leader!.Name })
            .ToListAsync(cancellationToken);
        var periods = others.Select(o => new PostingPeriod(o.Id, o.LeaderId, o.UnitId, o.Role, o.From, o.To)).ToList();
        var names = others.ToDictionary(o => o.Id, o => o.LeaderName);

        var errors = new List<FieldError>();
        if (PostingRules.OverlappingPostingOfSameLeader(candidate, periods) is { } overlap)
        {
            errors.Add(new FieldError(prefix + nameof(PostingTerms.From), overlap.To is { } end
                ? l["This leader already holds a posting in this unit from {0} to {1}. Choose a period that does not overlap it.", Format(overlap.From), Format(end)]
                : l["This leader already holds a posting in this unit since {0}. End that posting first, or choose a period before it.", Format(overlap.From)]));
        }

        if (PostingRules.FirstRoleClash(candidate, periods) is { } clash)
        {
            var holders = string.Join("、", clash.Holders.Select(h => names[h.Id]));
            errors.Add(new FieldError(prefix + nameof(PostingTerms.Role), (candidate.Role, clash.To) switch
            {
                (PostingRole.PrincipalLeader, { } end) =>
                    l["From {0} to {1} this unit already has two principal leaders ({2}). A unit has at most two at any date (art. 5): choose another period or another role.", Format(clash.From), Format(end), holders],
                (PostingRole.PrincipalLeader, null) =>
                    l["From {0} on, this unit already has two principal leaders ({1}). A unit has at most two at any date (art. 5): end one of their postings first, or choose another role.", Format(clash.From), holders],
                (_, { } end) =>
                    l["From {0} to {1} this unit already has a leader in charge of secrecy work ({2}). A unit has one at any date (art. 6): choose another period or another role.", Format(clash.From), Format(end), holders],
                (_, null) =>
                    l["From {0} on, this unit already has a leader in charge of secrecy work ({1}). A unit has one at any date (art. 6): end that posting first, or choose another role.", Format(clash.From), holders],
            }));
        }

        return [.. errors];
    }

    private static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
