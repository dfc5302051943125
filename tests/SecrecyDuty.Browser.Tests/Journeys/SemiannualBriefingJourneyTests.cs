using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;

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
        var login = await LoginPage.OpenAsync(await app.NewPageAsync());
        var home = await login.SignInAsync("leader");

        // The half-year report is the province's practice; before its due date it is outstanding, never "missing".
        await Assertions.Expect(home.HalfYearBriefing).Not.ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(home.UnitDue).ToContainTextAsync("本省做法");
        await home.ScreenshotAsync("20-leader-briefing-missing");

        var form = await home.RecordBriefingAsync();
        await Assertions.Expect(form.Form).ToBeVisibleAsync();
        await form.FillAsync(
            DateOnly.FromDateTime(DateTime.Now),
            title: "下半年听取保密组织的情况汇报",
            presenters: "厅保密办主任",
            topics: "下半年保密工作情况；保密自查发现的问题及整改",
            decisions: "同意保密办的整改安排，年底前完成复查");

        // The leader's own posting is ticked as present; the attendee list follows the chosen date.
        await form.RefreshAttendeesAsync();
        await Assertions.Expect(form.PresentAttendees).Not.ToHaveCountAsync(0);
        await form.ScreenshotAsync("21-leader-records-briefing");
        var details = await form.SaveAsync();

        await Assertions.Expect(details.Page).ToHaveURLAsync(ActivityForm.DetailsUrl());
        await Assertions.Expect(details.Main).ToContainTextAsync("下半年听取保密组织的情况汇报");

        home = await HomePage.OpenAsync(details.Page);
        await Assertions.Expect(home.HalfYearBriefing).ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(home.UnitCompliant).ToBeVisibleAsync();
        await Assertions.Expect(home.UnitDueMentioning("本省做法")).ToHaveCountAsync(0);
        await home.ScreenshotAsync("22-leader-unit-compliant");
    }
}
