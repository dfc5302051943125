using Microsoft.AspNetCore.Mvc.ModelBinding;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure.Input;

/// <summary>
/// Every string a form or query binds passes here, so that no page or service has to remember it: control characters
/// (a NUL byte was stored through the forms) and bidirectional overrides are stripped (<see cref="Text.StripUnsafe"/>);
/// otherwise it binds as MVC's own binder does (blank is null unless the property says otherwise).
/// </summary>
public sealed class SafeTextModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        // The form shown again after an error shows the cleaned text too.
        var value = Text.StripUnsafe(values.FirstValue ?? "");
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value, value);
        bindingContext.Result = ModelBindingResult.Success(
            bindingContext.ModelMetadata.ConvertEmptyStringToNull && string.IsNullOrWhiteSpace(value) ? null : value);
        return Task.CompletedTask;
    }
}

/// <summary>Gives every string bound from a form, a query or a route the binder above.</summary>
public sealed class SafeTextModelBinderProvider : IModelBinderProvider
{
    private static readonly SafeTextModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Greedy sources (body, header, services) bind by their own binders; forms, queries and routes come here.
        return context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource is not { IsGreedy: true } ? Binder : null;
    }
}
