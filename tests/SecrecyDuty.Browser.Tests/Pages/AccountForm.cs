using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The form that creates an account (<c>/Admin/Accounts/Create</c>).</summary>
public sealed class AccountForm(IPage page) : AppPage(page)
{
    /// <summary>
    /// The account's fields; <paramref name="role"/> is a role's name, the unit is chosen in its picker by typing
    /// <paramref name="typed"/> and choosing the match that contains <paramref name="unit"/>.
    /// </summary>
    public async Task FillAsync(string userName, string displayName, string typed, string unit, string role, string? leaderStaffNumber, string password)
    {
        await Page.Locator("#Input_UserName").FillAsync(userName);
        await Page.Locator("#Input_DisplayName").FillAsync(displayName);
        await PickAsync("Input_UnitId_search", typed, unit);
        await Page.Locator("#Input_Role").SelectOptionAsync(role);
        if (leaderStaffNumber is not null)
        {
            await Page.Locator("#Input_LeaderStaffNumber").FillAsync(leaderStaffNumber);
        }

        await Page.Locator("#Input_Password").FillAsync(password);
    }

    /// <summary>Creates the account; the list of accounts opens with the status message.</summary>
    public async Task<AppPage> SubmitAsync()
    {
        await Page.Locator("#create-account-form button[type=submit]").ClickAsync();
        return new AppPage(Page);
    }
}
