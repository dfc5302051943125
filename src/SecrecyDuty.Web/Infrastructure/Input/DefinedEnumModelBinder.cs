using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SecrecyDuty.Web.Infrastructure.Input;

/// <summary>
/// MVC's enum binding parses "1,2" as a combination of flags even for an enum that is not [Flags], so it binds as the
/// value 3 when 3 happens to be defined (an appraisal grade, a unit kind). Here a non-[Flags] enum accepts exactly one
/// defined value, by name or by number; anything else is a binding error beside the field.
/// </summary>
public sealed class DefinedEnumModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
        var metadata = bindingContext.ModelMetadata;
        var text = values.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (metadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, metadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text ?? ""));
            }

            return Task.CompletedTask;
        }

        if (TryParse(metadata.UnderlyingOrModelType, text, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, metadata.DisplayName ?? metadata.Name ?? ""));
        }

        return Task.CompletedTask;
    }

    /// <summary>One defined value of <paramref name="enumType"/>, by name (any case) or number; never a list.</summary>
    public static bool TryParse(Type enumType, string text, out object? value)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        if (text.Contains(',', StringComparison.Ordinal) || !Enum.TryParse(enumType, text.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(enumType, parsed!))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}

/// <summary>Gives every enum that is not [Flags] the strict binder above.</summary>
public sealed class DefinedEnumModelBinderProvider : IModelBinderProvider
{
    private static readonly DefinedEnumModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.IsEnum && !context.Metadata.IsFlagsEnum ? Binder : null;
    }
}
