using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure.Input;

/// <summary>
/// A posted value that does not bind ("abc" for a number, 2026-02-30 for a date, 999 for a grade) leaves its property
/// null or unchanged, and a handler that went on to call its service would save that silently. This filter stands
/// between binding and every POST handler: when a value the person typed could not be read, the handler never runs;
/// the page is shown again, as its GET handler builds it, with the error beside the field (the form's fields show what
/// was posted, since the tag helpers read the posted values from ModelState). Errors on empty values are left to the
/// service's validators, which say what to choose. A value of the address that does not bind (<c>?fileId=abc</c>) has no
/// field to be shown beside: the request is answered 400.
/// </summary>
public sealed class UnboundInputFilter(
    ParameterBinder parameterBinder,
    IModelBinderFactory binderFactory,
    IModelMetadataProvider metadataProvider,
    IOptions<MvcOptions> mvcOptions,
    IStringLocalizer<Messages> l) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
            || context.HandlerMethod is null || !HasUnboundValue(context.ModelState))
        {
            await next();
            return;
        }

        // A value of the address (a route value or the query: an id, a year, a page), which nobody types into the form,
        // that does not bind is a broken or forged request: there is no field to show the message beside.
        if (UnboundKeys(context.ModelState).Any(key => !PostedInForm(context.HttpContext.Request, key)))
        {
            context.Result = new BadRequestResult();
            return;
        }

        // Also above the form, for a value whose field the page does not show (a hidden id).
        context.ModelState.AddModelError(string.Empty, l["Nothing was saved: some values could not be read. Correct them and save again."]);
        context.Result = await ShowPageAgainAsync(context);
    }

    /// <summary>True when a value that was posted (not left empty) could not be bound.</summary>
    public static bool HasUnboundValue(ModelStateDictionary modelState) => UnboundKeys(modelState).Any();

    private static IEnumerable<string> UnboundKeys(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.Where(e => e.Value is { Errors.Count: > 0 } entry && !string.IsNullOrWhiteSpace(entry.AttemptedValue)).Select(e => e.Key);
    }

    private static bool PostedInForm(HttpRequest request, string key) => request.HasFormContentType && request.Form.ContainsKey(key);

    private async Task<IActionResult> ShowPageAgainAsync(PageHandlerExecutingContext context)
    {
        var get = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(h.Name));
        if (get is null)
        {
            return new BadRequestResult();
        }

        var arguments = new object?[get.Parameters.Count];
        var valueProvider = await CompositeValueProvider.CreateAsync(context, mvcOptions.Value.ValueProviderFactories);
        for (var i = 0; i < get.Parameters.Count; i++)
        {
            var parameter = get.Parameters[i];
            if (context.HandlerArguments.TryGetValue(parameter.Name, out var bound))
            {
                arguments[i] = bound;
                continue;
            }

            var metadata = metadataProvider is ModelMetadataProvider provider
                ? provider.GetMetadataForParameter(parameter.ParameterInfo)
                : metadataProvider.GetMetadataForType(parameter.ParameterType);
            var binder = binderFactory.CreateBinder(new ModelBinderFactoryContext { BindingInfo = parameter.BindingInfo, Metadata = metadata, CacheToken = parameter });
            var result = await parameterBinder.BindModelAsync(context, binder, valueProvider, parameter, metadata, value: null, container: null);
            arguments[i] = result.IsModelSet ? result.Model
                : parameter.ParameterInfo.HasDefaultValue ? parameter.ParameterInfo.DefaultValue
                : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
        }

        object? returned;
        try
        {
            returned = get.MethodInfo.Invoke(context.HandlerInstance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        if (returned is Task task)
        {
            await task;
            returned = get.MethodInfo.ReturnType.IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }

        return returned as IActionResult ?? new PageResult();
    }
}
