namespace SecrecyDuty.Core.Common;

/// <summary>The one way to ask for today's date: every "today" of the application comes from here.</summary>
public static class LocalDate
{
    /// <summary>Today's date where the server runs (the province), from the injected clock so tests can set it.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }

    /// <summary>A stored UTC timestamp as the province's local date, in the injected clock's time zone.</summary>
    public static DateOnly? Of(DateTime? utc, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return utc is { } u ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), clock.LocalTimeZone)) : null;
    }
}
