using SecrecyDuty.Core.Activities;
namespace SecrecyDuty.Web.Pages.Activities;

/// <summary>What the activity pages share: the form's view data key, the upload limits, and reading uploaded files.</summary>
public static class ActivityPages
{
    /// <summary>The <c>ActivityForm</c> the field partial reads beside its model.</summary>
    public const string FormKey = "Activity.Form";

    /// <summary>
    /// The largest request that carries evidence: <see cref="EvidenceFileTypes.MaxFilesPerUpload"/> files of
    /// <see cref="EvidenceFileTypes.MaxSize"/> each, plus 1 MB for the form's other fields. Above Kestrel's default
    /// (about 28.6 MB), so the pages that upload raise it for themselves only.
    /// </summary>
    public const long MaxUploadRequestBytes = (EvidenceFileTypes.MaxFilesPerUpload * EvidenceFileTypes.MaxSize) + (1024 * 1024);

    public static IReadOnlyList<EvidenceUpload> Uploads(IEnumerable<IFormFile> files) =>
        [.. files.Select(f => new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream()))];
}
