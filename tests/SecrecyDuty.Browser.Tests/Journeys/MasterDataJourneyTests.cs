using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>Issue 3: a secrecy officer creates a unit, a leader with a posting and the unit's secrecy organization through the UI.</summary>
public sealed partial class MasterDataJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_secrecy_officer_creates_a_unit_a_leader_with_a_posting_and_the_secrecy_organization()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_UserName").FillAsync("officer");
        await page.Locator("#Input_Password").FillAsync(DemoProvinceSeeder.DemoPassword);
        await page.Locator("#sign-in").ClickAsync();
        await Assertions.Expect(page.Locator("#home-secrecy-officer")).ToBeVisibleAsync();

        // The unit, under 中共青山市委员会.
        await page.GotoAsync("/Units/Create");
        await page.Locator("#Input_Code").FillAsync("SF-QS-WJW");
        await page.Locator("#Input_Name").FillAsync("青山市卫生健康委员会");
        await page.Locator("#Input_Kind").SelectOptionAsync("StateOrgan");
        await page.Locator("#Input_Level").SelectOptionAsync("County");
        await SelectOptionContainingAsync(page, "#Input_ParentId", "中共青山市委员会");
        await BrowserApp.ScreenshotAsync(page, "10-unit-create");
        await page.Locator("#create-unit-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("青山市卫生健康委员会");
        var unitId = UnitIdFrom(page.Url);

        // The leader in charge of secrecy work, with the posting.
        await page.GotoAsync("/Leaders/Create");
        await page.Locator("#Input_Name").FillAsync("孙卫健");
        await page.Locator("#Input_StaffNumber").FillAsync("QS-WJW-0001");
        await page.Locator("#Input_Rank").SelectOptionAsync("CountyDivision");
        await page.Locator("#Input_IsPartyMember").CheckAsync();
        await page.Locator("#Input_UnitId").SelectOptionAsync(unitId);
        await page.Locator("#Input_AddFirstPosting").CheckAsync();
        await page.Locator("#Input_FirstPosting_UnitId").SelectOptionAsync(unitId);
        await page.Locator("#Input_FirstPosting_Role").SelectOptionAsync("SecrecyLeader");
        await page.Locator("#Input_FirstPosting_Title").FillAsync("党组成员、副主任");
        await page.Locator("#Input_FirstPosting_From").FillAsync("2026-01-05");
        await BrowserApp.ScreenshotAsync(page, "11-leader-create");
        await page.Locator("#create-leader-submit").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("孙卫健");

        // The unit's leadership team shows the new posting.
        await page.GotoAsync($"/Units/Leadership/{unitId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("孙卫健");

        // The secrecy organization, chaired by the leader in charge of secrecy work.
        await page.GotoAsync($"/SecrecyOrganizations/Edit/{unitId}");
        await page.Locator("#Input_Kind").SelectOptionAsync("Committee");
        await page.Locator("#Input_EstablishedOn").FillAsync("2026-02-01");
        await SelectOptionContainingAsync(page, "#Input_ChairLeaderId", "孙卫健");
        await page.Locator("#Input_OfficeName").FillAsync("青山市卫生健康委员会保密办公室");
        await SelectOptionContainingAsync(page, "#Input_Members_0__LeaderId", "孙卫健");
        await page.Locator("#Input_Members_0__Name").FillAsync("孙卫健");
        await page.Locator("#Input_Members_0__Position").FillAsync("主任委员");
        await page.Locator("#Input_Cadres_0__Name").FillAsync("周保密");
        await page.Locator("#Input_Cadres_0__Position").FillAsync("保密干部");
        await page.Locator("#Input_Cadres_0__IsFullTime").SelectOptionAsync("True");
        await BrowserApp.ScreenshotAsync(page, "12-secrecy-organization-edit");
        await page.Locator("#save-organization").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/SecrecyOrganizations/Details/{unitId}$"));
        await Assertions.Expect(page.Locator("#organization-details")).ToContainTextAsync("孙卫健");
        await Assertions.Expect(page.Locator("#cadres-table")).ToContainTextAsync("周保密");
        await BrowserApp.ScreenshotAsync(page, "13-secrecy-organization");
    }

    private static async Task SelectOptionContainingAsync(IPage page, string select, string text)
    {
        var value = await page.Locator($"{select} option", new PageLocatorOptions { HasText = text }).First.GetAttributeAsync("value");
        await page.Locator(select).SelectOptionAsync(value!);
    }

    private static string UnitIdFrom(string url) => UnitIdInUrl().Match(url).Groups[1].Value;

    [GeneratedRegex(@"/Units/Details/(\d+)")]
    private static partial Regex UnitIdInUrl();
}
