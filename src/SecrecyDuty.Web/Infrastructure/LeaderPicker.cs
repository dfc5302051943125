using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// A search-as-you-type leader field (Pages/Shared/_LeaderPicker.cshtml with wwwroot/js/picker.js): the form posts the
/// leader's id under <paramref name="Name"/>; the visible box searches /Lookup/Leaders as the user types.
/// </summary>
public sealed record LeaderPicker(string Name, string Label, LeaderLookupItem? Selected)
{
    public string BoxId => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_') + "_search";
}
