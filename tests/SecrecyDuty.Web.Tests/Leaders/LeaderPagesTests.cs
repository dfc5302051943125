using System.Globalization;
using System.Net;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>The leader and posting forms as a person uses them, and what each role may reach.</summary>
public sealed class LeaderPagesTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private sealed record Setting(int Root, int Bureau, int OtherProvince);

    private static async Task<Setting> SettingAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-BMJ", "示范省保密局", parent: "P", kind: UnitKind.StateOrgan)
            .WithUnit("Q", "外省", kind: UnitKind.StateOrgan)
            .BuildAsync();
        var root = built.Unit("P");
        var bureau = built.Unit("P-BMJ");
        var other = built.Unit("Q");
        return new Setting(root, bureau, other);
    }

    private static async Task<HttpClient> SignedInAsync(TestApp app, string role, int unitId)
    {
        var client = await app.SignedInAsAsync("someone", role, unitId);
        return client;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_adds_a_leader_with_the_first_posting_through_the_form()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, s.Root);

        var form = await TestApp.GetFormAsync(client, "/Leaders/Create", "#create-leader-form");
        var response = await client.PostAsync("/Leaders/Create", form.With(
            ("Input.Name", "王保密"),
            ("Input.StaffNumber", "GB-1"),
            ("Input.Rank", nameof(LeaderRank.CountyDivision)),
            ("Input.IsPartyMember", "true"),
            ("Input.UnitId", Id(s.Bureau)),
            ("Input.AddFirstPosting", "true"),
            ("Input.FirstPosting.UnitId", Id(s.Bureau)),
            ("Input.FirstPosting.Role", nameof(PostingRole.SecrecyLeader)),
            ("Input.FirstPosting.Title", "副局长"),
            ("Input.FirstPosting.From", "2026-01-01")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("领导干部 王保密 已新增。", details.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("县处级", details.QuerySelector("#leader-rank")!.TextContent);
        Assert.Equal("true", details.QuerySelector("#leader-scope")!.GetAttribute("data-in-scope"));
        Assert.Contains("县处级以上领导干部。", details.QuerySelector("#leader-scope")!.TextContent, StringComparison.Ordinal);
        var posting = details.QuerySelector("#postings-table tbody tr")!;
        Assert.Contains("分管保密工作的领导", posting.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-01-01", posting.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_leader_form_shows_each_message_beside_its_field_and_writes_nothing()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        await app.Province().WithLeader("已有", s.Bureau, "GB-1").BuildAsync();
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, s.Root);

        var form = await TestApp.GetFormAsync(client, "/Leaders/Create", "#create-leader-form");
        var response = await client.PostAsync("/Leaders/Create", form.With(
            ("Input.Name", ""),
            ("Input.StaffNumber", "GB-2"),
            ("Input.Rank", ""),
            ("Input.Phone", "abc"),
            ("Input.UnitId", "0"),
            ("Input.AddFirstPosting", "true"),
            ("Input.FirstPosting.Role", nameof(PostingRole.OtherMember)),
            ("Input.FirstPosting.From", "")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        string MessageFor(string field) => page.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Equal("请输入领导干部姓名。", MessageFor("Name"));
        Assert.Equal("请选择职级。", MessageFor("Rank"));
        Assert.Equal("电话号码只能包含数字、空格及 + - ( )。", MessageFor("Phone"));
        Assert.Equal("请选择人事关系所在单位。", MessageFor("UnitId"));
        Assert.Equal("请选择任职单位。", MessageFor("FirstPosting.UnitId"));
        Assert.Equal("请输入职务名称。", MessageFor("FirstPosting.Title"));
        Assert.Equal("请填写该成员分管的业务（第七条）。", MessageFor("FirstPosting.Portfolio"));
        Assert.Equal("请输入任职起始日期。", MessageFor("FirstPosting.From"));
        Assert.Null(await app.FindLeaderAsync("GB-2"));
    }

    [Fact]
    public async Task A_duplicate_staff_number_is_shown_beside_the_staff_number()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        await app.Province().WithLeader("已有", s.Bureau, "GB-1").BuildAsync();
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, s.Root);

        var form = await TestApp.GetFormAsync(client, "/Leaders/Create", "#create-leader-form");
        var response = await client.PostAsync("/Leaders/Create", form.With(
            ("Input.Name", "新人"),
            ("Input.StaffNumber", "GB-1"),
            ("Input.Rank", nameof(LeaderRank.Below)),
            ("Input.UnitId", Id(s.Bureau))).ToContent());

        var page = await TestApp.ParseAsync(response);
        Assert.Equal("干部编号 GB-1 已属于其他领导干部，请对照干部档案核对。", page.QuerySelector("[data-valmsg-for='Input.StaffNumber']")!.TextContent);
    }

    [Fact]
    public async Task A_second_leader_in_charge_of_secrecy_is_explained_beside_the_role()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var second = (await app.Province()
            .WithLeader("钱副局长", s.Bureau, "GB-1")
            .WithPosting("钱副局长", PostingRole.SecrecyLeader, Jan1, new DateOnly(2026, 12, 31))
            .WithLeader("孙副局长", s.Bureau, "GB-2")
            .BuildAsync()).Leader("孙副局长");
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, s.Root);

        var form = await TestApp.GetFormAsync(client, $"/Postings/Create?leaderId={second}", "#create-posting-form");
        var response = await client.PostAsync("/Postings/Create", form.With(
            ("Input.UnitId", Id(s.Bureau)),
            ("Input.Role", nameof(PostingRole.SecrecyLeader)),
            ("Input.Title", "副局长"),
            ("Input.From", "2026-09-01"),
            ("Input.To", "")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal(
            "2026-09-01 至 2026-12-31 期间，该单位已有分管保密工作的领导（钱副局长）。同一单位在任一日期只能有一名（第六条）：请选择其他期间或其他角色。",
            page.QuerySelector("[data-valmsg-for='Input.Role']")!.TextContent);
        Assert.Contains("孙副局长", page.QuerySelector("#posting-leader")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posting_is_ended_from_its_edit_page()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("王局长", s.Bureau, "GB-1")
            .WithPosting("王局长", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync();
        var posting = built.Posting("王局长");
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, s.Root);

        var form = await TestApp.GetFormAsync(client, $"/Postings/Edit/{posting}", "#end-posting-form");
        Assert.Equal("2026-11-27", form["EndInput.To"]);
        var response = await client.PostAsync($"/Postings/Edit/{posting}?handler=End", form.With(("EndInput.To", "2026-10-31")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2026, 10, 31), (await app.FindPostingAsync(posting))!.To);
        var edit = await TestApp.GetDocumentAsync(client, $"/Postings/Edit/{posting}");
        Assert.Null(edit.QuerySelector("#end-posting-form"));
    }

    [Fact]
    public async Task A_posting_is_added_from_a_units_leadership_page_by_staff_number()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局长", s.Bureau, "GB-1").BuildAsync()).Leader("王局长");
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, s.Root);

        var team = await TestApp.GetDocumentAsync(client, $"/Units/Leadership/{s.Bureau}");
        var createUrl = team.QuerySelector("#add-posting")!.GetAttribute("href")!;
        var form = await TestApp.GetFormAsync(client, createUrl, "#create-posting-form");
        Assert.Equal(Id(s.Bureau), form["Input.UnitId"]);
        var response = await client.PostAsync("/Postings/Create", form.With(
            ("Input.LeaderStaffNumber", "GB-1"),
            ("Input.Role", nameof(PostingRole.PrincipalLeader)),
            ("Input.Title", "局长"),
            ("Input.From", "2026-02-01")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(["王局长"], after.QuerySelectorAll("#principal-leaders .member-name").Select(e => e.TextContent.Trim()));
        Assert.Equal(leader, (await app.FindLeaderAsync("GB-1"))!.Postings.Single().LeaderId);
    }

    [Fact]
    public async Task A_leader_or_posting_outside_the_jurisdiction_is_not_found_and_reveals_nothing()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("外省领导", s.OtherProvince, "Q-1")
            .WithPosting("外省领导", PostingRole.PrincipalLeader, Jan1, title: "外省职务")
            .BuildAsync();
        var outsider = built.Leader("外省领导");
        var posting = built.Posting("外省领导");
        var client = await SignedInAsync(app, Roles.SecrecyOfficer, s.Root);

        var responses = new[]
        {
            await client.GetAsync($"/Leaders/Details/{outsider}"),
            await client.GetAsync($"/Leaders/Edit/{outsider}"),
            await client.GetAsync($"/Postings/Edit/{posting}"),
            await client.GetAsync($"/Postings/Create?leaderId={outsider}"),
        };
        var missing = await client.GetAsync("/Leaders/Details/99999");

        var expected = (await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent;
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("外省", body, StringComparison.Ordinal);
            Assert.Equal(expected, (await TestApp.ParseAsync(response)).QuerySelector("main")!.TextContent);
        }

        // A forged deactivation of the outsider is refused the same way and changes nothing.
        var own = (await app.Province().WithLeader("本省领导", s.Bureau, "GB-1").BuildAsync()).Leader("本省领导");
        var deactivate = await TestApp.GetFormAsync(client, $"/Leaders/Details/{own}", "#deactivate-leader-form");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/Leaders/Details/{outsider}?handler=Deactivate", deactivate.ToContent())).StatusCode);
        Assert.True((await app.FindLeaderAsync("Q-1"))!.IsActive);
    }

    [Fact]
    public async Task A_unit_leader_may_not_create_a_leader()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var client = await SignedInAsync(app, Roles.UnitLeader, s.Bureau);

        var get = await client.GetAsync("/Leaders/Create");
        var list = await TestApp.GetDocumentAsync(client, "/Leaders");
        var token = list.QuerySelector("#culture-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync("/Leaders/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "越权",
            ["Input.StaffNumber"] = "GB-9",
            ["Input.Rank"] = nameof(LeaderRank.Below),
            ["Input.UnitId"] = Id(s.Bureau),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null(list.QuerySelector("#create-leader"));
        Assert.Null(await app.FindLeaderAsync("GB-9"));
    }

    [Fact]
    public async Task A_supervisor_reads_a_leader_but_sees_no_way_to_change_it()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province()
            .WithLeader("王局长", s.Bureau, "GB-1")
            .WithPosting("王局长", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync()).Leader("王局长");
        var client = await SignedInAsync(app, Roles.Supervisor, s.Root);

        var details = await TestApp.GetDocumentAsync(client, $"/Leaders/Details/{leader}");

        Assert.Equal("王局长", details.QuerySelector("#leader-name")!.TextContent);
        Assert.Null(details.QuerySelector("#edit-leader"));
        Assert.Null(details.QuerySelector("#deactivate-leader-form"));
        Assert.Null(details.QuerySelector("#add-posting"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Leaders/Edit/{leader}")).StatusCode);
    }
}
