using System.Net;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Activities;

/// <summary>The activity pages as a person uses them: the form, the attendee picker, the details, and who may do what.</summary>
public sealed class ActivityPagesTests
{
    private static async Task<(TestApp App, Province Province, HttpClient Client)> SignedInAsync(string userName)
    {
        var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, userName);
        return (app, p, client);
    }

    [Fact]
    public async Task A_unit_leader_records_the_briefing_of_the_own_unit_through_the_form()
    {
        var (app, p, client) = await SignedInAsync("leader");
        using var _ = app;

        var page = await TestApp.GetDocumentAsync(client, "/Activities/Create?kind=Briefing");
        // The unit field is the search-as-you-type picker (issue 10), the leader's only unit chosen already.
        Assert.Null(page.QuerySelector("select[name='Input.UnitId']"));
        Assert.Equal(ActivityTestData.Id(p.Department), page.QuerySelector("input[type=hidden][name='Input.UnitId']")!.GetAttribute("value"));
        Assert.Equal("selected", page.QuerySelector("#activity-kind option[value='Briefing']")!.GetAttribute("selected"));
        Assert.Equal("2026-11-27", page.QuerySelector("#Input_Date")!.GetAttribute("value"));

        // Today's team: 王书记's posting has ended; the leader's own posting (张教) is ticked already.
        Assert.Equal(["张教", "李保", "赵委"], page.QuerySelectorAll("#attendees .form-check-label").Select(l => l.TextContent.Split(' ')[0]));
        Assert.NotNull(page.QuerySelector($"#attendee-{p.Zhang}[checked]"));
        Assert.Null(page.QuerySelector($"#attendee-{p.Li}[checked]"));

        var form = await TestApp.GetFormAsync(client, "/Activities/Create?kind=Briefing", "#activity-form");
        var response = await client.PostAsync("/Activities/Create", form.With(
            ("Input.Date", "2026-11-20"),
            ("Input.Title", "2026年下半年保密工作情况汇报"),
            ("Input.Presenters", "保密办主任 刘芳"),
            ("Input.Topics", "下半年保密检查情况")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("履职活动已记录。", details.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("2026年下半年保密工作情况汇报", details.QuerySelector("#activity-title")!.TextContent);
        Assert.Equal("2026-11-20", details.QuerySelector("#activity-date")!.TextContent);
        Assert.Equal("张教", details.QuerySelector("#attendees-table .attendee-name")!.TextContent);
        Assert.Equal("主要领导", details.QuerySelector("#attendees-table .attendee-role")!.TextContent);
        Assert.Equal("厅长", details.QuerySelector("#attendees-table .attendee-title")!.TextContent);
        Assert.Equal("/Regulation#P5.3", details.QuerySelector("#duty-link")!.GetAttribute("href"));
        Assert.NotNull(details.QuerySelector("#edit-activity"));
    }

    [Fact]
    public async Task A_unit_leader_is_refused_for_another_unit_and_nothing_is_written()
    {
        var (app, p, client) = await SignedInAsync("leader");
        using var _ = app;

        var offered = await TestApp.GetDocumentAsync(client, $"/Activities/Create?kind=Briefing&unitId={p.Health}");
        Assert.Equal(ActivityTestData.Id(p.Department), offered.QuerySelector("input[type=hidden][name='Input.UnitId']")!.GetAttribute("value"));

        var form = await TestApp.GetFormAsync(client, "/Activities/Create?kind=Briefing", "#activity-form");
        var response = await client.PostAsync("/Activities/Create", form.With(
            ("Input.UnitId", ActivityTestData.Id(p.Health)),
            ("Input.PostingIds", ActivityTestData.Id(p.HealthPrincipal)),
            ("Input.Title", "卫健委汇报"),
            ("Input.Presenters", "刘芳"),
            ("Input.Topics", "议题")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("请选择您管辖范围内的单位。", page.QuerySelector("[data-valmsg-for='Input.UnitId']")!.TextContent);
        Assert.Equal(0, await app.ActivityCountAsync());
    }

    [Fact]
    public async Task Errors_show_beside_their_fields_in_Chinese()
    {
        var (app, _, client) = await SignedInAsync("leader");
        using var __ = app;
        var form = await TestApp.GetFormAsync(client, "/Activities/Create?kind=Briefing", "#activity-form");

        var response = await client.PostAsync("/Activities/Create", form.With(
            ("Input.Date", "2026-11-28"),
            ("Input.Title", ""),
            ("Input.Presenters", "刘芳"),
            ("Input.Topics", "议题")).ToContent());

        var page = await TestApp.ParseAsync(response);
        Assert.Equal("日期不能晚于今天：活动开展后再记录。", page.QuerySelector("[data-valmsg-for='Input.Date']")!.TextContent);
        Assert.Equal("请输入标题。", page.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        Assert.Equal(0, await app.ActivityCountAsync());
    }

    [Fact]
    public async Task A_briefing_without_a_principal_leader_ticked_is_refused_beside_the_attendees()
    {
        var (app, p, client) = await SignedInAsync("officer");
        using var _ = app;
        var form = await TestApp.GetFormAsync(client, $"/Activities/Create?kind=Briefing&unitId={p.Department}", "#activity-form");

        var response = await client.PostAsync("/Activities/Create", form.With(
            ("Input.PostingIds", ActivityTestData.Id(p.Li)),
            ("Input.Title", "汇报"),
            ("Input.Presenters", "刘芳"),
            ("Input.Topics", "议题")).ToContent());

        var page = await TestApp.ParseAsync(response);
        Assert.Equal("听取保密组织的情况汇报是主要领导的职责（P5.3）：请至少勾选一名出席的主要领导。", page.QuerySelector("[data-valmsg-for='Input.PostingIds']")!.TextContent);
        Assert.NotNull(page.QuerySelector($"#attendee-{p.Li}[checked]"));
        Assert.Equal(0, await app.ActivityCountAsync());
    }

    [Fact]
    public async Task Showing_the_leadership_again_lists_the_team_on_the_new_date_and_keeps_the_entries()
    {
        var (app, p, client) = await SignedInAsync("officer");
        using var _ = app;
        var form = await TestApp.GetFormAsync(client, "/Activities/Create?kind=MemberMeeting", "#activity-form");
        Assert.NotNull((await TestApp.GetDocumentAsync(client, "/Activities/Create?kind=MemberMeeting")).QuerySelector("#attendees-not-loaded"));

        var response = await client.PostAsync("/Activities/Create?handler=Refresh", form.With(
            ("Input.UnitId", ActivityTestData.Id(p.Department)),
            ("Input.Date", "2026-05-10"),
            ("Input.Title", "第一次成员会议"),
            ("Input.Topics", "")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal(["张教", "王书记", "李保", "赵委"], page.QuerySelectorAll("#attendees .form-check-label").Select(l => l.TextContent.Split(' ')[0]));
        Assert.Equal("第一次成员会议", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("selected", page.QuerySelector("#activity-kind option[value='MemberMeeting']")!.GetAttribute("selected"));
        Assert.DoesNotContain(page.QuerySelectorAll(".field-validation-error"), e => e.TextContent.Length > 0);
        Assert.Equal(0, await app.ActivityCountAsync());
    }

    [Theory]
    [InlineData("Training", false, true)]
    [InlineData("PublicationReview", true, false)]
    [InlineData("Briefing", true, true)]
    public async Task Only_the_fields_of_the_chosen_kind_are_shown(string kind, bool trainingHidden, bool reviewHidden)
    {
        var (app, _, client) = await SignedInAsync("leader");
        using var __ = app;

        var page = await TestApp.GetDocumentAsync(client, $"/Activities/Create?kind={kind}");

        Assert.Equal(trainingHidden, page.QuerySelector("#training-fields")!.HasAttribute("hidden"));
        Assert.Equal(reviewHidden, page.QuerySelector("#review-fields")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Every_free_text_field_and_the_upload_carry_the_state_secret_warning()
    {
        var (app, _, client) = await SignedInAsync("leader");
        using var __ = app;

        var page = await TestApp.GetDocumentAsync(client, "/Activities/Create?kind=Training");

        string[] fields = ["Input_Title", "Input_Presenters", "Input_Topics", "Input_Decisions", "Input_FollowUpActions", "Input_Audience", "Input_ReviewedItem", "Input_Reviewer", "evidence-files"];
        foreach (var id in fields)
        {
            var box = page.GetElementById(id)!.ParentElement!;
            Assert.True(box.QuerySelector(".secret-warning")?.TextContent == "请勿录入任何国家秘密内容。", id);
        }
    }

    [Fact]
    public async Task A_unit_leader_edits_an_activity_of_the_own_unit_through_the_form()
    {
        var (app, p, client) = await SignedInAsync("leader");
        using var _ = app;
        var id = await app.RecordAsync(p.Officer, p.Briefing(Province.Nov20, p.Zhang));
        var url = $"/Activities/Edit/{id}";
        var form = await TestApp.GetFormAsync(client, url, "#activity-form");
        Assert.Equal(ActivityTestData.Id(p.Zhang), form["Input.PostingIds"]);

        var response = await client.PostAsync(url, form.With(("Input.Title", "下半年汇报（更正）"), ("Input.PostingIds", ActivityTestData.Id(p.Zhang))).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await TestApp.GetDocumentAsync(client, $"/Activities/Details/{id}");
        Assert.Equal("下半年汇报（更正）", details.QuerySelector("#activity-title")!.TextContent);
        Assert.Equal("履职活动已保存。", details.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task The_edit_form_shows_the_leadership_of_another_date_on_request()
    {
        var (app, p, client) = await SignedInAsync("officer");
        using var _ = app;
        var id = await app.RecordAsync(p.Officer, p.Briefing(Province.Nov20, p.Zhang));
        var url = $"/Activities/Edit/{id}";
        var form = await TestApp.GetFormAsync(client, url, "#activity-form");
        var refresh = (await TestApp.GetDocumentAsync(client, url)).QuerySelector("#refresh-attendees")!.GetAttribute("formaction");

        var response = await client.PostAsync(refresh, form.With(("Input.Date", "2026-03-01")).ToContent());

        Assert.Equal($"/Activities/Edit/{id}?handler=Refresh", refresh);
        var page = await TestApp.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"#attendee-{p.Wang}"));
        Assert.NotNull(page.QuerySelector($"#attendee-{p.Zhang}[checked]"));
    }

    [Fact]
    public async Task A_supervisor_is_refused_the_forms_with_403()
    {
        var (app, p, client) = await SignedInAsync("supervisor");
        using var _ = app;
        var id = await app.RecordAsync(p.Officer, p.Briefing());
        var token = (await TestApp.GetFormAsync(client, "/Activities", "#culture-form"))["__RequestVerificationToken"];
        var post = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.UnitId", ActivityTestData.Id(p.Department)), new("Input.Title", "x")]);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Activities/Create?kind=Briefing")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/Activities/Create", post)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Activities/Edit/{id}")).StatusCode);
        Assert.Equal(1, await app.ActivityCountAsync());

        var list = await TestApp.GetDocumentAsync(client, "/Activities");
        Assert.Null(list.QuerySelector("#record-activity"));
        var details = await TestApp.GetDocumentAsync(client, $"/Activities/Details/{id}");
        Assert.Null(details.QuerySelector("#edit-activity"));
    }

    [Fact]
    public async Task A_discipline_official_reads_an_activity_but_may_not_edit_it()
    {
        var (app, p, client) = await SignedInAsync("discipline");
        using var _ = app;
        var id = await app.RecordAsync(p.Officer, p.Briefing());

        var details = await TestApp.GetDocumentAsync(client, $"/Activities/Details/{id}");

        Assert.Equal("2026年下半年保密工作情况汇报", details.QuerySelector("#activity-title")!.TextContent);
        Assert.Null(details.QuerySelector("#edit-activity"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Activities/Edit/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_activity_outside_the_jurisdiction_is_not_found_and_reveals_nothing()
    {
        var (app, p, client) = await SignedInAsync("health-officer");
        using var _ = app;
        var id = await app.RecordAsync(p.Officer, p.Briefing());

        var outside = await client.GetAsync($"/Activities/Details/{id}");
        var missing = await client.GetAsync("/Activities/Details/99999");
        var edit = await client.GetAsync($"/Activities/Edit/{id}");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.DoesNotContain("下半年保密工作", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
        Assert.Empty((await TestApp.GetDocumentAsync(client, "/Activities")).QuerySelectorAll("#activities-table tbody tr"));
    }
}
