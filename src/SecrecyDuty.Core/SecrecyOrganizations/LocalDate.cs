namespace SecrecyDuty.Core.SecrecyOrganizations;

internal static class LocalDate
{
    /// <summary>Today's date where the server runs (the province), from the injected clock so tests can set it.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
