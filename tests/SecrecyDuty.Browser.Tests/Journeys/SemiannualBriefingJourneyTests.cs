using System.Globalization;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// docs/domain.md journey 1: a unit leader signs in, sees that hearing the secrecy organization's report is missing
/// for this half-year (the province's practice), records it (date, presenter, attendees, topics, decisions), and
/// sees the unit turn compliant for the year.
/// </summary>
public sealed class SemiannualBriefingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_unit_leader_records_the_missing_half_year_briefing_and_the_unit_turns_compliant()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_UserName").FillAsync("leader");
        await page.Locator("#Input_Password").FillAsync(DemoProvinceSeeder.DemoPassword);
        await page.Locator("#sign-in").ClickAsync();

        var briefing = page.Locator("#leader-half-briefing");
        await Assertions.Expect(briefing).Not.ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(page.Locator("#unit-gaps")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "20-leader-briefing-missing");

        await page.Locator("#record-briefing").ClickAsync();
        await Assertions.Expect(page.Locator("#activity-form")).ToBeVisibleAsync();
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator("#Input_Date").FillAsync(today);
        await page.Locator("#Input_Title").FillAsync("下半年听取保密组织的情况汇报");
        await page.Locator("#Input_Presenters").FillAsync("厅保密办主任");
        await page.Locator("#Input_Topics").FillAsync("下半年保密工作情况；保密自查发现的问题及整改");
        await page.Locator("#Input_Decisions").FillAsync("同意保密办的整改安排，年底前完成复查");

        // The leader's own posting is ticked as present; the attendee list follows the chosen date.
        await page.Locator("#refresh-attendees").ClickAsync();
        await Assertions.Expect(page.Locator("#attendees input[type=checkbox]:checked")).Not.ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "21-leader-records-briefing");
        await page.Locator("#save-activity").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Activities/Details/\\d+"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("下半年听取保密组织的情况汇报");

        await page.GotoAsync("/");
        await Assertions.Expect(briefing).ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(page.Locator("#unit-compliant")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "22-leader-unit-compliant");
    }
}
