using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.DutyRecords;

/// <summary>Where a leader's appraisal for a year stands (art. 9).</summary>
public enum AppraisalStatus
{
    /// <summary>Nothing written yet for the year.</summary>
    None,

    /// <summary>Started (the leader's section, a grade or a commendation) but without the secrecy organization's opinion.</summary>
    Draft,

    /// <summary>The secrecy organization's opinion is given; not yet finalized.</summary>
    OpinionGiven,

    /// <summary>Finalized by the secrecy office: read-only.</summary>
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
    /// Art. 9: the appraising department hears the unit secrecy organization's opinion; the secrecy office
    /// (secrecy officers and administrators) writes it and sets the grade and commendation (art. 10).
    /// </summary>
    public static bool CanWriteOrganizationPart(ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && (user.IsInRole(Roles.SecrecyOfficer) || user.IsInRole(Roles.Administrator));
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
