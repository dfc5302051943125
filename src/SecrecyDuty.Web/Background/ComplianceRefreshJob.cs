using Quartz;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Compliance;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// Judges the stored compliance of the whole province for the dashboard's years (docs/decisions/0022): after midnight,
/// when every row of the year in progress has turned stale with the date, so that the day's first request does not pay
/// for it, every row of those years anew (<see cref="EveryRowKey"/>); at start-up, the stale rows only. Derived data for
/// no account: nothing is audited.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ComplianceRefreshJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ComplianceRefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new("compliance-refresh", "secrecyduty");

    /// <summary>In the trigger's data: judge every row of the years, not only the stale ones.</summary>
    public const string EveryRowKey = "everyRow";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var everyRow = context.MergedJobDataMap.TryGetBoolean(EveryRowKey, out var value) && value;
        await using var scope = scopes.CreateAsyncScope();
        var years = ComplianceJudgementService.TrendYears(LocalDate.Today(clock));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var refresh = await scope.ServiceProvider.GetRequiredService<ComplianceJudgementService>().RefreshAllAsync(years, everyRow, cancellationToken);
        Refreshed(logger, refresh.Today, refresh.Added, refresh.Judged, watch.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compliance judged for {Today}: {Added} rows added, {Judged} judged in {Seconds:0.0} s")]
    private static partial void Refreshed(ILogger logger, DateOnly today, int added, int judged, double seconds);
}
