using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure.Input;

/// <summary>
/// MVC's binding messages ("The value 'abc' is not valid for To.") are English and name the property; these are
/// localized at the time of the request and shown beside the field, so they need not name it.
/// </summary>
public sealed class LocalizedBindingMessages(IStringLocalizer<Messages> l) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => NotValid(value));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(NotValid);
        messages.SetValueIsInvalidAccessor(NotValid);
        messages.SetUnknownValueIsInvalidAccessor(_ => l["The value is not valid."]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value is not valid."]);
        messages.SetValueMustNotBeNullAccessor(_ => l["A value is required."]);
        messages.SetMissingBindRequiredValueAccessor(_ => l["A value is required."]);
        messages.SetMissingKeyOrValueAccessor(() => l["A value is required."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["A value is required."]);
        messages.SetValueMustBeANumberAccessor(_ => l["Enter a number."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Enter a number."]);
    }

    /// <summary>The longest part of a value the message repeats: a pasted page of text is not echoed whole.</summary>
    public const int ShownValueLength = 50;

    private string NotValid(string value) =>
        l["The value “{0}” is not valid.", value.Length > ShownValueLength ? value[..ShownValueLength] + "…" : value];
}
