namespace SecrecyDuty.Core.Inspections;

/// <summary>
/// The rectification order's workflow (art. 15, 限期整改) as pure rules: open → reported by the unit → verified or sent
/// back by the inspector; a sent-back order is reported again. Overdue is computed from the deadline, never stored.
/// </summary>
public static class RectificationRules
{
    /// <summary>The status an action leads to from <paramref name="from"/>, or null when the action is not allowed there.</summary>
    public static RectificationStatus? Next(RectificationStatus? from, RectificationAction action) => (from, action) switch
    {
        (null, RectificationAction.Issue) => RectificationStatus.Open,
        (RectificationStatus.Open or RectificationStatus.SentBack, RectificationAction.Report) => RectificationStatus.Reported,
        (RectificationStatus.Reported, RectificationAction.Verify) => RectificationStatus.Verified,
        (RectificationStatus.Reported, RectificationAction.SendBack) => RectificationStatus.SentBack,
        _ => null,
    };

    /// <summary>
    /// Overdue: the deadline has passed and the unit has not reported its rectification (the order is open or was sent
    /// back). A report waiting for verification is with the inspector, not late for the unit; a verified order is closed.
    /// </summary>
    public static bool IsOverdue(RectificationStatus status, DateOnly deadline, DateOnly today) =>
        status is RectificationStatus.Open or RectificationStatus.SentBack && today > deadline;

    /// <summary>Still to be done by someone: not yet verified.</summary>
    public static bool IsOpen(RectificationStatus status) => status != RectificationStatus.Verified;

    /// <summary>The deadline lies after the day the order is issued.</summary>
    public static bool IsValidDeadline(DateOnly issuedOn, DateOnly deadline) => deadline > issuedOn;

    /// <summary>Days left until the deadline (negative when overdue).</summary>
    public static int DaysLeft(DateOnly deadline, DateOnly today) => deadline.DayNumber - today.DayNumber;
}
