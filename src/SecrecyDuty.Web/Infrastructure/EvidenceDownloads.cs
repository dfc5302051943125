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
    /// <summary>The policy of a download: nothing in it runs, nothing is loaded for it.</summary>
    public const string SandboxPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly object SandboxKey = new();

    /// <summary>
    /// Keeps a download's sandboxing policy over the app-wide one. The security-header middleware writes its policy as the
    /// response starts; a callback registered before it (this middleware sits before it) runs after it and has the last word.
    /// </summary>
    public static IApplicationBuilder UseDownloadSandbox(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Items.ContainsKey(SandboxKey))
                {
                    context.Response.Headers.ContentSecurityPolicy = SandboxPolicy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>Whether the response is an evidence download (its audit entry is its service's).</summary>
    public static bool IsDownload(HttpContext context) => context?.Items.ContainsKey(SandboxKey) == true;

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
        response.Headers.ContentSecurityPolicy = SandboxPolicy;
        response.HttpContext.Items[SandboxKey] = true;
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
