using Microsoft.AspNetCore.Mvc;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// How every uploaded file goes back out (activity evidence, rectification reports, score sheets): always as a
/// download, never shown or run in the app's origin (docs/security.md, "Uploads").
/// </summary>
public static class EvidenceDownloads
{
    /// <summary>
    /// The file as an attachment with its name in RFC 6266 / RFC 5987 form (<c>filename*=UTF-8''…</c>), with the type
    /// recognized at upload (an unknown stored type goes out as an opaque one), and headers that keep a browser from
    /// guessing another type (<c>nosniff</c>), from running anything in it (a sandboxing CSP) and from keeping a copy.
    /// </summary>
    public static FileContentResult File(HttpResponse response, EvidenceDownload file)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(file);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.CacheControl = "no-store";
        return new FileContentResult(file.Content, EvidenceFileTypes.ServedContentType(file.ContentType))
        {
            FileDownloadName = SafeName(file.FileName),
        };
    }

    /// <summary>The stored name without control or bidirectional characters nor folders (names stored before these were stripped, too).</summary>
    public static string SafeName(string? fileName)
    {
        var name = Text.StripUnsafe(fileName ?? "", keepLineBreaks: false);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return name.Length == 0 ? "evidence" : name;
    }
}
