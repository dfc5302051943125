using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Core.Import;

/// <summary>
/// Who imports units, leaders and postings: administrators and secrecy officers, within their jurisdiction (issue 3,
/// "Master data", Import; docs/import.md). Unit leaders, discipline officials, supervisors and cadre officials are refused.
/// </summary>
public static class ImportAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Import", nameof(CanImport), "Issue 3, Master data, Import: administrators and secrecy officers", CanImport),
    ];

    /// <summary>Download the templates, check and import files. The account must have an id: an import job has an owner.</summary>
    public static bool CanImport(ICurrentUser user) => Permissions.IsSecrecyOffice(user) && user.UserId is not null;

    public static void RequireImporter(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanImport(user));
}
