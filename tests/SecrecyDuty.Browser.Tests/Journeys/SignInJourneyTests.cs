using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Browser.Tests.Journeys;

public sealed class SignInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_leader_signs_in_in_Chinese_switches_to_English_and_signs_out()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await page.Locator("#Input_UserName").FillAsync("leader");
        await page.Locator("#Input_Password").FillAsync(DemoProvinceSeeder.DemoPassword);
        await BrowserApp.ScreenshotAsync(page, "01-sign-in-zh");
        await page.Locator("#sign-in").ClickAsync();

        await Assertions.Expect(page.Locator("#home-unit-leader h2")).ToHaveTextAsync("您作为单位领导的保密职责");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await BrowserApp.ScreenshotAsync(page, "02-home-unit-leader-zh");

        await page.Locator("#lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("#home-unit-leader h2")).ToHaveTextAsync("Your duties as a unit leader");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserApp.ScreenshotAsync(page, "03-home-unit-leader-en");

        await page.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("You have signed out.");
        await BrowserApp.ScreenshotAsync(page, "04-signed-out-en");

        await page.GotoAsync("/Units");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }
}
