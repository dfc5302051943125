using System.Globalization;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Checklists.ChecklistTestData;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Checklists;

/// <summary>
/// Issue 14, "No lost updates": a duty checklist changed in two places at once (the leader in two windows, two reviewers);
/// the second is shown what the first saved, item by item, and nothing is overwritten silently (docs/decisions/0020).
/// </summary>
public sealed class ChecklistEditConflictTests
{
    private const string P53 = "Input.Items[12]";

    private static string Url(int postingId, string? handler = null) =>
        $"/Checklists/Posting/{postingId.ToString(CultureInfo.InvariantCulture)}?year={ChecklistProvince.Year}" + (handler is null ? "" : "&handler=" + handler);

    [Fact]
    public async Task A_leaders_save_from_a_second_window_shows_the_items_saved_in_the_first_and_saving_again_replaces_them()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var window1 = await app.SignedInAsync("zhang");
        var window2 = await app.SignedInAsync("zhang");
        var first = await TestApp.GetFormAsync(window1, Url(p.ZhangPosting), "#checklist-form");
        var second = await TestApp.GetFormAsync(window2, Url(p.ZhangPosting), "#checklist-form");

        await AssertSavedAsync(await window1.PostAsync(Url(p.ZhangPosting), first.With(($"{P53}.Status", nameof(ChecklistItemStatus.InProgress))).ToContent()));
        var conflict = await AssertConflictAsync(await window2.PostAsync(Url(p.ZhangPosting), second.With(
            ($"{P53}.Status", nameof(ChecklistItemStatus.Fulfilled)),
            ($"{P53}.SelfAssessment", "3月、9月两次听取汇报。")).ToContent()));

        Assert.Equal((ChecklistItemStatus.InProgress, (string?)null), Item(await StoredItemsAsync(app, p.ZhangPosting), "P5.3"));
        var fields = Fields(conflict);
        Assert.Equal(("进行中", "已落实"), fields["P5.3 · 状态"]);
        Assert.Equal(("（无）", "3月、9月两次听取汇报。"), fields["P5.3 · 自评"]);
        Assert.Equal(("填写中", null), fields["状态"]);
        Assert.Equal(3, fields.Count);

        await AssertSavedAsync(await window2.PostAsync(Url(p.ZhangPosting), Form(conflict, "#checklist-form").ToContent()));
        Assert.Equal((ChecklistItemStatus.Fulfilled, "3月、9月两次听取汇报。"), Item(await StoredItemsAsync(app, p.ZhangPosting), "P5.3"));
    }

    [Fact]
    public async Task A_submission_from_a_window_opened_before_another_save_is_refused_until_made_again()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var window1 = await app.SignedInAsync("zhang");
        var window2 = await app.SignedInAsync("zhang");
        var save = await TestApp.GetFormAsync(window1, Url(p.ZhangPosting), "#checklist-form");
        var submit = await TestApp.GetFormAsync(window2, Url(p.ZhangPosting), "#checklist-form");
        for (var i = 0; i < 13; i++)
        {
            submit.With(($"Input.Items[{i}].Status", nameof(ChecklistItemStatus.Fulfilled)));
        }

        await AssertSavedAsync(await window1.PostAsync(Url(p.ZhangPosting), save.With(($"{P53}.SelfAssessment", "上半年已听取汇报。")).ToContent()));
        var conflict = await AssertConflictAsync(await window2.PostAsync(Url(p.ZhangPosting, "Submit"), submit.ToContent()));

        Assert.Equal(ChecklistStatus.Open, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
        await AssertSavedAsync(await window2.PostAsync(Url(p.ZhangPosting, "Submit"), Form(conflict, "#checklist-form").ToContent()));
        Assert.Equal(ChecklistStatus.Submitted, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
    }

    [Fact]
    public async Task A_return_by_a_second_reviewer_after_the_first_reviewed_is_shown_the_review_and_cannot_undo_it()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var view = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        Assert.True((await AsAsync(app, p.Zhang, s => s.SubmitCurrentAsync(p.ZhangPosting, ChecklistProvince.Year, All(view!, ChecklistItemStatus.Fulfilled))))!.Succeeded);
        await app.Province().WithAccount("wang", Roles.SecrecyOfficer, p.Root, displayName: "王秘书").BuildAsync();
        var first = await app.SignedInAsync("wang");
        var second = await app.SignedInAsAsync("zhao", Roles.SecrecyOfficer, p.Root);
        var firstForm = await TestApp.GetFormAsync(first, Url(p.ZhangPosting), "#review-form");
        var secondForm = await TestApp.GetFormAsync(second, Url(p.ZhangPosting), "#review-form");

        await AssertSavedAsync(await first.PostAsync(Url(p.ZhangPosting, "Review"), firstForm.With(("Review.Opinion", "履职情况良好。")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(Url(p.ZhangPosting, "Return"), secondForm.With(("Review.Opinion", "请补充 P5.3 汇报的时间。")).ToContent()));

        var stored = await StoredChecklistAsync(app, p.ZhangPosting);
        Assert.Equal((ChecklistStatus.Reviewed, "履职情况良好。"), (stored!.Status, stored.OrganizationOpinion));
        Assert.Contains("王秘书 (wang)", Saved(conflict), StringComparison.Ordinal);
        Assert.Equal(("已审核", null), Fields(conflict)["状态"]);
        Assert.Equal(("履职情况良好。", "请补充 P5.3 汇报的时间。"), Fields(conflict)["保密组织对本清单的意见"]);

        // A reviewed checklist is final: the page no longer offers the review, and the return cannot be made again.
        Assert.Null(conflict.QuerySelector("#review-form"));
        var again = await second.PostAsync(Url(p.ZhangPosting, "Return"), secondForm.With(("Version", stored.Version.ToString(CultureInfo.InvariantCulture))).ToContent());
        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(ChecklistStatus.Reviewed, (await StoredChecklistAsync(app, p.ZhangPosting))!.Status);
    }

    private static (ChecklistItemStatus, string?) Item(Dictionary<string, DutyChecklistItem> items, string code) => (items[code].Status, items[code].SelfAssessment);
}
