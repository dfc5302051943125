using FluentValidation;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Import;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// The current account's import jobs, as the import page uses them: start one, import a checked file for real, read
/// their progress. Scoped like a service (the account and the upload form's validator are the request's); the jobs
/// themselves live in the process-wide <see cref="ImportJobRunner"/>.
/// </summary>
public sealed class ImportJobs(ImportJobRunner runner, ICurrentUser user, IValidator<ImportRequest> validator)
{
    /// <summary>Checks the upload form and starts the job; the form's problems come back beside its fields.</summary>
    public async Task<Result<Guid>> StartAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ImportAccess.RequireImporter(user);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        return validation.IsValid ? Result<Guid>.Success(runner.Start(user, request)) : Result<Guid>.Failure(validation);
    }

    /// <summary>Imports for real the file of a dry run that found no problem, without uploading it again; null once done or expired.</summary>
    public Guid? Commit(Guid dryRunId)
    {
        ImportAccess.RequireImporter(user);
        return runner.Commit(user, dryRunId);
    }

    /// <summary>The job, when it is the account's own; null for any other id (nothing is revealed).</summary>
    public ImportJobStatus? Find(Guid id)
    {
        ImportAccess.RequireImporter(user);
        return runner.Find(user.UserId!, id);
    }

    /// <summary>The account's jobs, newest first.</summary>
    public IReadOnlyList<ImportJobStatus> Recent()
    {
        ImportAccess.RequireImporter(user);
        return runner.Recent(user.UserId!);
    }
}
