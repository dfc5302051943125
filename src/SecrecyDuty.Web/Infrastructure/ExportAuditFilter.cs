using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Auditing;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// Puts every exported file in the audit trail (issue 14, finding 8): any handler that answers with a file, except an
/// evidence download (its service records it, with the record's unit). A page that learns to export is covered without
/// code of its own; the entry is written before the file goes, so an export the trail cannot record is not sent.
/// </summary>
internal sealed class ExportAuditFilter(ExportAuditService audit) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is FileResult file && !EvidenceDownloads.IsDownload(context.HttpContext))
        {
            var list = context.ActionDescriptor is CompiledPageActionDescriptor page ? page.ViewEnginePath : context.HttpContext.Request.Path.Value ?? "";
            await audit.RecordAsync(list, file.FileDownloadName, context.HttpContext.Request.QueryString.Value, context.HttpContext.RequestAborted);
        }

        await next();
    }
}
