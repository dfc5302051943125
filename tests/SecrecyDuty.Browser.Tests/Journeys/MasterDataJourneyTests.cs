using Microsoft.Playwright;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Browser.Tests.Pages;

namespace SecrecyDuty.Browser.Tests.Journeys;

/// <summary>Issue 3: a secrecy officer creates a unit, a leader with a posting and the unit's secrecy organization through the UI.</summary>
public sealed class MasterDataJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_secrecy_officer_creates_a_unit_a_leader_with_a_posting_and_the_secrecy_organization()
    {
        var page = await app.NewPageAsync();
        var home = await (await LoginPage.OpenAsync(page)).SignInAsync("officer");
        await Assertions.Expect(home.SecrecyOfficerDashboard).ToBeVisibleAsync();

        // The unit, under 中共青山市委员会.
        var unitForm = await UnitForm.OpenCreateAsync(page);
        await unitForm.FillAsync("SF-QS-WJW", "青山市卫生健康委员会", kind: "StateOrgan", level: "County", parent: "中共青山市委员会");
        await unitForm.ScreenshotAsync("10-unit-create");
        var unit = await unitForm.SubmitAsync();
        await Assertions.Expect(unit.Heading).ToHaveTextAsync("青山市卫生健康委员会");
        var unitId = unit.UnitId;

        // The leader in charge of secrecy work, with the posting.
        var leaderForm = await LeaderForm.OpenCreateAsync(page);
        await leaderForm.FillAsync("孙卫健", "QS-WJW-0001", rank: "CountyDivision", partyMember: true, unitCode: "SF-QS-WJW");
        await leaderForm.AddFirstPostingAsync("SF-QS-WJW", role: "SecrecyLeader", title: "党组成员、副主任", from: new DateOnly(2026, 1, 5));
        await leaderForm.ScreenshotAsync("11-leader-create");
        var leader = await leaderForm.SubmitAsync();
        await Assertions.Expect(leader.Heading).ToContainTextAsync("孙卫健");

        // The unit's leadership team shows the new posting.
        var leadership = await UnitLeadershipPage.OpenAsync(page, unitId);
        await Assertions.Expect(leadership.Main).ToContainTextAsync("孙卫健");

        // The secrecy organization, chaired by the leader in charge of secrecy work.
        var organizationForm = await SecrecyOrganizationForm.OpenAsync(page, unitId);
        await organizationForm.FillAsync(kind: "Committee", establishedOn: new DateOnly(2026, 2, 1), chair: "孙卫健", officeName: "青山市卫生健康委员会保密办公室");
        await organizationForm.FillMemberAsync(0, leader: "孙卫健", name: "孙卫健", position: "主任委员");
        await organizationForm.FillCadreAsync(0, "周保密", "保密干部", fullTime: true);
        await organizationForm.ScreenshotAsync("12-secrecy-organization-edit");
        var organization = await organizationForm.SaveAsync();

        await Assertions.Expect(organization.Page).ToHaveURLAsync(SecrecyOrganizationPage.Url(unitId));
        await Assertions.Expect(organization.Details).ToContainTextAsync("孙卫健");
        await Assertions.Expect(organization.Cadres).ToContainTextAsync("周保密");
        await organization.ScreenshotAsync("13-secrecy-organization");
    }
}
