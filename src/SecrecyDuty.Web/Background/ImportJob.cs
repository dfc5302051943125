using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Quartz;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// Runs one queued import (<see cref="ImportRun"/>), named by its trigger, on the scheduler (issue 12: the import jobs move
/// onto Quartz). One durable job for every import, <see cref="DisallowConcurrentExecutionAttribute"/>: imports run one at a
/// time in the whole cluster (SQLite has one writer, and two imports of the same codes would only fail each other).
/// The job asks for recovery: when the instance running it dies, Quartz runs it again (another instance of a SQL Server
/// cluster, or this one at its restart); the run then finds itself started already, undoes what the cut-off attempt wrote
/// and starts over, so a restart never leaves half a file written nor loses the upload.
/// It acts for the account that uploaded the file, as the database holds that account now (<see cref="JobAccount"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ImportJob(
    IServiceScopeFactory scopes,
    ImportProgressBoard board,
    IHostApplicationLifetime lifetime,
    IStringLocalizer<Messages> l,
    ILogger<ImportJob> logger) : IJob
{
    public static readonly JobKey Key = new("import", "secrecyduty");

    public const string RunKey = "run";

    /// <summary>A file that was cut off this often (each time taking the process down with it, perhaps) is not tried again.</summary>
    public const int MaxAttempts = 3;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Guid.TryParse(context.MergedJobDataMap.GetString(RunKey), out var runId))
        {
            return;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var owner = await OwnerAsync(runId, stopping.Token);
        if (owner is null)
        {
            // The run was cleared, or its account deleted with it: nothing to do.
            return;
        }

        var (account, culture, locked) = owner.Value;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BackgroundActor>().ActAs(account);
        var runs = scope.ServiceProvider.GetRequiredService<ImportRunService>();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        var watch = Stopwatch.StartNew();
        ImportRun? run = null;
        try
        {
            if (locked)
            {
                await runs.FailAsync(runId, [l["The import was not run: the account that started it is locked."]], CancellationToken.None);
                return;
            }

            run = await runs.StartAsync(runId, stopping.Token);
            if (run is null)
            {
                return;
            }

            if (run.Attempts > 1)
            {
                Resumed(logger, run.Id, run.Attempts);
                if (run.WriteStampUtc is { } stamp && await imports.UndoAsync(stamp, run.Id, stopping.Token) is { } finished)
                {
                    // The cut-off attempt had written everything (its audit entry is there): only the ending was lost.
                    await runs.FinishAsync(run.Id, new ImportReport(run.FileName, DryRun: false, Written: true, finished, []), CancellationToken.None);
                    return;
                }

                if (run.Attempts > MaxAttempts)
                {
                    await runs.FailAsync(run.Id, [l["The import was stopped after it was cut off {0} times. Nothing was written. Tell your administrator when it happened.", MaxAttempts]], CancellationToken.None);
                    return;
                }
            }

            var request = new ImportRequest
            {
                FileName = run.FileName,
                Content = run.Content!,
                CsvSheet = run.CsvSheet,
                DryRun = run.DryRun,
                RunId = run.Id,
                WriteStampUtc = run.WriteStampUtc,
            };
            var result = await imports.ImportAsync(request, board.Track(run.Id), stopping.Token);
            if (result.Succeeded)
            {
                var report = result.Value!;
                await runs.FinishAsync(run.Id, report, CancellationToken.None);
                Finished(logger, account.UserName, report.FileName, report.DryRun, report.Written, report.Counts.Units, report.Counts.Leaders, report.Counts.Postings, report.Errors.Count + report.OmittedProblems, watch.ElapsedMilliseconds);
            }
            else
            {
                await runs.FailAsync(run.Id, [.. result.Errors.Select(e => e.Message)], CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (run is not null)
        {
            // What was written is undone already (ImportService); the upload is kept no longer.
            await runs.FailAsync(run.Id, [l["The import was stopped because the application shut down. Nothing was written."]], CancellationToken.None);
        }
#pragma warning disable CA1031 // A background job has no caller to rethrow to: the failure is logged and shown on its page.
        catch (Exception ex) when (run is not null)
#pragma warning restore CA1031
        {
            Failed(logger, ex, account.UserName, run.FileName);
            await runs.FailAsync(run.Id, [l["The import failed unexpectedly and nothing was written. Tell your administrator when it happened."]], CancellationToken.None);
        }
        finally
        {
            board.Forget(runId);
        }
    }

    /// <summary>
    /// The account the run acts for, its language, and whether it is locked out (then the run fails instead of acting),
    /// read in a scope of their own: the job's scope must know its account before anything is built in it. Null when the
    /// run or its account is gone.
    /// </summary>
    private async Task<(JobAccount Account, CultureInfo Culture, bool Locked)?> OwnerAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ISecrecyDutyDb>();
        var run = await db.ImportRuns.Where(r => r.Id == runId).Select(r => new { r.OwnerId, r.Culture, r.State }).SingleOrDefaultAsync(cancellationToken);
        if (run is null || run.State is ImportRunState.Finished or ImportRunState.Failed)
        {
            return null;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(run.OwnerId) is not { } user)
        {
            return null;
        }

        var account = new JobAccount(user.Id, user.UserName ?? "", user.UnitId, await users.GetRolesAsync(user));
        return (account, SupportedCultureOf(run.Culture), await users.IsLockedOutAsync(user));
    }

    private static CultureInfo SupportedCultureOf(string name) =>
        Infrastructure.SupportedCultures.All.Contains(name, StringComparer.Ordinal) ? new CultureInfo(name) : new CultureInfo(Infrastructure.SupportedCultures.Default);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "Import of {FileName} by {UserName} (dry run {DryRun}, written {Written}): {Units} units, {Leaders} leaders, {Postings} postings, {Problems} problems, {ElapsedMs} ms")]
    private static partial void Finished(ILogger logger, string? userName, string fileName, bool dryRun, bool written, int units, int leaders, int postings, int problems, long elapsedMs);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Import of {FileName} by {UserName} failed")]
    private static partial void Failed(ILogger logger, Exception exception, string? userName, string fileName);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Import {RunId} was cut off and runs again (attempt {Attempt})")]
    private static partial void Resumed(ILogger logger, Guid runId, int attempt);
}
