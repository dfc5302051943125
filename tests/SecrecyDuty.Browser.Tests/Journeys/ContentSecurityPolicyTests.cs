using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// Issue 14, security headers: the pages whose forms use scripts (the unit picker, the kind switch, the first posting,
/// the charts, the print button) run them under the Content-Security-Policy without the browser refusing anything.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task The_pages_with_scripts_raise_no_content_security_policy_violation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await (await LoginPage.OpenAsync(page)).SignInAsync("officer");

        foreach (var url in new[] { "/", "/Compliance", "/Leaders/Create", "/Activities/Create", "/Inspections/Create", "/Import", "/Units/Create", "/Account/TwoFactor" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // The first posting's fields follow their checkbox: the script ran.
        await page.GotoAsync("/Leaders/Create");
        await page.Locator("#Input_AddFirstPosting").UncheckAsync();
        await Assertions.Expect(page.Locator("#first-posting-fields")).ToBeHiddenAsync();
        await page.Locator("#Input_AddFirstPosting").CheckAsync();
        await Assertions.Expect(page.Locator("#first-posting-fields")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
