namespace SecrecyDuty.Core.Compliance;

/// <summary>The state of one requirement for one unit and year (or one period of the year).</summary>
public enum ComplianceState
{
    Met,
    PartlyMet,
    Missing,

    /// <summary>Its due date has not passed: never missing or overdue before it (the result carries the date).</summary>
    NotYetDue,

    /// <summary>
    /// Shown but not judged: the regulation sets no frequency (S6.3), the province's practice asks nothing beyond the
    /// regulation, no posting in scope needs a checklist, or the unit did not exist in the period.
    /// </summary>
    NotJudged,
}

/// <summary>The requirements the compliance engine computes, with the duty code they come from.</summary>
public enum Requirement
{
    /// <summary>P5.3, the regulation's minimum: the principal leaders hear the secrecy organization's report at least once a year (art. 5 (三): "每年至少1—2次").</summary>
    Briefings,

    /// <summary>P5.3, the province's practice on top of the regulation: one report each half-year (data: expectedPerYear, expectedPeriodsPerYear).</summary>
    BriefingPractice,

    /// <summary>S6.5: secrecy organization member meetings two or more a year (art. 6 (五): "每年2次以上").</summary>
    MemberMeetings,

    /// <summary>P5.2: a secrecy organization established and staffed with secrecy cadres.</summary>
    SecrecyOrganization,

    /// <summary>S6.6: rules in all nine areas R1–R9, or an area marked not applicable with a reason.</summary>
    RuleRegister,

    /// <summary>S6.3: secrecy education. The regulation sets no frequency: what was done is shown, nothing is judged.</summary>
    Education,

    /// <summary>Art. 9: the duty checklist of every posting in scope (art. 2) submitted and reviewed.</summary>
    Checklists,

    /// <summary>Art. 15: the rectification orders due in the year reported by their deadlines.</summary>
    RectificationOrders,
}

/// <summary>Whether a requirement is the regulation's own or the province's practice on top of it.</summary>
public enum RequirementBasis
{
    Regulation,
    Practice,
}

/// <summary>
/// A state and why, in words: a message key (English, localized by the caller) and its arguments; the date by
/// which it is due (null for a standing requirement such as P5.2 or S6.6, or one not judged).
/// </summary>
public sealed record ComplianceResult(Requirement Requirement, ComplianceState State, string Reason, IReadOnlyList<object> Arguments)
{
    public DateOnly? DueOn { get; init; }

    public RequirementBasis Basis => Requirement == Requirement.BriefingPractice ? RequirementBasis.Practice : RequirementBasis.Regulation;

    /// <summary>Missing or partly met once its due date has passed.</summary>
    public bool IsGap => State is ComplianceState.Missing or ComplianceState.PartlyMet;

    public static ComplianceResult Of(Requirement requirement, ComplianceState state, string reason, params object[] arguments) =>
        new(requirement, state, reason, arguments);
}

/// <summary>
/// How often a duty is due, as the regulation data says (docs/regulation-catalogue.md): the regulation's minimum a
/// year, due by the year's end (null: the regulation sets no frequency), and the province's practice on top of it,
/// spread over <see cref="PeriodsPerYear"/> equal periods each due at its end (null: no practice beyond the regulation).
/// </summary>
public sealed record DutyFrequency(int? MinimumPerYear, int? ExpectedPerYear = null, int PeriodsPerYear = 1)
{
    public static DutyFrequency None { get; } = new(MinimumPerYear: null);

    /// <summary>What the practice expects in each of its periods.</summary>
    public int? ExpectedPerPeriod => ExpectedPerYear is int e && PeriodsPerYear > 0 ? e / PeriodsPerYear : null;

    /// <summary>The duty item's frequency fields as stored in the catalogue.</summary>
    public static DutyFrequency From(int? minimumPerYear, int? expectedPerYear, int? periodsPerYear) =>
        new(minimumPerYear, expectedPerYear, periodsPerYear is int p && p > 0 ? p : 1);
}

/// <summary>The frequencies of the requirements that count activities, from the current regulation's duty items.</summary>
public sealed record ComplianceFrequencies(DutyFrequency Briefings, DutyFrequency MemberMeetings, DutyFrequency Education)
{
    /// <summary>The duty codes the frequencies are read from.</summary>
    public const string BriefingsCode = "P5.3";
    public const string MemberMeetingsCode = "S6.5";
    public const string EducationCode = "S6.3";

    /// <summary>The shipped regulation's values: P5.3 at least once a year, the practice one each half-year; S6.5 two or more; S6.3 none.</summary>
    public static ComplianceFrequencies Shipped { get; } = new(new(1, 2, 2), new(2), DutyFrequency.None);
}

/// <summary>
/// The year being assessed, "today", and the part of the year the unit existed (set up on <c>UnitFrom</c>, closed on
/// <c>UnitTo</c>; null: not recorded). Periods outside the unit's life are not judged, and a period it existed for only
/// in part asks for its share, rounded up (a unit set up in November is judged from then).
/// </summary>
public sealed record AssessmentPeriod(int Year, DateOnly Today, DateOnly? UnitFrom = null, DateOnly? UnitTo = null)
{
    public DateOnly YearStart => new(Year, 1, 1);

    public DateOnly YearEnd => new(Year, 12, 31);

    public bool IsFuture => Today.Year < Year;

    /// <summary>The first day of the year the unit existed, or null when it did not exist in the year.</summary>
    public DateOnly? ActiveFrom => Window(YearStart, YearEnd)?.From;

    /// <summary>The last day of the year the unit existed (its closing date, or 31 December).</summary>
    public DateOnly? ActiveTo => Window(YearStart, YearEnd)?.To;

    /// <summary>Whether the unit existed on some day of the year.</summary>
    public bool UnitExisted => ActiveFrom is not null;

    /// <summary>The part of [<paramref name="start"/>, <paramref name="end"/>] the unit existed, or null when none.</summary>
    public (DateOnly From, DateOnly To)? Window(DateOnly start, DateOnly end)
    {
        var from = UnitFrom is DateOnly f && f > start ? f : start;
        var to = UnitTo is DateOnly t && t < end ? t : end;
        return from <= to ? (from, to) : null;
    }

    /// <summary>
    /// What is required over [<paramref name="start"/>, <paramref name="end"/>] when <paramref name="perPeriod"/> is
    /// required over the whole of it: the share of the days the unit existed, rounded up; 0 when it did not exist.
    /// </summary>
    public int Share(int perPeriod, DateOnly start, DateOnly end)
    {
        if (Window(start, end) is not var (from, to))
        {
            return 0;
        }

        var days = end.DayNumber - start.DayNumber + 1;
        var existed = to.DayNumber - from.DayNumber + 1;
        return existed >= days ? perPeriod : (int)Math.Ceiling((double)perPeriod * existed / days);
    }

    /// <summary>The due date has passed: from the next day on, what is not done is missing.</summary>
    public bool IsOverdue(DateOnly dueOn) => Today > dueOn;

    /// <summary>The <paramref name="index"/>-th (0-based) of <paramref name="periods"/> equal periods of the year.</summary>
    public (DateOnly Start, DateOnly End) PeriodOfYear(int index, int periods)
    {
        var months = 12 / periods;
        var start = new DateOnly(Year, (index * months) + 1, 1);
        return (start, start.AddMonths(months).AddDays(-1));
    }

    /// <summary>Which of <paramref name="periods"/> equal periods of its year <paramref name="date"/> falls in (0-based).</summary>
    public static int PeriodIndex(DateOnly date, int periods) => (date.Month - 1) / (12 / periods);
}

/// <summary>One period of the province's practice (one half-year of P5.3): what it asks, what was done, its state.</summary>
public sealed record PracticePeriod(int Index, DateOnly Start, DateOnly End, int Required, int Done, ComplianceState State);

/// <summary>
/// The compliance rules as pure functions over counts that the service computes in SQL for many units at once.
/// Counted requirements are judged against a due date: before it, whatever the count, the state is
/// <see cref="ComplianceState.NotYetDue"/> unless already met.
/// </summary>
public static class ComplianceRules
{
    public const int RuleAreaCount = 9;

    /// <summary>
    /// P5.3, the regulation's minimum (art. 5 (三): "适时（每年至少1—2次）听取保密组织的情况汇报"): at least
    /// <see cref="DutyFrequency.MinimumPerYear"/> a year, due by the year's end (or the unit's closing).
    /// </summary>
    public static ComplianceResult Briefings(AssessmentPeriod period, DutyFrequency frequency, int heard)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(frequency);
        return Counted(
            Requirement.Briefings,
            period,
            frequency.MinimumPerYear,
            heard,
            met: "{0} report(s) heard: the regulation's minimum of {1} a year is met (art. 5 (三)).",
            notYetDue: "{0} of the {1} report(s) a year the regulation asks for heard so far; due by {2}.",
            partly: "Only {0} of the {1} report(s) a year the regulation asks for were heard.",
            missing: "No report of the secrecy organization was heard; the regulation asks for at least {1} a year.",
            noFrequency: "{0} report(s) heard; the regulation sets no frequency.");
    }

    /// <summary>
    /// P5.3, the province's practice on top of the regulation (one report each half-year in the shipped data): each
    /// period asks for its share and is due at its end. Periods the unit did not exist in are not judged.
    /// </summary>
    public static IReadOnlyList<PracticePeriod> PracticePeriods(AssessmentPeriod period, DutyFrequency frequency, IReadOnlyList<int> donePerPeriod)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(donePerPeriod);
        if (frequency.ExpectedPerPeriod is not int perPeriod)
        {
            return [];
        }

        var periods = new List<PracticePeriod>(frequency.PeriodsPerYear);
        for (var i = 0; i < frequency.PeriodsPerYear; i++)
        {
            var (start, end) = period.PeriodOfYear(i, frequency.PeriodsPerYear);
            var done = i < donePerPeriod.Count ? donePerPeriod[i] : 0;
            var required = period.Share(perPeriod, start, end);
            var due = period.Window(start, end)?.To ?? end;
            var state = required == 0 ? ComplianceState.NotJudged : CountState(period, required, done, due);
            periods.Add(new PracticePeriod(i, start, due, required, done, state));
        }

        return periods;
    }

    /// <summary>The province's practice for P5.3 over the year, from its periods: labelled as practice, never as the regulation.</summary>
    public static ComplianceResult BriefingPractice(AssessmentPeriod period, DutyFrequency frequency, IReadOnlyList<PracticePeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(periods);
        const Requirement r = Requirement.BriefingPractice;
        var judged = periods.Where(p => p.State != ComplianceState.NotJudged).ToList();
        if (frequency.ExpectedPerPeriod is null || judged.Count == 0)
        {
            return ComplianceResult.Of(r, ComplianceState.NotJudged, "The province's practice asks nothing beyond the regulation here.");
        }

        var perPeriod = frequency.ExpectedPerPeriod.Value;
        var overdue = judged.Where(p => p.State is ComplianceState.Missing or ComplianceState.PartlyMet).ToList();
        if (overdue.Count > 0)
        {
            var first = overdue[0];
            var anyMet = judged.Any(p => p.State == ComplianceState.Met) || overdue.Any(p => p.Done > 0);
            return ComplianceResult.Of(
                r,
                anyMet ? ComplianceState.PartlyMet : ComplianceState.Missing,
                "The province's practice ({0} report(s) in each of {1} periods a year) is not met: {2} of {3} heard in the period ending {4}.",
                perPeriod,
                frequency.PeriodsPerYear,
                first.Done,
                first.Required,
                first.End) with
            { DueOn = first.End };
        }

        var next = judged.FirstOrDefault(p => p.State == ComplianceState.NotYetDue);
        return next is null
            ? ComplianceResult.Of(r, ComplianceState.Met, "The province's practice ({0} report(s) in each of {1} periods a year) is met.", perPeriod, frequency.PeriodsPerYear)
                with
            { DueOn = judged[^1].End }
            : ComplianceResult.Of(
                r,
                ComplianceState.NotYetDue,
                "The province's practice ({0} report(s) in each of {1} periods a year): {2} of {3} heard in the period ending {4}, due by then.",
                perPeriod,
                frequency.PeriodsPerYear,
                next.Done,
                next.Required,
                next.End) with
            { DueOn = next.End };
    }

    /// <summary>S6.5 (art. 6 (五): "每年2次以上", two or more a year, no split by half-year): due by the year's end.</summary>
    public static ComplianceResult MemberMeetings(AssessmentPeriod period, DutyFrequency frequency, int meetings)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(frequency);
        return Counted(
            Requirement.MemberMeetings,
            period,
            frequency.MinimumPerYear,
            meetings,
            met: "{0} member meeting(s) held: the regulation's {1} or more a year are met (art. 6 (五)).",
            notYetDue: "{0} of the {1} or more member meetings a year held so far; due by {2}.",
            partly: "Only {0} member meeting(s) held; the regulation asks for {1} or more a year.",
            missing: "No member meeting was held; the regulation asks for {1} or more a year.",
            noFrequency: "{0} member meeting(s) held; the regulation sets no frequency.");
    }

    /// <summary>P5.2 (art. 5 (二)): an organization established by the end of the year and staffed with at least one secrecy cadre.</summary>
    public static ComplianceResult SecrecyOrganization(AssessmentPeriod period, DateOnly? establishedOn, int cadres, int fullTimeCadres)
    {
        ArgumentNullException.ThrowIfNull(period);
        const Requirement r = Requirement.SecrecyOrganization;
        if (period.IsFuture)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "The year has not begun.") with { DueOn = period.YearStart };
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

    /// <summary>
    /// S6.6 (art. 6 (六)): rules in all nine areas. An area marked not applicable with a reason (the rules are made
    /// "结合本单位工作特点") counts as met.
    /// </summary>
    public static ComplianceResult RuleRegister(IReadOnlyCollection<string> missingAreaCodes, int areaCount = RuleAreaCount, int notApplicable = 0)
    {
        ArgumentNullException.ThrowIfNull(missingAreaCodes);
        const Requirement r = Requirement.RuleRegister;
        if (missingAreaCodes.Count == 0)
        {
            return notApplicable == 0
                ? ComplianceResult.Of(r, ComplianceState.Met, "Rules adopted in all {0} areas.", areaCount)
                : ComplianceResult.Of(r, ComplianceState.Met, "Rules adopted in {0} areas; {1} area(s) marked not applicable.", areaCount - notApplicable, notApplicable);
        }

        var missing = string.Join("、", missingAreaCodes.Order(StringComparer.Ordinal));
        return missingAreaCodes.Count >= areaCount
            ? ComplianceResult.Of(r, ComplianceState.Missing, "No secrecy rules are registered.")
            : ComplianceResult.Of(r, ComplianceState.PartlyMet, "Rules missing in {0}.", missing);
    }

    /// <summary>
    /// S6.3 (art. 6 (三)): the leader in charge plans and runs secrecy education, but the regulation sets no frequency.
    /// No frequency is invented: what was done is shown and not judged, unless the regulation data gives one.
    /// </summary>
    public static ComplianceResult Education(AssessmentPeriod period, DutyFrequency frequency, int sessions)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(frequency);
        return Counted(
            Requirement.Education,
            period,
            frequency.MinimumPerYear,
            sessions,
            met: "{0} education or training session(s) held; the regulation asks for {1} a year.",
            notYetDue: "{0} of the {1} education or training session(s) a year held so far; due by {2}.",
            partly: "Only {0} of the {1} education or training session(s) a year were held.",
            missing: "No secrecy education was held; the regulation asks for {1} a year.",
            noFrequency: "{0} education or training session(s) recorded; the regulation sets no frequency for secrecy education (art. 6 (三)).");
    }

    /// <summary>
    /// Art. 9: every posting in scope (art. 2) holding in the year has its checklist submitted and reviewed by the
    /// secrecy office, due at the year's end (or the unit's closing).
    /// </summary>
    public static ComplianceResult Checklists(AssessmentPeriod period, int required, int submitted, int reviewed)
    {
        ArgumentNullException.ThrowIfNull(period);
        const Requirement r = Requirement.Checklists;
        if (required == 0)
        {
            return ComplianceResult.Of(r, ComplianceState.NotJudged, "No leader in scope of art. 2 holds a posting in the unit this year.");
        }

        var due = period.ActiveTo ?? period.YearEnd;
        if (reviewed >= required)
        {
            return ComplianceResult.Of(r, ComplianceState.Met, "All {0} checklists submitted and reviewed.", required) with { DueOn = due };
        }

        if (!period.IsOverdue(due))
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "{0} of {1} checklists submitted, {2} reviewed; due by {3}.", submitted, required, reviewed, due)
                with
            { DueOn = due };
        }

        return (submitted == 0
            ? ComplianceResult.Of(r, ComplianceState.Missing, "No checklist of the year was submitted.")
            : ComplianceResult.Of(r, ComplianceState.PartlyMet, "{0} of {1} checklists submitted, {2} reviewed.", submitted, required, reviewed)) with
        { DueOn = due };
    }

    /// <summary>
    /// Art. 15: the rectification orders whose deadline falls in the year. An order past its deadline that the unit has
    /// not reported (open, or sent back) is overdue; one reported waits for the inspector and is the unit's part done.
    /// Before the deadline an open order is not yet due. A year without orders has nothing to rectify.
    /// </summary>
    public static ComplianceResult RectificationOrders(int due, int overdue, int pending, DateOnly? nextDeadline)
    {
        const Requirement r = Requirement.RectificationOrders;
        if (overdue > 0)
        {
            return ComplianceResult.Of(
                r,
                overdue < due ? ComplianceState.PartlyMet : ComplianceState.Missing,
                "{0} of {1} rectification order(s) due this year are past their deadline without the unit's report (art. 15).",
                overdue,
                due);
        }

        if (pending > 0)
        {
            return ComplianceResult.Of(r, ComplianceState.NotYetDue, "{0} rectification order(s) open; the next deadline is {1}.", pending, nextDeadline!.Value) with
            {
                DueOn = nextDeadline,
            };
        }

        return due == 0
            ? ComplianceResult.Of(r, ComplianceState.Met, "No rectification order falls due this year.")
            : ComplianceResult.Of(r, ComplianceState.Met, "All {0} rectification order(s) due this year were reported by the unit.", due);
    }

    /// <summary>A requirement not yet due that still has to be done in the year being assessed (not a future year).</summary>
    public static bool IsDueLater(AssessmentPeriod period, ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(result);
        return result.State == ComplianceState.NotYetDue && !period.IsFuture;
    }

    /// <summary>
    /// A count due by the year's end (or the unit's closing), pro rata when the unit existed for part of the year.
    /// Messages: {0} done, {1} required, {2} the due date.
    /// </summary>
    private static ComplianceResult Counted(
        Requirement r,
        AssessmentPeriod period,
        int? minimumPerYear,
        int done,
        string met,
        string notYetDue,
        string partly,
        string missing,
        string noFrequency)
    {
        if (minimumPerYear is not int minimum)
        {
            return ComplianceResult.Of(r, ComplianceState.NotJudged, noFrequency, done);
        }

        var due = period.ActiveTo ?? period.YearEnd;
        var required = period.Share(minimum, period.YearStart, period.YearEnd);
        if (required == 0)
        {
            return ComplianceResult.Of(r, ComplianceState.NotJudged, "The unit did not exist in {0}.", period.Year);
        }

        var state = CountState(period, required, done, due);
        var reason = state switch
        {
            ComplianceState.Met => met,
            ComplianceState.NotYetDue => notYetDue,
            ComplianceState.PartlyMet => partly,
            _ => missing,
        };
        return ComplianceResult.Of(r, state, reason, done, required, due) with { DueOn = due };
    }

    /// <summary>A count against what is required by <paramref name="due"/>: met once reached, never missing before the due date.</summary>
    private static ComplianceState CountState(AssessmentPeriod period, int required, int done, DateOnly due) =>
        done >= required ? ComplianceState.Met
        : !period.IsOverdue(due) ? ComplianceState.NotYetDue
        : done == 0 ? ComplianceState.Missing
        : ComplianceState.PartlyMet;
}
