using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.SecrecyOrganizations;

/// <summary>
/// Issue 14, "No lost updates": two officers edit a unit's secrecy organization, a rule register entry or a rule area's
/// "not applicable" mark at once; the second is shown the first's save and nothing is overwritten silently (docs/decisions/0020).
/// </summary>
public sealed class SecrecyOrganizationEditConflictTests
{
    private sealed record Setting(int Unit, HttpClient First, HttpClient Second);

    private static async Task<Setting> SettingAsync(TestApp app, bool withOrganization)
    {
        var builder = app.Province()
            .WithUnit("SF", "示范省")
            .WithUnit("SF-JYT", "示范省教育厅", parent: "SF")
            .WithRuleEntries("SF-JYT", ["R1"])
            .WithAccount("wang", Roles.SecrecyOfficer, "SF", displayName: "王秘书")
            .WithAccount("li", Roles.SecrecyOfficer, "SF", displayName: "李秘书");
        if (withOrganization)
        {
            builder = builder.WithOrganization("SF-JYT", fullTime: 1);
        }

        var built = await builder.BuildAsync();
        return new Setting(built.Unit("SF-JYT"), await app.SignedInAsync("wang"), await app.SignedInAsync("li"));
    }

    private static Task<SecrecyOrganization?> StoredAsync(TestApp app, int unitId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SecrecyOrganizations.AsNoTracking().Include(o => o.Cadres).SingleOrDefaultAsync(o => o.UnitId == unitId));

    [Fact]
    public async Task The_second_editor_of_a_secrecy_organization_sees_the_first_ones_save_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app, withOrganization: true);
        var url = $"/SecrecyOrganizations/Edit/{s.Unit}";
        var first = await TestApp.GetFormAsync(s.First, url, "#organization-form");
        var second = await TestApp.GetFormAsync(s.Second, url, "#organization-form");

        await AssertSavedAsync(await s.First.PostAsync(url, first.With(("Input.OfficePhone", "0871-1111111"), ("Input.Cadres[0].Name", "周敏")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync(url, second.With(("Input.OfficePhone", "0871-2222222"), ("Input.Facilities", "专用保密室一间")).ToContent()));

        var stored = await StoredAsync(app, s.Unit);
        Assert.Equal(("0871-1111111", (string?)null, "周敏"), (stored!.OfficePhone, stored.Facilities, Assert.Single(stored.Cadres).Name));
        var fields = Fields(conflict);
        Assert.Equal(("0871-1111111", "0871-2222222"), fields["保密办电话"]);
        Assert.Equal(("（无）", "专用保密室一间"), fields["设施和工作条件"]);
        Assert.StartsWith("周敏", fields["保密干部"].Theirs, StringComparison.Ordinal);
        Assert.StartsWith("保密干部0", fields["保密干部"].Yours, StringComparison.Ordinal);

        await AssertSavedAsync(await s.Second.PostAsync(url, Form(conflict, "#organization-form").ToContent()));
        stored = await StoredAsync(app, s.Unit);
        Assert.Equal(("0871-2222222", "专用保密室一间", "保密干部0"), (stored!.OfficePhone, stored.Facilities, Assert.Single(stored.Cadres).Name));
    }

    [Fact]
    public async Task Two_officers_recording_a_units_first_secrecy_organization_do_not_both_create_it()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app, withOrganization: false);
        var url = $"/SecrecyOrganizations/Edit/{s.Unit}";
        var first = await TestApp.GetFormAsync(s.First, url, "#organization-form");
        var second = await TestApp.GetFormAsync(s.Second, url, "#organization-form");
        Assert.Equal("0", second["Version"]);
        (string, string)[] fields = [("Input.Kind", nameof(SecrecyOrganizationKind.Committee)), ("Input.EstablishedOn", "2019-04-01")];

        await AssertSavedAsync(await s.First.PostAsync(url, first.With([.. fields, ("Input.OfficeName", "教育厅保密办")]).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync(url, second.With([.. fields, ("Input.OfficeName", "厅保密办公室")]).ToContent()));

        Assert.Equal("教育厅保密办", (await StoredAsync(app, s.Unit))!.OfficeName);
        Assert.Equal(("教育厅保密办", "厅保密办公室"), Fields(conflict)["保密办名称"]);
        await AssertSavedAsync(await s.Second.PostAsync(url, Form(conflict, "#organization-form").ToContent()));
        Assert.Equal("厅保密办公室", (await StoredAsync(app, s.Unit))!.OfficeName);
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SecrecyOrganizations.CountAsync(o => o.UnitId == s.Unit)));
    }

    [Fact]
    public async Task The_second_editor_of_a_rule_register_entry_sees_the_first_ones_save_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app, withOrganization: false);
        var url = $"/SecrecyOrganizations/RuleRegisterEdit/{s.Unit}/R1";
        var first = await TestApp.GetFormAsync(s.First, url, "#rule-entry-form");
        var second = await TestApp.GetFormAsync(s.Second, url, "#rule-entry-form");

        await AssertSavedAsync(await s.First.PostAsync(url, first.With(("Input.LastRevisedOn", "2025-06-01"), ("Input.DocumentReference", "教保〔2025〕3号")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync(url, second.With(("Input.DocumentReference", "教保〔2025〕9号")).ToContent()));

        Assert.Equal("教保〔2025〕3号", (await EntryAsync(app, s.Unit)).DocumentReference);
        Assert.Equal(("教保〔2025〕3号", "教保〔2025〕9号"), Fields(conflict)["文号"]);
        await AssertSavedAsync(await s.Second.PostAsync(url, Form(conflict, "#rule-entry-form").ToContent()));
        var entry = await EntryAsync(app, s.Unit);
        Assert.Equal(("教保〔2025〕9号", (DateOnly?)null), (entry.DocumentReference, entry.LastRevisedOn));
    }

    [Fact]
    public async Task A_rule_area_marked_not_applicable_by_two_officers_at_once_keeps_the_first_reason_until_the_second_confirms()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app, withOrganization: false);
        var url = $"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R8";
        var first = await TestApp.GetFormAsync(s.First, url, "#not-applicable-form");
        var second = await TestApp.GetFormAsync(s.Second, url, "#not-applicable-form");

        await AssertSavedAsync(await s.First.PostAsync(url, first.With(("Input.Reason", "无科技工作。")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync(url, second.With(("Input.Reason", "本厅不承担科研任务。")).ToContent()));

        Assert.Equal("无科技工作。", Assert.Single(await ExemptionsAsync(app)).Reason);
        Assert.Equal(("无科技工作。", "本厅不承担科研任务。"), Fields(conflict)["该方面不适用于本单位的理由"]);
        await AssertSavedAsync(await s.Second.PostAsync(url, Form(conflict, "#not-applicable-form").ToContent()));
        Assert.Equal("本厅不承担科研任务。", Assert.Single(await ExemptionsAsync(app)).Reason);
    }

    [Fact]
    public async Task A_mark_whose_reason_changed_after_the_page_opened_is_not_withdrawn_unseen()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app, withOrganization: false);
        var url = $"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R8";
        await AssertSavedAsync(await s.First.PostAsync(url, (await TestApp.GetFormAsync(s.First, url, "#not-applicable-form")).With(("Input.Reason", "无科技工作。")).ToContent()));
        var withdraw = await TestApp.GetFormAsync(s.Second, url, "#withdraw-not-applicable-form");
        var edit = await TestApp.GetFormAsync(s.First, url, "#not-applicable-form");

        await AssertSavedAsync(await s.First.PostAsync(url, edit.With(("Input.Reason", "本厅不承担科研任务，亦无科技成果。")).ToContent()));
        var conflict = await AssertConflictAsync(await s.Second.PostAsync($"{url}?handler=Withdraw", withdraw.ToContent()));

        Assert.Single(await ExemptionsAsync(app));
        Assert.Equal(("本厅不承担科研任务，亦无科技成果。", null), Fields(conflict)["该方面不适用于本单位的理由"]);
        await AssertSavedAsync(await s.Second.PostAsync($"{url}?handler=Withdraw", Form(conflict, "#withdraw-not-applicable-form").ToContent()));
        Assert.Empty(await ExemptionsAsync(app));
    }

    private static Task<RuleRegisterEntry> EntryAsync(TestApp app, int unitId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RuleRegisterEntries.AsNoTracking().SingleAsync(e => e.UnitId == unitId));

    private static Task<List<RuleAreaExemption>> ExemptionsAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RuleAreaExemptions.AsNoTracking().ToListAsync());
}
