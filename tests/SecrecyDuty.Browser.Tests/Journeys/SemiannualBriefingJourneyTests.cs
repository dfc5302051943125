using System.Globalization;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// Journey 1 (docs/domain.md): a unit leader signs in, sees that this half-year's report of the secrecy organization
/// is not recorded yet, records it (date, presenter, attendees, topics, decisions), and sees nothing left due for it.
/// </summary>
public sealed class SemiannualBriefingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_unit_leader_records_the_outstanding_half_year_report_and_nothing_is_left_due_for_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_UserName").FillAsync("leader");
        await page.Locator("#Input_Password").FillAsync(DemoProvinceSeeder.DemoPassword);
        await page.Locator("#sign-in").ClickAsync();

        var briefing = page.Locator("#leader-half-briefing");
        // The half-year report is the province's practice; before its due date it is outstanding, never "missing".
        await Assertions.Expect(briefing).Not.ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(page.Locator("#unit-due")).ToContainTextAsync("本省做法");
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
        await Assertions.Expect(page.Locator("#unit-due", new() { HasTextString = "本省做法" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "22-leader-unit-compliant");
    }
}
