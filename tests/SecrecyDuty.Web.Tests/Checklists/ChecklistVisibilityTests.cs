using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Checklists.ChecklistTestData;

namespace SecrecyDuty.Web.Tests.Checklists;

/// <summary>
/// Whose duty checklists a unit leader reads (docs/decisions/0009-appraisal-visibility.md): the own; the unit's
/// principal leader also the team's progress (art. 5), without the secrecy organization's opinion on a colleague. Any
/// other colleague's checklist is reported exactly as a missing one, in the list, its export and by its address.
/// </summary>
public sealed class ChecklistVisibilityTests
{
    private const int Year = ChecklistProvince.Year;

    private static string PostingUrl(int postingId) => $"/Checklists/Posting/{Id(postingId)}?year={Year}";

    private static Task<ChecklistIndex> IndexAsync(TestApp app, ICurrentUser actor, int year = Year) =>
        app.InScopeAsync(sp => TestApp.ServiceFor<ChecklistListService>(sp, actor).IndexAsync(new ChecklistFilter { Year = year }, 1, 50));

    /// <summary>李保 submitted his checklist and the secrecy office returned it with its opinion.</summary>
    private static async Task<ChecklistProvince> LisChecklistReturnedAsync(TestApp app, string opinion)
    {
        var p = await ChecklistProvince.CreateAsync(app);
        var view = await OpenAsync(app, p.Li, p.LiPosting);
        Assert.True((await AsAsync(app, p.Li, s => s.SubmitCurrentAsync(p.LiPosting, Year, All(view!, ChecklistItemStatus.Fulfilled))))!.Succeeded);
        Assert.True((await AsAsync(app, p.Officer, s => s.ReviewCurrentAsync(p.LiPosting, Year, new ChecklistReviewInput { Opinion = opinion }, ChecklistDecision.Returned)))!.Succeeded);
        return p;
    }

    [Fact]
    public async Task Art5_a_deputy_leader_lists_only_his_own_checklists()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var client = await app.SignedInAsync("li");

        var index = await TestApp.GetDocumentAsync(client, "/Checklists?year=2026");
        var csv = await client.GetAsync(index.QuerySelector("#export-csv")!.GetAttribute("href")!);
        var xlsx = await client.GetAsync(index.QuerySelector("#export-xlsx")!.GetAttribute("href")!);

        Assert.Equal(["李保"], index.QuerySelectorAll("#checklists-table .leader-name").Select(e => e.TextContent.Trim()));
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["李保"], lines.Skip(1).Select(l => l.Split(',')[3]));
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["李保"], stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(r => r["领导干部"]?.ToString() ?? ""));
        Assert.DoesNotContain("张教", index.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("您可查看的职责清单：本人的，以及担任主要领导期间本单位班子的（第五条）", index.QuerySelector("#jurisdiction-checklists-heading")!.TextContent.Trim());

        // A principal leader whose posting has ended, and an account linked to no leader, read no colleague's either.
        var zhaoLeader = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Postings.Where(x => x.Id == p.ZhaoPosting).Select(x => x.LeaderId).SingleAsync());
        var accounts = await app.Province()
            .WithAccount("zhao", Roles.UnitLeader, p.Education, leader: zhaoLeader)
            .WithAccount("unlinked", Roles.UnitLeader, p.Education)
            .BuildAsync();
        var zhao = new FixedCurrentUser(accounts.Account("zhao"), p.Education, Roles.UnitLeader);
        var unlinked = new FixedCurrentUser(accounts.Account("unlinked"), p.Education, Roles.UnitLeader);
        Assert.Equal(["赵前"], (await IndexAsync(app, zhao, 2025)).List.Items.Select(i => i.LeaderName));
        Assert.Empty((await IndexAsync(app, unlinked)).List.Items);

        // The principal leader sees the team; an account that is also a secrecy officer reads what that role allows.
        Assert.Equal(["张教", "李保", "王业"], (await IndexAsync(app, p.Zhang)).List.Items.Select(i => i.LeaderName));
        var liAsOfficer = new FixedCurrentUser(p.LiUser, p.Education, Roles.UnitLeader, Roles.SecrecyOfficer);
        Assert.Equal(["张教", "李保", "王业"], (await IndexAsync(app, liAsOfficer)).List.Items.Select(i => i.LeaderName));
    }

    [Fact]
    public async Task Art5_a_deputy_leader_cannot_open_a_colleagues_checklist_by_its_address()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var client = await app.SignedInAsync("li");

        var own = await client.GetAsync(PostingUrl(p.LiPosting));
        var colleagues = await client.GetAsync(PostingUrl(p.ZhangPosting));
        var missing = await client.GetAsync(PostingUrl(99999));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, colleagues.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("张教", await colleagues.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(colleagues)).QuerySelector("main")!.TextContent);
        Assert.Null(await OpenAsync(app, p.Li, p.WangPosting));
    }

    [Fact]
    public async Task Art5_the_principal_leader_reads_a_colleagues_checklist_without_the_secrecy_organizations_opinion()
    {
        using var app = TestApp.Rent();
        var p = await LisChecklistReturnedAsync(app, "请补充保密委员会会议记录。");
        var principal = await app.SignedInAsync("zhang");
        var own = await app.SignedInAsync("li");

        var page = await TestApp.GetDocumentAsync(principal, PostingUrl(p.LiPosting));
        var ownPage = await TestApp.GetDocumentAsync(own, PostingUrl(p.LiPosting));

        // The team's progress: status and self-assessments, read-only; not the organization's opinion on 李保.
        Assert.Equal("已退回", page.QuerySelector("#checklist-status")!.TextContent);
        Assert.Contains("已落实。", page.QuerySelector("[data-code='C4.1'] .self-assessment")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#checklist-form select"));
        Assert.Null(page.QuerySelector("#organization-opinion"));
        Assert.DoesNotContain("请补充保密委员会会议记录。", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null((await OpenAsync(app, p.Zhang, p.LiPosting))!.Checklist!.OrganizationOpinion);

        // The leader himself and the secrecy office read it.
        Assert.Contains("请补充保密委员会会议记录。", ownPage.QuerySelector("#organization-opinion")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("请补充保密委员会会议记录。", (await OpenAsync(app, p.Officer, p.LiPosting))!.Checklist!.OrganizationOpinion);
        Assert.Equal("请补充保密委员会会议记录。", (await OpenAsync(app, p.Supervisor, p.LiPosting))!.Checklist!.OrganizationOpinion);
    }
}
