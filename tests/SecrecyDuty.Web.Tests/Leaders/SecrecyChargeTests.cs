using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>
/// Art. 6 does not require two people: a principal leader or other member may also lead the unit's secrecy work
/// (分管保密工作). The charge is a flag on the posting; a unit has one leader in charge at any date, whichever role carries it.
/// </summary>
public sealed class SecrecyChargeTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private sealed record Setting(int Province, int Bureau, FixedCurrentUser Officer);

    private static async Task<Setting> SettingAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-SJJ", "示范省数据局", parent: "P", kind: UnitKind.StateOrgan)
            .BuildAsync();
        var province = built.Unit("P");
        var bureau = built.Unit("P-SJJ");
        return new Setting(province, bureau, new FixedCurrentUser("officer", province, Roles.SecrecyOfficer));
    }

    private static Task<Result<int>?> CreateAsync(TestApp app, ICurrentUser actor, PostingInput input) =>
        app.InScopeAsync(sp => TestApp.ServiceFor<PostingService>(sp, actor).CreateAsync(input));

    private static PostingInput Flagged(int leader, int unit, PostingRole role, DateOnly from)
    {
        var input = LeaderTestData.Posting(leader, unit, role, from);
        input.LeadsSecrecyWork = true;
        return input;
    }

    private static string[] Codes(string prefix, int count) => [.. Enumerable.Range(1, count).Select(n => $"{prefix}.{n}")];

    [Fact]
    public async Task Art6_principal_leader_who_also_leads_secrecy_work_can_be_recorded_and_gets_the_S6_duties()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var director = (await app.Province()
            .WithLeader("孙局长", s.Bureau, "D-1")
            .WithAccount("officer", Roles.SecrecyOfficer, s.Province)
            .BuildAsync()).Leader("孙局长");
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");

        var form = await TestApp.GetFormAsync(client, $"/Postings/Create?leaderId={director}", "#create-posting-form");
        var response = await client.PostAsync("/Postings/Create", form.With(
            ("Input.UnitId", s.Bureau.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Role", nameof(PostingRole.PrincipalLeader)),
            ("Input.LeadsSecrecyWork", "true"),
            ("Input.Title", "局长"),
            ("Input.From", "2026-01-01")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var posting = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Postings.AsNoTracking().SingleAsync(p => p.LeaderId == director));
        Assert.Equal((PostingRole.PrincipalLeader, true), (posting.Role, posting.LeadsSecrecyWork));

        // The checklist carries the role's P5 items and the S6 duties of the leader in charge, with the code of conduct.
        var view = await app.InScopeAsync(sp => TestApp.ServiceFor<ChecklistService>(sp, s.Officer).OpenAsync(posting.Id, 2026));
        Assert.Equal([.. Codes("C4", 10), .. Codes("P5", 3), .. Codes("S6", 11)], view!.Checklist!.Items.Select(i => i.Code));
        var checklistPage = await TestApp.GetDocumentAsync(client, $"/Checklists/Posting/{posting.Id}?year=2026");
        Assert.Equal(11, checklistPage.QuerySelectorAll("#secrecy-charge-duties .checklist-item").Length);
        Assert.NotNull(checklistPage.QuerySelector("#posting-secrecy-charge"));

        // The leadership team shows the charge: nobody holds the role, yet the unit has its leader in charge.
        var team = await TestApp.GetDocumentAsync(client, $"/Units/Leadership/{s.Bureau}");
        Assert.Null(team.QuerySelector("#warning-no-secrecy-leader"));
        Assert.Equal(["孙局长"], team.QuerySelectorAll("#secrecy-leaders .member-name").Select(e => e.TextContent.Trim()));
        Assert.Contains("主要领导，兼分管保密工作", team.QuerySelector("#principal-leaders .member-secrecy-charge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Art6_the_charge_is_refused_on_a_leader_in_charge_of_secrecy_work_beside_the_box()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var deputy = (await app.Province().WithLeader("钱副局长", s.Bureau, "D-2").BuildAsync()).Leader("钱副局长");

        var result = await CreateAsync(app, s.Officer, Flagged(deputy, s.Bureau, PostingRole.SecrecyLeader, Jan1));

        var error = Assert.Single(result!.Errors);
        Assert.Equal(("LeadsSecrecyWork", "A leader in charge of secrecy work leads it by the role already: clear this box, or choose another role."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData(false, true)] // a leader-in-charge posting, then a flagged principal leader
    [InlineData(true, false)] // a flagged principal leader, then a leader-in-charge posting
    [InlineData(true, true)] // two flagged postings
    public async Task Art6_a_second_leader_in_charge_of_secrecy_work_on_the_same_dates_is_refused(bool firstFlagged, bool secondFlagged)
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("李书记", s.Bureau, "D-1")
            .WithLeader("王局长", s.Bureau, "D-2")
            .BuildAsync();
        var first = built.Leader("李书记");
        var second = built.Leader("王局长");
        Assert.True((await CreateAsync(app, s.Officer, firstFlagged
            ? Flagged(first, s.Bureau, PostingRole.PrincipalLeader, Jan1)
            : LeaderTestData.Posting(first, s.Bureau, PostingRole.SecrecyLeader, Jan1)))!.Succeeded);

        var result = await CreateAsync(app, s.Officer, secondFlagged
            ? Flagged(second, s.Bureau, PostingRole.PrincipalLeader, new DateOnly(2026, 3, 1))
            : LeaderTestData.Posting(second, s.Bureau, PostingRole.SecrecyLeader, new DateOnly(2026, 3, 1)));

        var error = Assert.Single(result!.Errors);
        Assert.Equal(secondFlagged ? "LeadsSecrecyWork" : "Role", error.Field);
        Assert.StartsWith("From 2026-03-01 on, this unit already has a leader in charge of secrecy work (李书记).", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Postings.CountAsync(p => p.UnitId == s.Bureau)));
    }

    [Fact]
    public async Task Art6_a_flagged_posting_after_the_leader_in_charge_left_is_accepted()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("李副局长", s.Bureau, "D-1")
            .WithLeader("王局长", s.Bureau, "D-2")
            .WithPosting("李副局长", PostingRole.SecrecyLeader, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31))
            .BuildAsync();
        var director = built.Leader("王局长");

        Assert.True((await CreateAsync(app, s.Officer, Flagged(director, s.Bureau, PostingRole.PrincipalLeader, Jan1)))!.Succeeded);
    }

    [Fact]
    public async Task Art6_one_leader_may_hold_two_postings_in_a_unit_in_different_roles_but_not_one_role_twice()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var director = (await app.Province()
            .WithLeader("孙局长", s.Bureau, "D-1")
            .WithPosting("孙局长", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync()).Leader("孙局长");

        var otherRole = await CreateAsync(app, s.Officer, LeaderTestData.Posting(director, s.Bureau, PostingRole.SecrecyLeader, Jan1));
        var sameRole = await CreateAsync(app, s.Officer, LeaderTestData.Posting(director, s.Bureau, PostingRole.PrincipalLeader, new DateOnly(2026, 6, 1)));

        Assert.True(otherRole!.Succeeded);
        var error = Assert.Single(sameRole!.Errors);
        Assert.Equal(("From", "This leader already holds a posting in this role in this unit since 2026-01-01. End that posting first, or choose a period before it."), (error.Field, error.Message));
    }

    [Fact]
    public async Task Art6_the_principal_leader_who_leads_secrecy_work_is_suggested_as_chair_of_the_secrecy_organization()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("赵副局长", s.Bureau, "D-2")
            .WithPosting("赵副局长", PostingRole.OtherMember, Jan1)
            .WithLeader("孙局长", s.Bureau, "D-1")
            .BuildAsync();
        var director = built.Leader("孙局长");
        Assert.True((await CreateAsync(app, s.Officer, Flagged(director, s.Bureau, PostingRole.PrincipalLeader, Jan1)))!.Succeeded);

        var form = await app.InScopeAsync(sp => TestApp.ServiceFor<SecrecyOrganizationService>(sp, s.Officer).GetFormAsync(s.Bureau));

        Assert.Equal(director, form!.Input.ChairLeaderId);
    }

    [Fact]
    public async Task Art6_a_member_meeting_without_the_principal_leader_who_leads_secrecy_work_is_refused()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var director = (await app.Province().WithLeader("孙局长", s.Bureau, "D-1").BuildAsync()).Leader("孙局长");
        Assert.True((await CreateAsync(app, s.Officer, Flagged(director, s.Bureau, PostingRole.PrincipalLeader, Jan1)))!.Succeeded);
        var built = await app.Province()
            .WithLeader("赵副局长", s.Bureau, "D-2")
            .WithPosting("赵副局长", PostingRole.OtherMember, Jan1)
            .BuildAsync();
        var member = built.Leader("赵副局长");
        var memberPosting = built.Posting("赵副局长");

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<ActivityService>(sp, s.Officer).CreateAsync(new ActivityInput
        {
            UnitId = s.Bureau,
            Kind = ActivityKind.MemberMeeting,
            Date = new DateOnly(2026, 9, 8),
            Title = "保密委员会成员会议",
            Presenters = "保密办主任",
            Topics = "研究保密管理具体问题",
            PostingIds = [memberPosting],
        }, []));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("PostingIds", "The leader in charge of secrecy work chairs the member meeting (S6.5): tick 孙局长 present."), (error.Field, error.Message));
    }
}
