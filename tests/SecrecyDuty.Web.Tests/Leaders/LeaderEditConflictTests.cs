using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>Issue 14, "No lost updates": two officers edit one leader or one posting at once (docs/decisions/0020).</summary>
public sealed class LeaderEditConflictTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private sealed record Setting(int Bureau, int Leader, int Posting, HttpClient First, HttpClient Second);

    private static async Task<Setting> SettingAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-BMJ", "示范省保密局", parent: "P", kind: UnitKind.StateOrgan)
            .WithLeader("王局长", "P-BMJ", "GB-1", LeaderRank.DepartmentBureau)
            .WithPosting("王局长", PostingRole.PrincipalLeader, Jan1)
            .WithAccount("wang", Roles.SecrecyOfficer, "P", displayName: "王秘书")
            .WithAccount("li", Roles.SecrecyOfficer, "P", displayName: "李秘书")
            .BuildAsync();
        return new Setting(built.Unit("P-BMJ"), built.Leader("王局长"), built.Posting("王局长"), await app.SignedInAsync("wang"), await app.SignedInAsync("li"));
    }

    [Fact]
    public async Task The_second_editor_of_a_leader_sees_the_first_ones_save_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var url = $"/Leaders/Edit/{s.Leader}";
        var first = await TestApp.GetFormAsync(s.First, url, "#edit-leader-form");
        var second = await TestApp.GetFormAsync(s.Second, url, "#edit-leader-form");

        await AssertSavedAsync(await s.First.PostAsync(url, first.With(("Input.Phone", "0871-1111111")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync(url, second.With(
            ("Input.Phone", "0871-2222222"),
            ("Input.Rank", nameof(LeaderRank.ProvincialMinisterial))).ToContent()));

        var stored = await app.FindLeaderAsync("GB-1");
        Assert.Equal(("0871-1111111", LeaderRank.DepartmentBureau), (stored!.Phone, stored.Rank));
        Assert.Contains("王秘书 (wang)", Saved(conflict), StringComparison.Ordinal);
        var fields = Fields(conflict);
        Assert.Equal(("0871-1111111", "0871-2222222"), fields["电话（可选）"]);
        Assert.Equal(("厅局级", "省部级"), fields["职级"]);
        Assert.Equal(("王局长", "王局长"), fields["姓名"]);

        await AssertSavedAsync(await s.Second.PostAsync(url, Form(conflict, "#edit-leader-form").ToContent()));
        stored = await app.FindLeaderAsync("GB-1");
        Assert.Equal(("0871-2222222", LeaderRank.ProvincialMinisterial, "li"), (stored!.Phone, stored.Rank, stored.SavedBy));
    }

    [Fact]
    public async Task A_deactivation_from_a_page_opened_before_an_edit_of_the_leader_is_refused_until_confirmed()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var deactivate = await TestApp.GetFormAsync(s.Second, $"/Leaders/Details/{s.Leader}", "#deactivate-leader-form");
        var edit = await TestApp.GetFormAsync(s.First, $"/Leaders/Edit/{s.Leader}", "#edit-leader-form");

        await AssertSavedAsync(await s.First.PostAsync($"/Leaders/Edit/{s.Leader}", edit.With(("Input.Name", "王新局长")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync($"/Leaders/Details/{s.Leader}?handler=Deactivate", deactivate.ToContent()));

        Assert.True((await app.FindLeaderAsync("GB-1"))!.IsActive);
        Assert.Equal(("王新局长", null), Fields(conflict)["姓名"]);
        await AssertSavedAsync(await s.Second.PostAsync($"/Leaders/Details/{s.Leader}?handler=Deactivate", Form(conflict, "#deactivate-leader-form").ToContent()));
        Assert.False((await app.FindLeaderAsync("GB-1"))!.IsActive);
    }

    [Fact]
    public async Task The_second_editor_of_a_posting_sees_the_first_ones_save_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var url = $"/Postings/Edit/{s.Posting}";
        var first = await TestApp.GetFormAsync(s.First, url, "#edit-posting-form");
        var second = await TestApp.GetFormAsync(s.Second, url, "#edit-posting-form");

        await AssertSavedAsync(await s.First.PostAsync(url, first.With(("Input.Title", "局长、党组书记")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync(url, second.With(("Input.Title", "局长（主持工作）")).ToContent()));

        Assert.Equal("局长、党组书记", (await app.FindPostingAsync(s.Posting))!.Title);
        Assert.Equal(("局长、党组书记", "局长（主持工作）"), Fields(conflict)["职务"]);
        await AssertSavedAsync(await s.Second.PostAsync(url, Form(conflict, "#edit-posting-form").ToContent()));
        Assert.Equal("局长（主持工作）", (await app.FindPostingAsync(s.Posting))!.Title);
    }

    [Fact]
    public async Task Ending_a_posting_from_a_page_opened_before_another_save_is_refused_until_confirmed()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var url = $"/Postings/Edit/{s.Posting}";
        var end = await TestApp.GetFormAsync(s.Second, url, "#end-posting-form");
        var edit = await TestApp.GetFormAsync(s.First, url, "#edit-posting-form");

        await AssertSavedAsync(await s.First.PostAsync(url, edit.With(("Input.From", "2025-12-01")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync($"{url}?handler=End", end.With(("EndInput.To", "2026-10-31")).ToContent()));

        var stored = await app.FindPostingAsync(s.Posting);
        Assert.Equal((new DateOnly(2025, 12, 1), (DateOnly?)null), (stored!.From, stored.To));
        Assert.Equal(("（无）", "2026-10-31"), Fields(conflict)["任职最后一天"]);
        Assert.Equal(("2025-12-01", null), Fields(conflict)["起始日期"]);
        await AssertSavedAsync(await s.Second.PostAsync($"{url}?handler=End", Form(conflict, "#end-posting-form").ToContent()));
        Assert.Equal(new DateOnly(2026, 10, 31), (await app.FindPostingAsync(s.Posting))!.To);
    }
}
