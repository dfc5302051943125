using Microsoft.AspNetCore.Mvc.ModelBinding;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Puts a service's errors beside the fields of the bound input named <paramref name="prefix"/>.</summary>
    public static void AddResultErrors(this ModelStateDictionary modelState, Result result, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? string.Empty : string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, error.Message);
        }
    }
}
