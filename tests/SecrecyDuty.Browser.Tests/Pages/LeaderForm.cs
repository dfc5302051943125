using System.Globalization;
using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The form that creates a leader (<c>/Leaders/Create</c>), optionally with a first posting.</summary>
public sealed class LeaderForm(IPage page) : AppPage(page)
{
    public static async Task<LeaderForm> OpenCreateAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Leaders/Create");
        return new LeaderForm(page);
    }

    /// <summary>The leader's fields; <paramref name="rank"/> is a <c>LeaderRank</c> value; the unit is chosen in its picker by code.</summary>
    public async Task FillAsync(string name, string staffNumber, string rank, bool partyMember, string unitCode)
    {
        await Page.Locator("#Input_Name").FillAsync(name);
        await Page.Locator("#Input_StaffNumber").FillAsync(staffNumber);
        await Page.Locator("#Input_Rank").SelectOptionAsync(rank);
        await Page.Locator("#Input_IsPartyMember").SetCheckedAsync(partyMember);
        await PickAsync("Input_UnitId_search", unitCode, unitCode);
    }

    /// <summary>Ticks "add a first posting" and fills it; <paramref name="role"/> is a <c>PostingRole</c> value; the unit is picked by code.</summary>
    public async Task AddFirstPostingAsync(string unitCode, string role, string title, DateOnly from)
    {
        await Page.Locator("#Input_AddFirstPosting").CheckAsync();
        await PickAsync("Input_FirstPosting_UnitId_search", unitCode, unitCode);
        await Page.Locator("#Input_FirstPosting_Role").SelectOptionAsync(role);
        await Page.Locator("#Input_FirstPosting_Title").FillAsync(title);
        await Page.Locator("#Input_FirstPosting_From").FillAsync(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Creates the leader; the leader's details page opens.</summary>
    public async Task<AppPage> SubmitAsync()
    {
        await Page.Locator("#create-leader-submit").ClickAsync();
        return new AppPage(Page);
    }
}
