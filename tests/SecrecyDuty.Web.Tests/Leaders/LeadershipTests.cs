using System.Net;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>A unit's leadership team on a chosen date (arts. 5–7): who held which role then.</summary>
public sealed class LeadershipTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);
    private static readonly DateOnly June30 = new(2026, 6, 30);

    private sealed record Team(int Root, int Bureau, int OtherProvince);

    /// <summary>The bureau: 李 principal throughout, 王 principal until June 30 then 赵 from July 1, 钱 in charge of secrecy until June 30, 孙 a member.</summary>
    private static async Task<Team> TeamAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-BMJ", "示范省保密局", parent: "P", kind: UnitKind.StateOrgan)
            .WithUnit("Q", "外省", kind: UnitKind.StateOrgan)
            .WithLeader("李书记", "P-BMJ", "S-1")
            .WithPosting("李书记", PostingRole.PrincipalLeader, Jan1, title: "党组书记")
            .WithLeader("王局长", "P-BMJ", "S-2")
            .WithPosting("王局长", PostingRole.PrincipalLeader, Jan1, June30, title: "局长")
            .WithLeader("赵局长", "P-BMJ", "S-3")
            .WithPosting("赵局长", PostingRole.PrincipalLeader, June30.AddDays(1), title: "局长")
            .WithLeader("钱副局长", "P-BMJ", "S-4")
            .WithPosting("钱副局长", PostingRole.SecrecyLeader, Jan1, June30, title: "副局长")
            .WithLeader("孙副局长", "P-BMJ", "S-5")
            .WithPosting("孙副局长", PostingRole.OtherMember, Jan1, title: "副局长", portfolio: "人事、财务")
            .BuildAsync();
        var root = built.Unit("P");
        var bureau = built.Unit("P-BMJ");
        var other = built.Unit("Q");
        return new Team(root, bureau, other);
    }

    private static Task<LeadershipTeam?> LeadershipAsync(TestApp app, int unitId, DateOnly? date, ICurrentUser actor) =>
        app.InScopeAsync(sp => TestApp.ServiceFor<PostingService>(sp, actor).LeadershipAsync(unitId, date));

    [Fact]
    public async Task The_team_on_the_last_day_of_a_posting_still_includes_it()
    {
        using var app = TestApp.Rent();
        var t = await TeamAsync(app);

        var team = await LeadershipAsync(app, t.Bureau, June30, new FixedCurrentUser("o", t.Root, Roles.SecrecyOfficer));

        Assert.Equal(["李书记", "王局长"], team!.PrincipalLeaders.Select(m => m.LeaderName));
        Assert.Equal(["钱副局长"], team.SecrecyLeaders.Select(m => m.LeaderName));
        Assert.Equal([("孙副局长", "人事、财务")], team.OtherMembers.Select(m => (m.LeaderName, m.Portfolio)));
        Assert.False(team.LacksPrincipalLeader);
        Assert.False(team.LacksSecrecyLeader);
    }

    [Fact]
    public async Task The_team_the_day_after_a_posting_ends_shows_the_successor_and_the_gap()
    {
        using var app = TestApp.Rent();
        var t = await TeamAsync(app);

        var team = await LeadershipAsync(app, t.Bureau, June30.AddDays(1), new FixedCurrentUser("o", t.Root, Roles.SecrecyOfficer));

        Assert.Equal(["李书记", "赵局长"], team!.PrincipalLeaders.Select(m => m.LeaderName));
        Assert.Empty(team.SecrecyLeaders);
        Assert.True(team.LacksSecrecyLeader);
    }

    [Fact]
    public async Task Without_a_date_the_team_is_todays()
    {
        using var app = TestApp.Rent();
        var t = await TeamAsync(app);

        var team = await LeadershipAsync(app, t.Bureau, null, new FixedCurrentUser("o", t.Root, Roles.SecrecyOfficer));

        Assert.Equal(LeaderTestData.Today, team!.Date);
        Assert.Equal(["李书记", "赵局长"], team.PrincipalLeaders.Select(m => m.LeaderName));
    }

    [Fact]
    public async Task The_page_shows_the_team_on_the_chosen_date_with_warnings_for_missing_roles()
    {
        using var app = TestApp.Rent();
        var t = await TeamAsync(app);
        var client = await app.SignedInAsAsync("leader", Roles.UnitLeader, t.Bureau);

        var before = await TestApp.GetDocumentAsync(client, $"/Units/Leadership/{t.Bureau}?date=2026-03-01");
        var after = await TestApp.GetDocumentAsync(client, $"/Units/Leadership/{t.Bureau}?date=2026-07-01");
        var beforeAll = await TestApp.GetDocumentAsync(client, $"/Units/Leadership/{t.Bureau}?date=2025-12-31");

        Assert.Equal(["李书记", "王局长"], before.QuerySelectorAll("#principal-leaders .member-name").Select(e => e.TextContent.Trim()));
        Assert.Equal(["钱副局长"], before.QuerySelectorAll("#secrecy-leaders .member-name").Select(e => e.TextContent.Trim()));
        Assert.Equal("人事、财务", before.QuerySelector("#other-members .member-portfolio")!.TextContent);
        Assert.Null(before.QuerySelector("#warning-no-secrecy-leader"));
        Assert.Equal("active", before.QuerySelector("#unit-tabs a.active")!.GetAttribute("class")!.Split(' ').Last());
        Assert.Contains("领导班子", before.QuerySelector("#unit-tabs a.active")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(["李书记", "赵局长"], after.QuerySelectorAll("#principal-leaders .member-name").Select(e => e.TextContent.Trim()));
        Assert.Equal("2026-07-01 该单位没有分管保密工作的领导（第六条）。", after.QuerySelector("#warning-no-secrecy-leader")!.TextContent);
        Assert.Null(after.QuerySelector("#warning-no-principal"));

        Assert.NotNull(beforeAll.QuerySelector("#warning-no-principal"));
        Assert.Equal("2025-12-31", beforeAll.QuerySelector("#date")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_unit_leader_sees_no_way_to_change_the_team()
    {
        using var app = TestApp.Rent();
        var t = await TeamAsync(app);
        var client = await app.SignedInAsAsync("leader", Roles.UnitLeader, t.Bureau);

        var page = await TestApp.GetDocumentAsync(client, $"/Units/Leadership/{t.Bureau}");

        Assert.Null(page.QuerySelector("#add-posting"));
        Assert.Empty(page.QuerySelectorAll("a[href^='/Postings/Edit']"));
    }

    [Fact]
    public async Task The_team_of_a_unit_outside_the_jurisdiction_is_not_found_and_reveals_nothing()
    {
        using var app = TestApp.Rent();
        var t = await TeamAsync(app);
        await app.Province()
            .WithLeader("外省书记", t.OtherProvince, "Q-1")
            .WithPosting("外省书记", PostingRole.PrincipalLeader, Jan1)
            .WithAccount("officer", Roles.SecrecyOfficer, t.Root)
            .BuildAsync();
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");

        var outside = await client.GetAsync($"/Units/Leadership/{t.OtherProvince}");
        var missing = await client.GetAsync("/Units/Leadership/99999");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        var body = await outside.Content.ReadAsStringAsync();
        Assert.DoesNotContain("外省", body, StringComparison.Ordinal);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
    }
}
