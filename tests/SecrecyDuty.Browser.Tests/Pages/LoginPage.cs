using Microsoft.Playwright;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The sign-in page (<c>/Account/Login</c>); every page redirects here when nobody is signed in.</summary>
public sealed class LoginPage(IPage page) : AppPage(page)
{
    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        return new LoginPage(page);
    }

    /// <summary>Types the name and the password (a demo account's by default) without submitting.</summary>
    public async Task FillAsync(string userName, string password = DemoProvinceSeeder.DemoPassword)
    {
        await Page.Locator("#Input_UserName").FillAsync(userName);
        await Page.Locator("#Input_Password").FillAsync(password);
    }

    public async Task<HomePage> SubmitAsync()
    {
        await Page.Locator("#sign-in").ClickAsync();
        return new HomePage(Page);
    }

    public async Task<HomePage> SignInAsync(string userName, string password = DemoProvinceSeeder.DemoPassword)
    {
        await FillAsync(userName, password);
        return await SubmitAsync();
    }
}
