using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Tests.Common;

/// <summary>"Today" and stored timestamps are dates in the province (UTC+8), from the injected clock, not in UTC.</summary>
public sealed class LocalDateTests
{
    private static readonly TimeZoneInfo Province = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    [Theory]
    [InlineData(2026, 11, 26, 15, 59, "2026-11-26")]
    [InlineData(2026, 11, 26, 16, 0, "2026-11-27")] // midnight in the province, still the 26th in UTC
    [InlineData(2026, 12, 31, 16, 30, "2027-01-01")] // the new year starts eight hours before it does in UTC
    public void Today_is_the_provinces_date_on_the_injected_clock(int year, int month, int day, int hour, int minute, string expected)
    {
        var clock = new ProvinceClock(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LocalDate.Today(clock));
    }

    [Fact]
    public void A_stored_UTC_timestamp_is_shown_as_the_provinces_date()
    {
        var clock = new ProvinceClock(DateTimeOffset.UnixEpoch);

        Assert.Equal(new DateOnly(2026, 11, 27), LocalDate.Of(new DateTime(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc), clock));
        Assert.Null(LocalDate.Of(null, clock));
    }

    private sealed class ProvinceClock(DateTimeOffset utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;

        public override TimeZoneInfo LocalTimeZone => Province;
    }
}
