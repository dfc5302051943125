namespace SecrecyDuty.Core.Appraisals;

/// <summary>Where a leader's appraisal for a year stands (art. 9).</summary>
public enum AppraisalStatus
{
    /// <summary>Nothing written yet for the year.</summary>
    None,

    /// <summary>Started (the leader's section, a grade or a commendation) but without the secrecy organization's opinion.</summary>
    Draft,

    /// <summary>The secrecy organization's opinion is given; the cadre official has not finalized the appraisal yet.</summary>
    OpinionGiven,

    /// <summary>Finalized by the cadre official (the organization and personnel department, art. 9): read-only.</summary>
    Finalized,
}

/// <summary>The lengths the database allows (DutyRecordConfiguration), which the validators enforce beside the fields.</summary>
public static class AppraisalLimits
{
    public const int DutyReportSection = 8000;
    public const int OrganizationOpinion = 4000;
    public const int Commendation = 1000;
}

/// <summary>The rules of the annual appraisal (arts. 9–10), as pure functions.</summary>
public static class AppraisalRules
{
    /// <summary>The earliest year an appraisal may be kept for.</summary>
    public const int FirstYear = 2000;

    public static AppraisalStatus StatusOf(bool exists, string? organizationOpinion, DateTime? finalizedAtUtc) =>
        !exists ? AppraisalStatus.None
        : finalizedAtUtc is not null ? AppraisalStatus.Finalized
        : string.IsNullOrWhiteSpace(organizationOpinion) ? AppraisalStatus.Draft
        : AppraisalStatus.OpinionGiven;

    /// <summary>A year is appraised once it has begun: from <see cref="FirstYear"/> to the current year.</summary>
    public static bool IsAppraisableYear(int year, DateOnly today) => year >= FirstYear && year <= today.Year;

    /// <summary>The years the pages offer, latest first.</summary>
    public static IReadOnlyList<int> YearChoices(DateOnly today, int count = 6) =>
        [.. Enumerable.Range(0, count).Select(i => today.Year - i).Where(y => y >= FirstYear)];

    /// <summary>
    /// The part of <paramref name="year"/> a posting held from <paramref name="from"/> to <paramref name="to"/>: what
    /// the appraisal covers. Null when the posting did not hold during the year. The months before the leader took
    /// office belong to the predecessor, those after the posting ended to the successor.
    /// </summary>
    public static (DateOnly Start, DateOnly End)? CoveredPeriod(DateOnly from, DateOnly? to, int year)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var start = from > yearStart ? from : yearStart;
        var end = to is { } last && last < yearEnd ? last : yearEnd;
        return start <= end ? (start, end) : null;
    }

    /// <summary>
    /// The parts of <paramref name="year"/> covered by the given postings (of one leader in one unit), in order, with
    /// overlapping or adjoining stretches merged: a change of role in the unit does not split the count.
    /// </summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End)> CoveredPeriods(IEnumerable<(DateOnly From, DateOnly? To)> postings, int year)
    {
        ArgumentNullException.ThrowIfNull(postings);
        var merged = new List<(DateOnly Start, DateOnly End)>();
        foreach (var (start, end) in postings.Select(p => CoveredPeriod(p.From, p.To, year)).OfType<(DateOnly Start, DateOnly End)>().OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End.AddDays(1))
            {
                merged[^1] = (merged[^1].Start, end > merged[^1].End ? end : merged[^1].End);
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    /// <summary>What still prevents finalizing: art. 9 needs the secrecy organization's opinion, and a grade is the appraisal's outcome.</summary>
    public static AppraisalGap MissingToFinalize(string? organizationOpinion, AppraisalGrade? grade) =>
        (string.IsNullOrWhiteSpace(organizationOpinion) ? AppraisalGap.OrganizationOpinion : AppraisalGap.None)
        | (grade is null ? AppraisalGap.Grade : AppraisalGap.None);
}

/// <summary>What an appraisal lacks before it may be finalized.</summary>
[Flags]
public enum AppraisalGap
{
    None = 0,
    OrganizationOpinion = 1,
    Grade = 2,
}
