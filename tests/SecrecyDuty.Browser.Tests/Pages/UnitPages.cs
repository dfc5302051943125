using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The form that creates a unit (<c>/Units/Create</c>).</summary>
public sealed class UnitForm(IPage page) : AppPage(page)
{
    public static async Task<UnitForm> OpenCreateAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Units/Create");
        return new UnitForm(page);
    }

    /// <summary>
    /// The unit's fields: <paramref name="kind"/> a <c>UnitKind</c> value, <paramref name="level"/> an
    /// <c>AdministrativeLevel</c> value, <paramref name="parent"/> part of the parent unit's name, typed into its picker.
    /// </summary>
    public async Task FillAsync(string code, string name, string kind, string level, string parent)
    {
        await Page.Locator("#Input_Code").FillAsync(code);
        await Page.Locator("#Input_Name").FillAsync(name);
        await Page.Locator("#Input_Kind").SelectOptionAsync(kind);
        await Page.Locator("#Input_Level").SelectOptionAsync(level);
        await PickAsync("Input_ParentId_search", parent, parent);
    }

    public async Task<UnitDetailsPage> SubmitAsync()
    {
        await Page.Locator("#create-unit-form button[type=submit]").ClickAsync();
        return new UnitDetailsPage(Page);
    }
}

/// <summary>A unit's details page (<c>/Units/Details/{id}</c>).</summary>
public sealed partial class UnitDetailsPage(IPage page) : AppPage(page)
{
    /// <summary>The unit's id, from the address (once the page is shown).</summary>
    public string UnitId => UnitIdInUrl().Match(Page.Url).Groups[1].Value;

    [GeneratedRegex(@"/Units/Details/(\d+)")]
    private static partial Regex UnitIdInUrl();
}

/// <summary>A unit's leadership team (<c>/Units/Leadership/{id}</c>): the postings holding today.</summary>
public sealed class UnitLeadershipPage(IPage page) : AppPage(page)
{
    public static async Task<UnitLeadershipPage> OpenAsync(IPage page, string unitId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/Units/Leadership/{unitId}");
        return new UnitLeadershipPage(page);
    }
}

/// <summary>The form of a unit's secrecy organization (<c>/SecrecyOrganizations/Edit/{id}</c>).</summary>
public sealed class SecrecyOrganizationForm(IPage page) : AppPage(page)
{
    public static async Task<SecrecyOrganizationForm> OpenAsync(IPage page, string unitId)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync($"/SecrecyOrganizations/Edit/{unitId}");
        return new SecrecyOrganizationForm(page);
    }

    /// <summary>
    /// The organization's fields: <paramref name="kind"/> a <c>SecrecyOrganizationKind</c> value, <paramref name="chair"/>
    /// part of the chair's name as the drop-down shows it.
    /// </summary>
    public async Task FillAsync(string kind, DateOnly establishedOn, string chair, string officeName)
    {
        await Page.Locator("#Input_Kind").SelectOptionAsync(kind);
        await Page.Locator("#Input_EstablishedOn").FillAsync(establishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await SelectOptionContainingAsync("#Input_ChairLeaderId", chair);
        await Page.Locator("#Input_OfficeName").FillAsync(officeName);
    }

    /// <summary>Fills member row <paramref name="row"/> with a leader of the unit (part of the name, as in the drop-down).</summary>
    public async Task FillMemberAsync(int row, string leader, string name, string position)
    {
        await SelectOptionContainingAsync($"#Input_Members_{row}__LeaderId", leader);
        await Page.Locator($"#Input_Members_{row}__Name").FillAsync(name);
        await Page.Locator($"#Input_Members_{row}__Position").FillAsync(position);
    }

    public async Task FillCadreAsync(int row, string name, string position, bool fullTime)
    {
        await Page.Locator($"#Input_Cadres_{row}__Name").FillAsync(name);
        await Page.Locator($"#Input_Cadres_{row}__Position").FillAsync(position);
        await Page.Locator($"#Input_Cadres_{row}__IsFullTime").SelectOptionAsync(fullTime ? "True" : "False");
    }

    public async Task<SecrecyOrganizationPage> SaveAsync()
    {
        await Page.Locator("#save-organization").ClickAsync();
        return new SecrecyOrganizationPage(Page);
    }
}

/// <summary>A unit's secrecy organization (<c>/SecrecyOrganizations/Details/{id}</c>).</summary>
public sealed class SecrecyOrganizationPage(IPage page) : AppPage(page)
{
    public ILocator Details => Page.Locator("#organization-details");

    public ILocator Cadres => Page.Locator("#cadres-table");

    /// <summary>The page's address for the unit, exactly.</summary>
    public static Regex Url(string unitId) => new($"/SecrecyOrganizations/Details/{unitId}$");
}
