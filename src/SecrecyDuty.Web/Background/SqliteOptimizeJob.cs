using Quartz;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// Runs <c>PRAGMA optimize</c> on the embedded database every few hours (<see cref="SqliteStatistics"/>), so that the
/// planner's statistics follow the province as it grows without a restart. Registered on SQLite only.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SqliteOptimizeJob(IServiceScopeFactory scopes, ILogger<SqliteOptimizeJob> logger) : IJob
{
    public static readonly JobKey Key = new("sqlite-optimize", "secrecyduty");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await SqliteStatistics.OptimizeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), atStartup: false, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // A busy database (a long import writing) is no reason to fail the scheduler: the next run catches up.
            Failed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PRAGMA optimize did not run; the next run will try again.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
