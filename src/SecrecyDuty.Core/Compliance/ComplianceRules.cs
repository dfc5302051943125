namespace SecrecyDuty.Core.Compliance;

/// <summary>The state of one requirement for one unit and year (or half-year).</summary>
public enum ComplianceState
{
    Met,
    PartlyMet,
    Missing,
    NotYetDue,
}

/// <summary>The requirements the compliance engine computes, with the duty code they come from.</summary>
public enum Requirement
{
    /// <summary>P5.3: the principal leaders hear the secrecy organization at least once a year, one each half-year expected.</summary>
    Briefings,

    /// <summary>S6.5: at least two secrecy organization member meetings a year.</summary>
    MemberMeetings,

    /// <summary>P5.2: a secrecy organization established and staffed with secrecy cadres.</summary>
    SecrecyOrganization,

    /// <summary>S6.6: rules in all nine areas R1–R9.</summary>
    RuleRegister,

    /// <summary>S6.3: secrecy education held in the year.</summary>
    Education,

    /// <summary>Art. 9: every leader's duty checklist for the year submitted and reviewed.</summary>
    Checklists,
}

/// <summary>
/// A state and why, in words: a message key (English, localized by the caller) and its arguments.
/// </summary>
public sealed record ComplianceResult(Requirement Requirement, ComplianceState State, string Reason, IReadOnlyList<object> Arguments)
{
    public static ComplianceResult Of(Requirement requirement, ComplianceState state, string reason, params object[] arguments) =>
        new(requirement, state, reason, arguments);
}

/// <summary>Where "today" falls relative to the year being assessed.</summary>
public sealed record AssessmentPeriod(int Year, DateOnly Today)
{
    public bool IsFuture => Today.Year < Year;

    public bool IsPast => Today.Year > Year;

    /// <summary>The second half has started (or the year is over).</summary>
    public bool SecondHalfStarted => IsPast || (Today.Year == Year && Today.Month >= 7);

    public static bool IsFirstHalf(DateOnly date) => date.Month <= 6;
}

/// <summary>
/// The compliance rules as pure functions over counts that the service computes in SQL for many units at once.
/// </summary>
public static class ComplianceRules
{
    public const int MemberMeetingsPerYear = 2;
    public const int RuleAreaCount = 9;

    /// <summary>
    /// P5.3 (art. 5 (三): "每年至少1—2次"): none in a year is missing; one is partly met; one in each half is met.
    /// A half that has not started is not yet due; the current half without a briefing is missing (it is due now).
    /// </summary>
    public static ComplianceResult Briefings(AssessmentPeriod period, int firstHalf, int secondHalf)
    {
        ArgumentNullException.ThrowIfNull(period);
        const Requirement r = Requirement.Briefings;
        if (period.IsFuture)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "The year has not begun.");
        }

        if (!period.SecondHalfStarted)
        {
            return firstHalf > 0
                ? ComplianceResult.Of(r, ComplianceState.Met, "The first-half briefing was heard; the second half is not yet due.")
                : ComplianceResult.Of(r, ComplianceState.Missing, "No briefing yet this year: the first-half briefing is due by 30 June.");
        }

        return (firstHalf > 0, secondHalf > 0) switch
        {
            (true, true) => ComplianceResult.Of(r, ComplianceState.Met, "A briefing was heard in each half-year."),
            (true, false) => ComplianceResult.Of(r, ComplianceState.PartlyMet, "The second-half briefing is missing."),
            (false, true) => ComplianceResult.Of(r, ComplianceState.PartlyMet, "The first-half briefing is missing."),
            _ => ComplianceResult.Of(r, ComplianceState.Missing, "No briefing was heard this year."),
        };
    }

    /// <summary>The state of one half-year's briefing (the semiannual view of P5.3).</summary>
    public static ComplianceState BriefingHalf(AssessmentPeriod period, bool secondHalf, int count)
    {
        ArgumentNullException.ThrowIfNull(period);
        var started = !period.IsFuture && (!secondHalf || period.SecondHalfStarted);
        return !started ? ComplianceState.NotYetDue : count > 0 ? ComplianceState.Met : ComplianceState.Missing;
    }

    /// <summary>S6.5 (art. 6 (五): "每年2次以上"): two or more met, one partly met, none missing; in the first half of the current year, fewer than two is not yet due.</summary>
    public static ComplianceResult MemberMeetings(AssessmentPeriod period, int meetings)
    {
        ArgumentNullException.ThrowIfNull(period);
        const Requirement r = Requirement.MemberMeetings;
        if (period.IsFuture)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "The year has not begun.");
        }

        if (meetings >= MemberMeetingsPerYear)
        {
            return ComplianceResult.Of(r, ComplianceState.Met, "{0} member meetings were held (at least 2 a year).", meetings);
        }

        if (!period.SecondHalfStarted)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "{0} of the 2 member meetings a year held so far.", meetings);
        }

        return meetings == 1
            ? ComplianceResult.Of(r, ComplianceState.PartlyMet, "Only one member meeting was held; at least 2 a year are required.")
            : ComplianceResult.Of(r, ComplianceState.Missing, "No member meeting was held this year; at least 2 a year are required.");
    }

    /// <summary>P5.2 (art. 5 (二)): an organization established by the end of the year and staffed with at least one secrecy cadre.</summary>
    public static ComplianceResult SecrecyOrganization(AssessmentPeriod period, DateOnly? establishedOn, int cadres, int fullTimeCadres)
    {
        ArgumentNullException.ThrowIfNull(period);
        const Requirement r = Requirement.SecrecyOrganization;
        if (period.IsFuture)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "The year has not begun.");
        }

        if (establishedOn is null || establishedOn.Value.Year > period.Year)
        {
            return ComplianceResult.Of(r, ComplianceState.Missing, "The unit has no secrecy organization.");
        }

        if (cadres == 0)
        {
            return ComplianceResult.Of(r, ComplianceState.PartlyMet, "The secrecy organization has no secrecy cadre for the daily work.");
        }

        return ComplianceResult.Of(r, ComplianceState.Met, "Secrecy organization established with {0} secrecy cadre(s), {1} full-time.", cadres, fullTimeCadres);
    }

    /// <summary>S6.6 (art. 6 (六)): rules in all nine areas.</summary>
    public static ComplianceResult RuleRegister(IReadOnlyCollection<string> missingAreaCodes, int areaCount = RuleAreaCount)
    {
        ArgumentNullException.ThrowIfNull(missingAreaCodes);
        const Requirement r = Requirement.RuleRegister;
        if (missingAreaCodes.Count == 0)
        {
            return ComplianceResult.Of(r, ComplianceState.Met, "Rules adopted in all {0} areas.", areaCount);
        }

        var missing = string.Join("、", missingAreaCodes.Order(StringComparer.Ordinal));
        return missingAreaCodes.Count >= areaCount
            ? ComplianceResult.Of(r, ComplianceState.Missing, "No secrecy rules are registered.")
            : ComplianceResult.Of(r, ComplianceState.PartlyMet, "Rules missing in {0}.", missing);
    }

    /// <summary>S6.3 (art. 6 (三)): at least one education or training session in the year.</summary>
    public static ComplianceResult Education(AssessmentPeriod period, int sessions)
    {
        ArgumentNullException.ThrowIfNull(period);
        const Requirement r = Requirement.Education;
        if (period.IsFuture)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "The year has not begun.");
        }

        if (sessions > 0)
        {
            return ComplianceResult.Of(r, ComplianceState.Met, "{0} education or training session(s) held.", sessions);
        }

        return period.SecondHalfStarted
            ? ComplianceResult.Of(r, ComplianceState.Missing, "No secrecy education was held this year.")
            : ComplianceResult.Of(r, ComplianceState.NotYetDue, "No secrecy education held yet this year.");
    }

    /// <summary>
    /// Art. 9: every posting holding in the year has its checklist submitted and reviewed by the secrecy office.
    /// Checklists are submitted at the year's end: in the current year, unsubmitted ones are not yet due.
    /// </summary>
    public static ComplianceResult Checklists(AssessmentPeriod period, int required, int submitted, int reviewed)
    {
        ArgumentNullException.ThrowIfNull(period);
        const Requirement r = Requirement.Checklists;
        if (required == 0)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "No leader holds a posting in the unit this year.");
        }

        if (reviewed >= required)
        {
            return ComplianceResult.Of(r, ComplianceState.Met, "All {0} checklists submitted and reviewed.", required);
        }

        if (!period.IsPast)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "{0} of {1} checklists submitted, {2} reviewed; due at the year's end.", submitted, required, reviewed);
        }

        return submitted == 0
            ? ComplianceResult.Of(r, ComplianceState.Missing, "No checklist of the year was submitted.")
            : ComplianceResult.Of(r, ComplianceState.PartlyMet, "{0} of {1} checklists submitted, {2} reviewed.", submitted, required, reviewed);
    }

    /// <summary>
    /// A requirement not yet due that still has to be done in the year being assessed (member meetings, education,
    /// checklists not yet all reviewed), as opposed to one that is not due at all (a future year, a unit where
    /// nobody holds a posting).
    /// </summary>
    public static bool IsDueLater(AssessmentPeriod period, ComplianceResult result, int checklistsRequired)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(result);
        return result.State == ComplianceState.NotYetDue
            && !period.IsFuture
            && (result.Requirement != Requirement.Checklists || checklistsRequired > 0);
    }
}
