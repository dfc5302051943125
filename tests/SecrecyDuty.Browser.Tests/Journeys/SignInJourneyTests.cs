using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;

namespace SecrecyDuty.Browser.Tests.Journeys;

public sealed class SignInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_leader_signs_in_in_Chinese_switches_to_English_and_signs_out()
    {
        var page = await app.NewPageAsync();

        // Signed out, the home page shows the sign-in form.
        await page.GotoAsync("/");
        var login = new LoginPage(page);
        await Assertions.Expect(login.Heading).ToHaveTextAsync("登录");
        await login.FillAsync("leader");
        await login.ScreenshotAsync("01-sign-in-zh");
        var home = await login.SubmitAsync();

        await Assertions.Expect(home.UnitLeaderHeading).ToHaveTextAsync("您作为单位领导的保密职责");
        await Assertions.Expect(home.Document).ToHaveAttributeAsync("lang", "zh-CN");
        await home.ScreenshotAsync("02-home-unit-leader-zh");

        await home.SwitchToEnglishAsync();
        await Assertions.Expect(home.UnitLeaderHeading).ToHaveTextAsync("Your duties as a unit leader");
        await Assertions.Expect(home.Document).ToHaveAttributeAsync("lang", "en");
        await home.ScreenshotAsync("03-home-unit-leader-en");

        login = await home.SignOutAsync();
        await Assertions.Expect(login.Heading).ToHaveTextAsync("Sign in");
        await Assertions.Expect(login.StatusMessage).ToHaveTextAsync("You have signed out.");
        await login.ScreenshotAsync("04-signed-out-en");

        await page.GotoAsync("/Units");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }
}
