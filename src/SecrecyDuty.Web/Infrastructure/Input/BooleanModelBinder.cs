using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SecrecyDuty.Web.Infrastructure.Input;

/// <summary>
/// A checkbox posts "true" (and its hidden "false"). MVC's binder refused "abc" too, but kept "abc" as the field's raw
/// value, which the checkbox tag helper then converts back to a bool to draw the box: a FormatException and a 500 where
/// the form was to be shown again with the error. Here a bool binds from true or false only; any other value is an error
/// beside the field, and the box is drawn as the model holds it.
/// </summary>
public sealed class BooleanModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var metadata = bindingContext.ModelMetadata;
        var text = values.FirstValue;
        if (string.IsNullOrWhiteSpace(text) && metadata.IsReferenceOrNullableType)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (bool.TryParse(text?.Trim(), out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        // No raw value: the checkbox is drawn from the model, the posted text is kept for the message and the unbound-input filter.
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: text ?? "");
        bindingContext.ModelState.TryAddModelError(
            bindingContext.ModelName,
            string.IsNullOrWhiteSpace(text)
                ? metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? "")
                : metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, metadata.DisplayName ?? metadata.Name ?? ""));
        return Task.CompletedTask;
    }
}

/// <summary>Gives every bool (and bool?) the binder above.</summary>
public sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    private static readonly BooleanModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(bool) && context.BindingInfo.BindingSource is not { IsGreedy: true } ? Binder : null;
    }
}
