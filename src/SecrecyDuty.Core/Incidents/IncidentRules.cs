namespace SecrecyDuty.Core.Incidents;

/// <summary>Where the reporting clock stands (the time allowed between discovery and the report to the secrecy department).</summary>
public enum ReportClockState
{
    /// <summary>Not reported yet, still within the time allowed.</summary>
    Running,

    ReportedInTime,

    /// <summary>Reported after the time allowed: finding D15.8 is suggested for the unit.</summary>
    ReportedLate,

    /// <summary>Not reported and the time allowed has passed: finding D15.8 is suggested for the unit.</summary>
    Overdue,
}

/// <summary>The rules of an incident file, as pure functions.</summary>
public static class IncidentRules
{
    /// <summary>The hours allowed by default between discovery and the report (the current implementing regulations: 24 hours).</summary>
    public const int DefaultReportingHours = 24;

    /// <summary>D15.8: a leak not reported or not investigated promptly.</summary>
    public const string LateReportDeficiency = "D15.8";

    public static DateTime ReportDeadline(DateTime discoveredAtUtc, int reportingHours) => discoveredAtUtc.AddHours(reportingHours);

    public static ReportClockState ClockOn(DateTime discoveredAtUtc, DateTime? reportedAtUtc, int reportingHours, DateTime nowUtc)
    {
        var deadline = ReportDeadline(discoveredAtUtc, reportingHours);
        return reportedAtUtc is { } reported
            ? reported <= deadline ? ReportClockState.ReportedInTime : ReportClockState.ReportedLate
            : nowUtc <= deadline ? ReportClockState.Running : ReportClockState.Overdue;
    }

    /// <summary>Whether the reporting clock suggests finding D15.8 for the unit.</summary>
    public static bool SuggestsLateReportFinding(ReportClockState state) => state is ReportClockState.ReportedLate or ReportClockState.Overdue;

    /// <summary>The status an action leads to from <paramref name="status"/>; null when the step is not allowed.</summary>
    public static IncidentStatus? Next(IncidentStatus? status, IncidentAction action) => (status, action) switch
    {
        (null, IncidentAction.Register) => IncidentStatus.Registered,
        (IncidentStatus.Registered, IncidentAction.StartInvestigation) => IncidentStatus.UnderInvestigation,
        (IncidentStatus.UnderInvestigation, IncidentAction.SendToDisciplineReview) => IncidentStatus.UnderDisciplineReview,
        (IncidentStatus.UnderDisciplineReview, IncidentAction.Decide) => IncidentStatus.Decided,
        (IncidentStatus.Decided, IncidentAction.Close) => IncidentStatus.Closed,
        _ => null,
    };

    /// <summary>Dates in their order: occurred ≤ discovered ≤ reported; no report before the discovery.</summary>
    public static bool DatesInOrder(DateOnly? occurredOn, DateTime discoveredAtUtc, DateTime? reportedToDepartmentUtc, DateTime? reportedToSuperiorUtc) =>
        (occurredOn is null || occurredOn <= DateOnly.FromDateTime(discoveredAtUtc))
        && (reportedToDepartmentUtc is null || reportedToDepartmentUtc >= discoveredAtUtc)
        && (reportedToSuperiorUtc is null || reportedToSuperiorUtc >= discoveredAtUtc);
}
