using System.Text.Json;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Auditing;

/// <summary>
/// Entries for what leaves the system as a file (issue 14, "every export and download" in the trail): an exported list and
/// a downloaded evidence file. They are written by the request that hands the file out, before the file goes, so that a
/// file the trail cannot record is not handed out.
/// </summary>
public static class HandOutAudit
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A stored file downloaded: the entry names the file and takes the unit of the record it belongs to.</summary>
    public static async Task RecordDownloadAsync(ISecrecyDutyDb db, ICurrentUser user, DateTime atUtc, EvidenceHandOut file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        db.AuditEntries.Add(Entry(user, atUtc, AuditAction.Download, "EvidenceFile", file.FileId.ToString(System.Globalization.CultureInfo.InvariantCulture), file.UnitId,
            new AuditChange("FileName", null, file.FileName)));
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static AuditEntry Entry(ICurrentUser user, DateTime atUtc, AuditAction action, string entityType, string entityId, int? unitId, params AuditChange[] changes) => new()
    {
        AtUtc = atUtc,
        UserId = user.IsAuthenticated ? user.UserId : null,
        UserName = user.IsAuthenticated ? user.UserName ?? "" : "(system)",
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        UnitId = unitId,
        Changes = JsonSerializer.Serialize(changes, Json),
    };
}

/// <summary>An evidence file found for download, with what its audit entry needs.</summary>
public sealed record EvidenceHandOut(int FileId, int UnitId, string FileName);

/// <summary>Records exports of lists (CSV, Excel) for the pages that offer them.</summary>
public sealed class ExportAuditService(ISecrecyDutyDb db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// One entry for an exported list: which list (the page), the file's name and the query that chose its rows. The entry
    /// is under the account's own unit: an export holds what the account's jurisdiction shows.
    /// </summary>
    public async Task RecordAsync(string list, string fileName, string? query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        ArgumentNullException.ThrowIfNull(fileName);
        AccessDeniedException.ThrowUnless(user.IsAuthenticated);
        db.AuditEntries.Add(HandOutAudit.Entry(user, clock.GetUtcNow().UtcDateTime, AuditAction.Export, "Export", list, user.UnitId,
            new AuditChange("FileName", null, fileName),
            new AuditChange("Query", null, string.IsNullOrEmpty(query) ? null : query[..Math.Min(query.Length, 1000)])));
        await db.SaveChangesAsync(cancellationToken);
    }
}
