using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Checklists.ChecklistTestData;

namespace SecrecyDuty.Web.Tests.Checklists;

/// <summary>The leader works through and submits the checklist; the secrecy office reviews or returns it (art. 9).</summary>
public sealed class ChecklistWorkflowTests
{
    private const int Year = ChecklistProvince.Year;

    private static async Task<(ChecklistProvince P, ChecklistView View)> OpenedAsync(TestApp app)
    {
        var p = await ChecklistProvince.CreateAsync(app);
        return (p, (await OpenAsync(app, p.Zhang, p.ZhangPosting))!);
    }

    private static async Task<(ChecklistProvince P, ChecklistView View)> SubmittedAsync(TestApp app)
    {
        var (p, view) = await OpenedAsync(app);
        var submitted = await AsAsync(app, p.Zhang, s => s.SubmitCurrentAsync(p.ZhangPosting, Year, All(view, ChecklistItemStatus.Fulfilled)));
        Assert.True(submitted!.Succeeded);
        return (p, view);
    }

    [Fact]
    public async Task The_leader_records_status_and_self_assessment_of_an_item()
    {
        using var app = TestApp.Rent();
        var (p, view) = await OpenedAsync(app);

        var result = await AsAsync(app, p.Zhang, s => s.SaveCurrentAsync(p.ZhangPosting, Year, One(view, "P5.3", ChecklistItemStatus.InProgress, selfAssessment: "上半年已听取汇报一次。")));

        Assert.True(result!.Succeeded);
        var item = (await StoredItemsAsync(app, p.ZhangPosting))["P5.3"];
        Assert.Equal(ChecklistItemStatus.InProgress, item.Status);
        Assert.Equal("上半年已听取汇报一次。", item.SelfAssessment);
    }

    [Fact]
    public async Task An_item_marked_not_applicable_needs_a_reason()
    {
        using var app = TestApp.Rent();
        var (p, view) = await OpenedAsync(app);

        var without = await AsAsync(app, p.Zhang, s => s.SaveCurrentAsync(p.ZhangPosting, Year, One(view, "C4.10", ChecklistItemStatus.NotApplicable)));
        var with = await AsAsync(app, p.Zhang, s => s.SaveCurrentAsync(p.ZhangPosting, Year, One(view, "C4.10", ChecklistItemStatus.NotApplicable, "本年度未出境。")));

        Assert.Equal("Items[0].NotApplicableReason", Assert.Single(without!.Errors).Field);
        Assert.True(with!.Succeeded);
        Assert.Equal("本年度未出境。", (await StoredItemsAsync(app, p.ZhangPosting))["C4.10"].NotApplicableReason);
    }

    [Fact]
    public async Task Submission_is_refused_while_an_item_is_not_started_and_the_message_lists_their_codes()
    {
        using var app = TestApp.Rent();
        var (p, view) = await OpenedAsync(app);
        var input = All(view, ChecklistItemStatus.Fulfilled);
        input.Items.RemoveAll(r => r.ItemId == view.Checklist!.Items.Single(i => i.Code == "C4.2").Id || r.ItemId == view.Checklist.Items.Single(i => i.Code == "P5.3").Id);

        var result = await AsAsync(app, p.Zhang, s => s.SubmitCurrentAsync(p.ZhangPosting, Year, input));

        var error = Assert.Single(result!.Errors);
        Assert.Equal("", error.Field);
        Assert.Contains("C4.2, P5.3", error.Message, StringComparison.Ordinal);
        var stored = await StoredChecklistAsync(app, p.ZhangPosting);
        Assert.Equal(ChecklistStatus.Open, stored!.Status);
        Assert.Null(stored.SubmittedAtUtc);

        // Nothing of the refused submission was saved.
        Assert.Equal(ChecklistItemStatus.NotStarted, (await StoredItemsAsync(app, p.ZhangPosting))["C4.1"].Status);
    }

    [Fact]
    public async Task A_complete_checklist_is_submitted_with_the_time()
    {
        using var app = TestApp.Rent();
        var (p, _) = await SubmittedAsync(app);

        var stored = await StoredChecklistAsync(app, p.ZhangPosting);
        Assert.Equal(ChecklistStatus.Submitted, stored!.Status);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.SubmittedAtUtc);
    }

    [Fact]
    public async Task A_submitted_checklist_is_read_only_for_the_leader()
    {
        using var app = TestApp.Rent();
        var (p, view) = await SubmittedAsync(app);

        var result = await AsAsync(app, p.Zhang, s => s.SaveCurrentAsync(p.ZhangPosting, Year, One(view, "P5.1", ChecklistItemStatus.InProgress)));
        var reopened = await OpenAsync(app, p.Zhang, p.ZhangPosting);

        Assert.False(result!.Succeeded);
        Assert.Equal(ChecklistItemStatus.Fulfilled, (await StoredItemsAsync(app, p.ZhangPosting))["P5.1"].Status);
        Assert.False(reopened!.CanEdit);
    }

    [Fact]
    public async Task A_review_needs_the_secrecy_organizations_opinion()
    {
        using var app = TestApp.Rent();
        var (p, _) = await SubmittedAsync(app);

        var result = await AsAsync(app, p.Officer, s => s.ReviewCurrentAsync(p.ZhangPosting, Year, new ChecklistReviewInput { Opinion = " " }, ChecklistDecision.Reviewed));

        Assert.Equal("Opinion", Assert.Single(result!.Errors).Field);
        Assert.Equal(ChecklistStatus.Submitted, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
    }

    [Fact]
    public async Task A_returned_checklist_is_editable_again_and_can_be_resubmitted()
    {
        using var app = TestApp.Rent();
        var (p, view) = await SubmittedAsync(app);

        var returned = await AsAsync(app, p.Officer, s => s.ReviewCurrentAsync(p.ZhangPosting, Year, new ChecklistReviewInput { Opinion = "P5.3 自评过简，请补充汇报时间和议定事项。" }, ChecklistDecision.Returned));
        var reopened = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var edited = await AsAsync(app, p.Zhang, s => s.SaveCurrentAsync(p.ZhangPosting, Year, One(view, "P5.3", ChecklistItemStatus.Fulfilled, selfAssessment: "3月12日、9月18日听取汇报，议定保密检查事项。")));
        var resubmitted = await AsAsync(app, p.Zhang, s => s.SubmitCurrentAsync(p.ZhangPosting, Year, new ChecklistInput()));

        Assert.True(returned!.Succeeded);
        Assert.Equal(ChecklistStatus.Returned, reopened!.Checklist!.Status);
        Assert.Equal("P5.3 自评过简，请补充汇报时间和议定事项。", reopened.Checklist.OrganizationOpinion);
        Assert.True(reopened.CanEdit);
        Assert.True(edited!.Succeeded);
        Assert.True(resubmitted!.Succeeded);
        Assert.Equal(ChecklistStatus.Submitted, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
    }

    [Fact]
    public async Task A_reviewed_checklist_is_final()
    {
        using var app = TestApp.Rent();
        var (p, view) = await SubmittedAsync(app);

        var reviewed = await AsAsync(app, p.Officer, s => s.ReviewCurrentAsync(p.ZhangPosting, Year, new ChecklistReviewInput { Opinion = "履职情况良好。" }, ChecklistDecision.Reviewed));
        var edit = await AsAsync(app, p.Zhang, s => s.SaveCurrentAsync(p.ZhangPosting, Year, One(view, "P5.1", ChecklistItemStatus.InProgress)));
        var resubmit = await AsAsync(app, p.Zhang, s => s.SubmitCurrentAsync(p.ZhangPosting, Year, new ChecklistInput()));
        var returnAfter = await AsAsync(app, p.Officer, s => s.ReviewCurrentAsync(p.ZhangPosting, Year, new ChecklistReviewInput { Opinion = "再看看。" }, ChecklistDecision.Returned));

        Assert.True(reviewed!.Succeeded);
        Assert.False(edit!.Succeeded);
        Assert.False(resubmit!.Succeeded);
        Assert.False(returnAfter!.Succeeded);
        var stored = await StoredChecklistAsync(app, p.ZhangPosting);
        Assert.Equal(ChecklistStatus.Reviewed, stored!.Status);
        Assert.Equal("履职情况良好。", stored.OrganizationOpinion);
        Assert.Equal("officer", stored.ReviewedBy);
    }

    [Fact]
    public async Task An_open_checklist_cannot_be_reviewed_before_it_is_submitted()
    {
        using var app = TestApp.Rent();
        var (p, _) = await OpenedAsync(app);

        var result = await AsAsync(app, p.Officer, s => s.ReviewCurrentAsync(p.ZhangPosting, Year, new ChecklistReviewInput { Opinion = "同意。" }, ChecklistDecision.Reviewed));

        Assert.False(result!.Succeeded);
        Assert.Equal(ChecklistStatus.Open, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
    }

    [Fact]
    public async Task Only_the_postings_own_leader_edits_and_submits_it()
    {
        using var app = TestApp.Rent();
        var (p, view) = await OpenedAsync(app);
        var liView = (await OpenAsync(app, p.Li, p.LiPosting))!;

        // 张教, the unit's principal leader, may read 李保's checklist (the team's progress, art. 5), but not change it: refused (403).
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, p.Zhang, s => s.SubmitCurrentAsync(p.LiPosting, Year, All(liView, ChecklistItemStatus.Fulfilled))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, p.Zhang, s => s.SaveCurrentAsync(p.LiPosting, Year, All(liView, ChecklistItemStatus.Fulfilled))));

        // 李保 may not read 张教's checklist, and 钱财 leads another unit: to them it does not exist (404).
        Assert.Null(await AsAsync(app, p.Li, s => s.SaveCurrentAsync(p.ZhangPosting, Year, All(view, ChecklistItemStatus.Fulfilled))));
        Assert.Null(await AsAsync(app, p.Qian, s => s.SubmitCurrentAsync(p.ZhangPosting, Year, All(view, ChecklistItemStatus.Fulfilled))));
        Assert.Equal(ChecklistStatus.Open, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
        Assert.Equal(ChecklistStatus.Open, (await StoredChecklistAsync(app, p.LiPosting))!.Status);
        Assert.Equal(ChecklistItemStatus.NotStarted, (await StoredItemsAsync(app, p.LiPosting))["S6.1"].Status);
    }

    [Theory]
    [InlineData(Roles.SecrecyOfficer)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Supervisor)]
    public async Task The_secrecy_office_and_supervisors_do_not_edit_a_leaders_items(string role)
    {
        using var app = TestApp.Rent();
        var (p, view) = await OpenedAsync(app);

        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, new FixedCurrentUser("x", p.Root, role),
            s => s.SaveCurrentAsync(p.ZhangPosting, Year, All(view, ChecklistItemStatus.Fulfilled))));
        Assert.Equal(ChecklistItemStatus.NotStarted, (await StoredItemsAsync(app, p.ZhangPosting))["P5.1"].Status);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    [InlineData(Roles.UnitLeader)]
    public async Task Roles_other_than_the_secrecy_office_cannot_review(string role)
    {
        using var app = TestApp.Rent();
        var (p, _) = await SubmittedAsync(app);

        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, new FixedCurrentUser("x", p.Education, role),
            s => s.ReviewCurrentAsync(p.ZhangPosting, Year, new ChecklistReviewInput { Opinion = "同意。" }, ChecklistDecision.Reviewed)));
        Assert.Equal(ChecklistStatus.Submitted, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
    }

    [Fact]
    public async Task A_secrecy_officer_of_another_branch_does_not_find_the_checklist()
    {
        using var app = TestApp.Rent();
        var (p, _) = await SubmittedAsync(app);
        var financeOfficer = new FixedCurrentUser("f", p.Finance, Roles.SecrecyOfficer);

        Assert.Null(await AsAsync(app, financeOfficer, s => s.ReviewCurrentAsync(p.ZhangPosting, Year, new ChecklistReviewInput { Opinion = "同意。" }, ChecklistDecision.Reviewed)));
        Assert.Null(await OpenAsync(app, financeOfficer, p.ZhangPosting));
        Assert.Equal(ChecklistStatus.Submitted, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
    }

    [Fact]
    public async Task A_leader_reads_the_own_checklist_even_in_a_unit_outside_the_own_unit()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        // 钱财's account belongs to the finance department; he also holds a posting in the education department.
        var qian = await app.InScopeAsync(sp => sp.GetRequiredService<Data.AppDbContext>().Postings.Where(x => x.Id == p.QianPosting).Select(x => x.LeaderId).SingleAsync());
        var second = (await app.Province()
            .WithPosting(qian, Core.Leaders.PostingRole.OtherMember, new DateOnly(2026, 1, 1), unit: p.Education, title: "挂职副厅长", portfolio: "规划、财务", key: "second")
            .BuildAsync()).Posting("second");

        var view = await OpenAsync(app, p.Qian, second);

        Assert.True(view!.IsOwnLeader);
        Assert.True(view.CanEdit);
        Assert.Equal(15, view.Checklist!.Items.Count);
    }
}
