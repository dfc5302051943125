using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecrecyDuty.Web.Infrastructure.Concurrency;

/// <summary>
/// After a handler whose service reported an edit conflict: the page is answered 409 Conflict (with the form and the
/// conflict panel), and its forms carry the stored version instead of the posted one, so that saving again replaces
/// the stored values deliberately. The posted version is dropped from ModelState, which the hidden field would
/// otherwise show again.
/// </summary>
public sealed class EditConflictFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerInstance is not IVersionedForm { Conflict: { } conflict } form)
        {
            return;
        }

        context.ModelState.Remove(nameof(IVersionedForm.Version));
        form.Version = conflict.Version;
        if (context.Result is PageResult page)
        {
            page.StatusCode = StatusCodes.Status409Conflict;
        }
    }
}
