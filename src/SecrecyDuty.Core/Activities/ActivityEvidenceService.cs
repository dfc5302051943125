using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Activities;

/// <summary>
/// Evidence files of an activity. The bytes go into the database beside the record (<see cref="EvidenceContent"/>),
/// so that one database backup holds them; a file is accepted only when its content is one of
/// <see cref="EvidenceFileTypes"/> and its name says the same.
/// </summary>
public sealed class ActivityEvidenceService(
    ISecrecyDutyDb db,
    Jurisdiction jurisdiction,
    ICurrentUser user,
    IStringLocalizer<Messages> l,
    TimeProvider clock)
{
    /// <summary>The field the upload's errors are reported on.</summary>
    public const string Field = "Evidence";

    /// <summary>Adds files to an activity, all or none. Null when the activity does not exist or the account may not change it.</summary>
    public async Task<Result?> AddAsync(int activityId, IReadOnlyList<EvidenceUpload> uploads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ActivityAccess.RequireRecorder(user);
        var writable = ActivityAccess.WritableUnitIds(db, jurisdiction, user);
        if (!await db.Activities.AnyAsync(a => a.Id == activityId && writable.Contains(a.UnitId), cancellationToken))
        {
            return null;
        }

        if (uploads.Count == 0)
        {
            return Result.Failure(new FieldError(Field, l["Choose at least one file to upload."]));
        }

        var intake = await EvidenceIntake.ReadAsync(uploads, Field, l, user.UserName ?? user.UserId ?? "", clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (intake.Errors.Count > 0)
        {
            return Result.Failure([.. intake.Errors]);
        }

        foreach (var file in intake.Files)
        {
            file.ActivityId = activityId;
            db.EvidenceFiles.Add(file);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The file to download; null when it is not the activity's, or the activity lies outside the jurisdiction.</summary>
    public async Task<EvidenceDownload?> GetAsync(int activityId, int fileId, CancellationToken cancellationToken = default)
    {
        var visible = jurisdiction.UnitIds();
        var file = await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.ActivityId == activityId && db.Activities.Any(a => a.Id == activityId && visible.Contains(a.UnitId)))
            .Select(f => new { Download = new EvidenceDownload(f.FileName, f.ContentType, f.Content!.Bytes), UnitId = db.Activities.Where(a => a.Id == activityId).Select(a => a.UnitId).Single() })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        await HandOutAudit.RecordDownloadAsync(db, user, clock.GetUtcNow().UtcDateTime, new EvidenceHandOut(fileId, file.UnitId, file.Download.FileName), cancellationToken);
        return file.Download;
    }

    /// <summary>Removes a file and its content; the value is its name. Null when not found or the account may not change the activity.</summary>
    public async Task<string?> RemoveAsync(int activityId, int fileId, CancellationToken cancellationToken = default)
    {
        ActivityAccess.RequireRecorder(user);
        var writable = ActivityAccess.WritableUnitIds(db, jurisdiction, user);
        var file = await db.EvidenceFiles
            .Where(f => f.Id == fileId && f.ActivityId == activityId && db.Activities.Any(a => a.Id == activityId && writable.Contains(a.UnitId)))
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        // The content row goes with it (cascade in the database).
        db.EvidenceFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        return file.FileName;
    }
}

/// <summary>Reads uploaded files, checks each (size, content type, name), and builds the evidence records: all files are checked and every problem reported.</summary>
internal static class EvidenceIntake
{
    private const long Megabyte = 1024 * 1024;

    public sealed record Outcome(IReadOnlyList<EvidenceFile> Files, IReadOnlyList<FieldError> Errors);

    public static async Task<Outcome> ReadAsync(
        IReadOnlyList<EvidenceUpload> uploads,
        string field,
        IStringLocalizer<Messages> l,
        string uploadedBy,
        DateTime atUtc,
        CancellationToken cancellationToken)
    {
        if (uploads.Count > EvidenceFileTypes.MaxFilesPerUpload)
        {
            return new Outcome([], [new FieldError(field, l["Choose at most {0} files at a time.", EvidenceFileTypes.MaxFilesPerUpload])]);
        }

        var files = new List<EvidenceFile>();
        var errors = new List<FieldError>();
        foreach (var upload in uploads)
        {
            var (file, problem) = await ReadOneAsync(upload, l, uploadedBy, atUtc, cancellationToken);
            if (file is not null)
            {
                files.Add(file);
            }
            else
            {
                errors.Add(new FieldError(field, problem!));
            }
        }

        return new Outcome(files, errors);
    }

    private static async Task<(EvidenceFile? File, string? Problem)> ReadOneAsync(
        EvidenceUpload upload,
        IStringLocalizer<Messages> l,
        string uploadedBy,
        DateTime atUtc,
        CancellationToken cancellationToken)
    {
        var name = FileNameOf(upload.FileName);
        if (name.Length == 0)
        {
            return (null, l["A file has no name: give it a name and choose it again."]);
        }

        if (name.Length > EvidenceFileTypes.MaxFileNameLength)
        {
            return (null, l["A file name has at most {0} characters: rename {1} and choose it again.", EvidenceFileTypes.MaxFileNameLength, name[..40] + "…"]);
        }

        // The announced size is checked first, then the bytes actually read: a client may announce anything.
        var tooLarge = l["{0} is larger than {1} MB: make it smaller or split it.", name, EvidenceFileTypes.MaxSize / Megabyte].Value;
        if (upload.Size > EvidenceFileTypes.MaxSize)
        {
            return (null, tooLarge);
        }

        var bytes = await ReadAtMostAsync(upload.Content, EvidenceFileTypes.MaxSize + 1, cancellationToken);
        if (bytes.Length > EvidenceFileTypes.MaxSize)
        {
            return (null, tooLarge);
        }

        if (bytes.Length == 0)
        {
            return (null, l["{0} is empty: choose the right file.", name]);
        }

        var type = EvidenceFileTypes.Detect(bytes);
        if (type is null)
        {
            return (null, l["{0} is not a PDF, a PNG or JPEG image, a DOCX or XLSX document, an OFD file or plain UTF-8 text (its content was checked, not only its name; documents with macros, programs and web pages are refused): only these can be kept as evidence.", name]);
        }

        if (!EvidenceFileTypes.ExtensionMatches(type, name))
        {
            return (null, l["{0} is a {1} file by its content, but its name does not end in {2}: rename it, or choose the right file.", name, type.Name, string.Join(" / ", type.Extensions)]);
        }

        var file = new EvidenceFile
        {
            FileName = name,
            ContentType = type.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAtUtc = atUtc,
            UploadedBy = uploadedBy,
            Content = new EvidenceContent { Bytes = bytes },
        };
        return (file, null);
    }

    /// <summary>
    /// The name without any folder a browser may send with it, nor control or bidirectional characters: a right-to-left
    /// override would show "invoice" + U+202E + "fdp.exe" as "invoiceexe.pdf".
    /// </summary>
    private static string FileNameOf(string? fileName)
    {
        var name = Text.StripUnsafe(fileName ?? "", keepLineBreaks: false);
        return name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes, whatever size was announced: enough to tell that a file is too large.</summary>
    private static async Task<byte[]> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
