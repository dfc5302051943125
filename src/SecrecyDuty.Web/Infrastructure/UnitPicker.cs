using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// A search-as-you-type unit field (Pages/Shared/_UnitPicker.cshtml with wwwroot/js/picker.js): the form posts
/// the unit's id under <paramref name="Name"/>; the visible box searches /Lookup/Units as the user types.
/// </summary>
/// <param name="Name">The posted field, for instance "Input.UnitId".</param>
/// <param name="Label">The field's label.</param>
/// <param name="Selected">The unit chosen so far, shown in the box.</param>
/// <param name="Scope">Which units are offered.</param>
public sealed record UnitPicker(string Name, string Label, UnitLookupItem? Selected, UnitLookupScope Scope = UnitLookupScope.Jurisdiction)
{
    /// <summary>The id of the visible box, derived from the field's name as MVC derives ids.</summary>
    public string BoxId => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_') + "_search";
}
