namespace SecrecyDuty.Web.Pages.Leaders;

/// <summary>What the leader and posting field partials read from the view data besides their model.</summary>
public static class LeaderFormData
{
    /// <summary>The units offered in the unit pickers (a list of <c>UnitChoice</c>).</summary>
    public const string UnitsKey = "LeaderForm.Units";
}
