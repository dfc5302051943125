using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Data;
using static Microsoft.Playwright.Assertions;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>
/// Issue 11, over the demo province: where each role starts and what it reads, as the user guide shows it. The
/// supervisor follows the jurisdiction from the dashboard to the heat map and a unit; the discipline official finds the
/// files awaiting review; the secrecy office opens the import; the administrator creates a leader's account and finds it
/// in the audit trail. The key steps of journeys 1–3 are seen again in English.
/// </summary>
public sealed class RoleTourTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_supervisor_follows_the_jurisdiction_from_the_dashboard_to_the_heat_map_and_a_unit()
    {
        var page = await app.NewPageAsync();
        var home = await (await LoginPage.OpenAsync(page)).SignInAsync("supervisor");
        await Expect(page.Locator("#home-supervisor")).ToBeVisibleAsync();
        await Expect(page.Locator("#compliance-dashboard")).ToBeVisibleAsync();
        await home.ScreenshotAsync("60-supervisor-home");

        // The full heat map: units × requirements (docs/compliance.md); its first unit with a gap.
        await page.Locator("#dash-heat-map-link").ClickAsync();
        await Expect(page.Locator("#heat-map")).ToBeVisibleAsync();
        await home.ScreenshotAsync("61-compliance-heat-map");
        var gap = page.Locator("#heat-map tbody tr[data-compliant=false] th a").First;
        var unitName = await gap.InnerTextAsync();
        await gap.ClickAsync();
        await Expect(home.Heading).ToContainTextAsync(unitName);
        await home.ScreenshotAsync("62-compliance-unit");

        // Read-only: no form records anything for the supervisor.
        await Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_discipline_official_finds_the_incident_files_awaiting_review()
    {
        var page = await app.NewPageAsync();
        var home = await (await LoginPage.OpenAsync(page)).SignInAsync("discipline");
        await Expect(page.Locator("#home-discipline-official")).ToBeVisibleAsync();
        await home.ScreenshotAsync("63-discipline-home");

        var list = await IncidentListPage.OpenAsync(page);
        await Expect(page.Locator("#incidents-table tbody tr[data-status=UnderDisciplineReview]")).Not.ToHaveCountAsync(0);
        await list.ScreenshotAsync("64-incident-list");
    }

    [BrowserFact]
    public async Task A_secrecy_officer_opens_the_import_page_with_its_templates()
    {
        var page = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("officer");
        await page.GotoAsync("/Import");
        await Expect(page.Locator("h1")).ToHaveTextAsync("导入单位、领导干部和任职");
        await BrowserApp.ScreenshotAsync(page, "14-import");
    }

    [BrowserFact]
    public async Task An_administrator_creates_a_unit_leaders_account_and_finds_it_in_the_audit_trail()
    {
        string staffNumber;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            staffNumber = await db.Leaders
                .Where(l => l.Unit!.Code == "SF-JYT" && l.Name != "张教" && l.IsActive && !db.Users.Any(u => u.LeaderId == l.Id))
                .OrderBy(l => l.Id)
                .Select(l => l.StaffNumber!)
                .FirstAsync();
        }

        var page = await app.NewPageAsync();
        await (await LoginPage.OpenAsync(page)).SignInAsync("admin");
        await page.GotoAsync("/Admin/Accounts");
        await Expect(page.Locator("#accounts-table")).ToContainTextAsync("leader");
        await BrowserApp.ScreenshotAsync(page, "70-admin-accounts");

        await page.Locator("#create-account").ClickAsync();
        var form = new AccountForm(page);
        await form.FillAsync("jyt.leader2", "示范省教育厅领导", typed: "教育厅", unit: "SF-JYT 示范省教育厅", role: "UnitLeader", staffNumber, "Guide-Password-2026");
        await BrowserApp.ScreenshotAsync(page, "71-admin-account-create");
        var accounts = await form.SubmitAsync();
        await Expect(accounts.StatusMessage).ToContainTextAsync("jyt.leader2");

        await page.GotoAsync("/Admin/Audit?User=admin");
        await Expect(page.Locator("#audit-table tbody tr").First).ToContainTextAsync("admin");
        await BrowserApp.ScreenshotAsync(page, "72-admin-audit-trail");
    }

    [BrowserFact]
    public async Task The_key_steps_of_the_three_journeys_read_in_English()
    {
        // Journey 1: the leader's form for the report, in English.
        var leader = await NewEnglishPageAsync("leader");
        await new HomePage(leader).RecordBriefingAsync();
        await Expect(leader.Locator("h1")).ToHaveTextAsync("Record an activity");
        await BrowserApp.ScreenshotAsync(leader, "90-en-leader-records-report");

        // Journey 2: the secrecy officer's dashboard with the overdue order.
        var officer = await NewEnglishPageAsync("officer");
        await Expect(officer.Locator("#rectification-work")).ToHaveClassAsync(new Regex(@"\bborder-danger\b"));
        await BrowserApp.ScreenshotAsync(officer, "91-en-officer-home", officer.Locator("#rectification-work"));

        // Journey 3: the discipline official reads the sanction guidance beside a person of a file under review.
        int incidentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            incidentId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents
                .Where(i => i.Status == IncidentStatus.UnderDisciplineReview && i.Unit!.Code == "SF-JYT-KSY")
                .Select(i => i.Id)
                .FirstAsync();
        }

        var discipline = await NewEnglishPageAsync("discipline");
        await discipline.GotoAsync($"/Incidents/Details/{incidentId}");
        var file = new IncidentFilePage(discipline);
        await Expect(file.Persons.First.Locator(".provision").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(discipline, "92-en-incident-guidance", file.Persons.First);
    }

    private async Task<IPage> NewEnglishPageAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = app.BaseAddress.ToString() }]);
        await (await LoginPage.OpenAsync(page)).SignInAsync(userName);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }
}
