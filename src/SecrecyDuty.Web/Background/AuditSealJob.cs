using Quartz;
using SecrecyDuty.Core.Auditing;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// Seals the audit entries written since its last run into the hash chain (<see cref="AuditChainService"/>), every minute, on
/// one instance of the cluster at a time: the chain has one head, so one sealer.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AuditSealJob(IServiceScopeFactory scopes, ILogger<AuditSealJob> logger) : IJob
{
    public static readonly JobKey Key = new("audit-seal", "secrecyduty");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sealedCount = await scope.ServiceProvider.GetRequiredService<AuditChainService>().SealAsync(cancellationToken);
        if (sealedCount > 0)
        {
            Sealed(logger, sealedCount);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit chain: {Count} entries sealed")]
    private static partial void Sealed(ILogger logger, int count);
}
