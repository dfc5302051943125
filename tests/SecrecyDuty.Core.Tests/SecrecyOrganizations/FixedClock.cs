namespace SecrecyDuty.Core.Tests.SecrecyOrganizations;

/// <summary>A clock standing still at <paramref name="now"/>, in UTC.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Today = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public static DateOnly Date => DateOnly.FromDateTime(Today.GetUtcNow().UtcDateTime);

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
