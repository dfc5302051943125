using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure.Input;

/// <summary>
/// MVC gives every non-nullable value type an implicit [Required] whose message, written into the page for the browser's
/// validation (<c>data-val-required</c>), is the English "The IsPartyMember field is required." (issue 11: no English in
/// the Chinese pages). A checkbox is never missing (it is on or off), so it loses the rule; any other field says "A value
/// is required." in the page's language. Rules written on purpose (with a message) are left as they are.
/// </summary>
internal sealed class LocalizedImplicitRequired(IStringLocalizer<Messages> l) : IClientModelValidatorProvider
{
    public void CreateValidators(ClientValidatorProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var i = context.Results.Count - 1; i >= 0; i--)
        {
            if (context.Results[i].Validator is not RequiredAttributeAdapter { Attribute: { ErrorMessage: null, ErrorMessageResourceName: null } })
            {
                continue;
            }

            if (context.ModelMetadata.UnderlyingOrModelType == typeof(bool))
            {
                context.Results.RemoveAt(i);
            }
            else
            {
                context.Results[i] = new ClientValidatorItem { Validator = new Required(l), IsReusable = true };
            }
        }
    }

    private sealed class Required(IStringLocalizer<Messages> l) : IClientModelValidator
    {
        public void AddValidation(ClientModelValidationContext context)
        {
            context.Attributes.TryAdd("data-val", "true");
            context.Attributes["data-val-required"] = l["A value is required."];
        }
    }
}

/// <summary>Puts <see cref="LocalizedImplicitRequired"/> after the data-annotation provider, which MVC's own setup adds first.</summary>
internal sealed class LocalizedClientValidation(IStringLocalizer<Messages> l) : IConfigureOptions<MvcViewOptions>
{
    public void Configure(MvcViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ClientModelValidatorProviders.Add(new LocalizedImplicitRequired(l));
    }
}
