using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Inspections;

/// <summary>
/// Issue 14, "No lost updates": an inspection's plan, its start and completion, a finding (changed or removed) and a
/// rectification order's verification, each by two people at once (docs/decisions/0020).
/// </summary>
public sealed class InspectionEditConflictTests
{
    private static async Task<(Province P, HttpClient First, HttpClient Second)> SettingAsync(TestApp app)
    {
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.Province().WithAccount("officer-2", Roles.SecrecyOfficer, p.Root, displayName: "李秘书").BuildAsync();
        return (p, await app.SignedInAsync("officer"), await app.SignedInAsync("officer-2"));
    }

    private static Task<Inspection> StoredAsync(TestApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Inspections.AsNoTracking().SingleAsync(i => i.Id == id));

    private static Task<Finding?> StoredFindingAsync(TestApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Findings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id));

    [Fact]
    public async Task The_second_planner_of_an_inspection_sees_the_first_ones_save_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var (p, first, second) = await SettingAsync(app);
        var id = await app.PlanAsync(p);
        var url = $"/Inspections/Edit/{id}";
        var firstForm = await TestApp.GetFormAsync(first, url, "#inspection-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#inspection-form");

        await AssertSavedAsync(await first.PostAsync(url, firstForm.With(("Input.Scope", "保密工作责任制落实情况（重点：定密）")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(url, secondForm.With(("Input.Scope", "保密工作责任制落实情况（重点：网络）"), ("Input.PlannedOn", "2026-11-25")).ToContent()));

        var stored = await StoredAsync(app, id);
        Assert.Equal(("保密工作责任制落实情况（重点：定密）", new DateOnly(2026, 11, 20)), (stored.Scope, stored.PlannedOn));
        Assert.Equal(("保密工作责任制落实情况（重点：定密）", "保密工作责任制落实情况（重点：网络）"), Fields(conflict)["检查范围"]);
        Assert.Equal(("2026-11-20", "2026-11-25"), Fields(conflict)["计划日期"]);
        await AssertSavedAsync(await second.PostAsync(url, Form(conflict, "#inspection-form").ToContent()));
        stored = await StoredAsync(app, id);
        Assert.Equal(("保密工作责任制落实情况（重点：网络）", new DateOnly(2026, 11, 25)), (stored.Scope, stored.PlannedOn));
    }

    [Fact]
    public async Task A_completion_on_a_page_opened_before_the_plan_changed_is_refused_until_made_again()
    {
        using var app = TestApp.Rent();
        var (p, first, second) = await SettingAsync(app);
        var id = await app.PlanAsync(p);
        await app.StartAsync(p, id);
        var complete = await TestApp.GetFormAsync(second, $"/Inspections/Details/{id}", "#complete-form");
        var edit = await TestApp.GetFormAsync(first, $"/Inspections/Edit/{id}", "#inspection-form");

        await AssertSavedAsync(await first.PostAsync($"/Inspections/Edit/{id}", edit.With(("Input.Method", "查阅资料、个别谈话")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync($"/Inspections/Details/{id}?handler=Complete", complete.With(("Completion.Conclusion", "总体落实较好。")).ToContent()));

        Assert.Equal(InspectionStatus.InProgress, (await StoredAsync(app, id)).Status);
        Assert.Equal(("（无）", "总体落实较好。"), Fields(conflict)["检查结论"]);
        await AssertSavedAsync(await second.PostAsync($"/Inspections/Details/{id}?handler=Complete", Form(conflict, "#complete-form").ToContent()));
        var stored = await StoredAsync(app, id);
        Assert.Equal((InspectionStatus.Completed, "总体落实较好。", "查阅资料、个别谈话"), (stored.Status, stored.Conclusion, stored.Method));
    }

    [Fact]
    public async Task The_second_editor_of_a_finding_sees_the_first_ones_save_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var (p, first, second) = await SettingAsync(app);
        var id = await app.PlanAsync(p);
        await app.StartAsync(p, id);
        var finding = await app.AddFindingAsync(p, id);
        var url = $"/Inspections/Finding/{id}?findingId={finding}";
        var firstForm = await TestApp.GetFormAsync(first, url, "#finding-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#finding-form");

        await AssertSavedAsync(await first.PostAsync(url, firstForm.With(("Input.Description", "三台涉密计算机未采取技术防护措施")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(url, secondForm.With(("Input.Severity", nameof(FindingSeverity.Serious))).ToContent()));

        var stored = await StoredFindingAsync(app, finding);
        Assert.Equal(("三台涉密计算机未采取技术防护措施", FindingSeverity.Ordinary), (stored!.Description, stored.Severity));
        var fields = Fields(conflict);
        Assert.Equal(("三台涉密计算机未采取技术防护措施", "部分涉密计算机未采取技术防护措施"), fields["发现的问题"]);
        Assert.Equal(("一般", "严重"), fields["严重程度"]);
        Assert.Equal(url, conflict.QuerySelector("#edit-conflict-reload")!.GetAttribute("href"));
        await AssertSavedAsync(await second.PostAsync(url, Form(conflict, "#finding-form").ToContent()));
        stored = await StoredFindingAsync(app, finding);
        Assert.Equal(("部分涉密计算机未采取技术防护措施", FindingSeverity.Serious), (stored!.Description, stored.Severity));
    }

    [Fact]
    public async Task A_finding_changed_after_the_page_was_opened_is_not_removed_unseen()
    {
        using var app = TestApp.Rent();
        var (p, first, second) = await SettingAsync(app);
        var id = await app.PlanAsync(p);
        await app.StartAsync(p, id);
        var finding = await app.AddFindingAsync(p, id);
        var remove = await TestApp.GetFormAsync(second, $"/Inspections/Details/{id}", $"tr[data-finding='{finding}'] form");
        var edit = await TestApp.GetFormAsync(first, $"/Inspections/Finding/{id}?findingId={finding}", "#finding-form");

        await AssertSavedAsync(await first.PostAsync($"/Inspections/Finding/{id}?findingId={finding}", edit.With(("Input.Description", "三台涉密计算机未采取技术防护措施")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync($"/Inspections/Details/{id}?handler=RemoveFinding&findingId={finding}", remove.ToContent()));

        Assert.NotNull(await StoredFindingAsync(app, finding));
        Assert.Equal(("三台涉密计算机未采取技术防护措施", null), Fields(conflict)["发现的问题"]);

        // The page's own forms still carry the inspection's version; the row's Remove carries the finding's new one.
        Assert.Equal((await StoredAsync(app, id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Form(conflict, "#complete-form")["Version"]);
        await AssertSavedAsync(await second.PostAsync($"/Inspections/Details/{id}?handler=RemoveFinding&findingId={finding}", Form(conflict, $"tr[data-finding='{finding}'] form").ToContent()));
        Assert.Null(await StoredFindingAsync(app, finding));
    }

    [Fact]
    public async Task A_verification_from_a_page_opened_before_a_second_report_shows_that_report_and_verifies_it_only_when_confirmed()
    {
        using var app = TestApp.Rent();
        var (p, first, second) = await SettingAsync(app);
        var (_, _, order) = await app.OrderAsync(p);
        await app.ReportAsync(p, order);
        var url = $"/Inspections/Orders/Details/{order}";
        var verify = await TestApp.GetFormAsync(second, url, "#verify-form");

        // Sent back and reported again while the second inspector's page stayed open.
        var sendBack = await TestApp.GetFormAsync(first, url, "#send-back-form");
        await AssertSavedAsync(await first.PostAsync($"{url}?handler=SendBack", sendBack.With(("Review.Note", "请补充防护软件安装清单。")).ToContent()));
        var reported = await app.OrdersAsync(p.Leader, async s => await s.ReportAsync(order, (await s.GetAsync(order))!.Version, new RectificationNoteInput { Note = "已安装防护软件，附安装清单" }, Array.Empty<EvidenceUpload>()));
        Assert.True(reported!.Succeeded);

        var conflict = await AssertConflictAsync(await second.PostAsync($"{url}?handler=Verify", verify.ToContent()));

        Assert.Equal(RectificationStatus.Reported, (await app.OrderRowAsync(order)).Status);
        Assert.Equal(("已安装防护软件，附安装清单", null), Fields(conflict)["单位整改报告"]);
        await AssertSavedAsync(await second.PostAsync($"{url}?handler=Verify", Form(conflict, "#verify-form").ToContent()));
        Assert.Equal(RectificationStatus.Verified, (await app.OrderRowAsync(order)).Status);
    }

    [Fact]
    public async Task A_report_of_the_rectification_sent_from_a_second_window_is_refused_and_the_first_report_kept()
    {
        using var app = TestApp.Rent();
        var (p, _, _) = await SettingAsync(app);
        var (_, _, order) = await app.OrderAsync(p);
        var window1 = await app.SignedInAsync("leader");
        var window2 = await app.SignedInAsync("leader");
        var url = $"/Inspections/Orders/Details/{order}";
        var first = await TestApp.GetFormAsync(window1, url, "#report-form");
        var second = await TestApp.GetFormAsync(window2, url, "#report-form");

        await AssertSavedAsync(await window1.PostAsync($"{url}?handler=Report", first.With(("Report.Note", "已安装防护软件")).ToContent()));
        var conflict = await AssertConflictAsync(await window2.PostAsync($"{url}?handler=Report", second.With(("Report.Note", "已安装防护软件并复查")).ToContent()));

        Assert.Equal("已安装防护软件", (await app.OrderRowAsync(order)).Report);
        Assert.Equal(("已安装防护软件", "已安装防护软件并复查"), Fields(conflict)["单位整改报告"]);

        // Reported already: the rule says so when the report is made again, and the first report stays.
        Assert.Null(conflict.QuerySelector("#report-form"));
    }
}
