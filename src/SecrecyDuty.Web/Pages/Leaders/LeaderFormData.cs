namespace SecrecyDuty.Web.Pages.Leaders;

/// <summary>What the leader and posting field partials read from the view data besides their model.</summary>
public static class LeaderFormData
{
    /// <summary>
    /// The units the form's unit pickers have chosen (a list of <c>UnitChoice</c>), to show in their boxes: the pickers
    /// search as one types (Pages/Shared/_UnitPicker.cshtml), no form lists every unit.
    /// </summary>
    public const string UnitsKey = "LeaderForm.Units";
}
