using System.Globalization;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;
using SecrecyDuty.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// Issue 11: journey 1 (docs/domain.md) with the keyboard alone. The unit leader signs in, sees that this half-year's
/// report of the secrecy organization is not recorded yet, records it and sees the unit compliant, moving the focus only
/// with Tab, Shift+Tab and the skip link "跳到主要内容", and working every control (the unit picker, the date, a
/// checkbox, the buttons) with Enter, Space, the arrow keys and typing. The focus shows wherever it lands.
/// </summary>
public sealed class KeyboardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_unit_leader_records_the_half_year_report_with_the_keyboard_alone()
    {
        var page = await app.NewPageAsync();
        var keys = new KeyboardUser(page);
        await page.GotoAsync("/Account/Login");

        // The sign-in form puts the focus on the user name.
        Assert.True(await keys.FocusIsOnAsync("#Input_UserName"), $"The sign-in page opens with the focus on {await keys.FocusedAsync()}.");
        await keys.TypeAsync("leader");
        await keys.TabAndTypeAsync("#Input_Password", DemoProvinceSeeder.DemoPassword);
        await keys.PressAndWaitForNewPageAsync("Enter");
        var home = new HomePage(page);
        await Expect(home.UnitLeaderHeading).ToBeVisibleAsync();
        await Expect(home.HalfYearBriefing).Not.ToHaveAttributeAsync("data-state", "Met");

        // The skip link is the first stop of every page, shown when the keyboard reaches it.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#skip-to-main")).ToBeFocusedAsync();
        await Expect(page.Locator("#skip-to-main")).ToHaveTextAsync("跳到主要内容");
        await home.ScreenshotAsync("05-keyboard-skip-link");
        await keys.PressAsync("Enter");
        await keys.TabToAsync("#record-briefing");
        await keys.PressAndWaitForNewPageAsync("Enter");

        // The form opens for a report in the leader's unit, dated today, the leader ticked as present.
        var form = new ActivityForm(page);
        await Expect(form.Form).ToBeVisibleAsync();
        await Expect(page.Locator("#activity-kind")).ToHaveValueAsync("Briefing");
        await keys.SkipToMainContentAsync();

        // The unit is chosen again in the search-as-you-type picker: typed, the match reached with the arrow key, Enter.
        // Choosing it shows the leadership of that unit on the date (the form goes back to the server and returns).
        await keys.TabToAsync("#Input_UnitId_search");
        await keys.PressAsync("Control+A");
        await page.RunAndWaitForResponseAsync(
            () => keys.TypeAsync("教育厅"),
            r => r.Url.Contains("/Lookup/Units", StringComparison.Ordinal) && Uri.UnescapeDataString(r.Url).Contains("term=教育厅", StringComparison.Ordinal));
        await Expect(page.Locator("#Input_UnitId_search_list [role=option]").First).ToBeVisibleAsync();
        await keys.PressAsync("ArrowDown");
        await Expect(page.Locator("#Input_UnitId_search")).ToHaveAttributeAsync("aria-activedescendant", "Input_UnitId_search_option_0");
        await keys.PressAndWaitForNewPageAsync("Enter");
        await Expect(page.Locator("#Input_UnitId_search")).ToHaveValueAsync("SF-JYT 示范省教育厅");

        // The date, typed segment by segment in the order the browser shows them.
        var today = DateOnly.FromDateTime(DateTime.Now);
        await keys.SkipToMainContentAsync();
        await keys.TabToAsync("#Input_Date");
        await keys.TypeDateAsync(today);
        await Expect(page.Locator("#Input_Date")).ToHaveValueAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The leadership on that date, by the button; then one more member ticked with Space.
        await keys.TabToAsync("#refresh-attendees");
        await keys.PressAndWaitForNewPageAsync("Enter");
        await Expect(form.PresentAttendees).Not.ToHaveCountAsync(0);
        var present = await form.PresentAttendees.CountAsync();
        await keys.SkipToMainContentAsync();
        await keys.TabToAsync("#attendees input.attendee:not(:checked)");
        await keys.PressAsync("Space");
        await Expect(form.PresentAttendees).ToHaveCountAsync(present + 1);

        await keys.TabAndTypeAsync("#Input_Title", "下半年听取保密组织的情况汇报");
        await keys.TabAndTypeAsync("#Input_Presenters", "厅保密办主任");
        await keys.TabAndTypeAsync("#Input_Topics", "下半年保密工作情况；保密自查发现的问题及整改");
        await keys.TabAndTypeAsync("#Input_Decisions", "同意保密办的整改安排，年底前完成复查");

        // Back up with Shift+Tab to check the title, then on to the button that records the report.
        await keys.TabToAsync("#Input_Title", backwards: true);
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("下半年听取保密组织的情况汇报");
        await keys.TabToAsync("#save-activity");
        await keys.PressAndWaitForNewPageAsync("Enter");
        await Expect(page).ToHaveURLAsync(ActivityForm.DetailsUrl());
        await Expect(page.Locator("main")).ToContainTextAsync("下半年听取保密组织的情况汇报");

        // Home by the top bar's first link: the report is heard and nothing is overdue.
        await keys.TabToAsync("a.navbar-brand");
        await keys.PressAndWaitForNewPageAsync("Enter");
        await Expect(home.HalfYearBriefing).ToHaveAttributeAsync("data-state", "Met");
        await Expect(home.UnitCompliant).ToBeVisibleAsync();
    }
}
