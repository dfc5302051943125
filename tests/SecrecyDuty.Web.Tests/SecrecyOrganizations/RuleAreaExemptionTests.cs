using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.SecrecyOrganizations.OrganizationTestData;

namespace SecrecyDuty.Web.Tests.SecrecyOrganizations;

/// <summary>
/// S6.6 asks for rules "结合本单位工作特点": the secrecy office marks a rule area not applicable to a unit, with the reason,
/// and may withdraw the mark; the register shows it with who and when.
/// </summary>
public sealed class RuleAreaExemptionTests
{
    private sealed record Setting(int Root, int Unit, int OtherUnit, FixedCurrentUser Officer);

    private static async Task<Setting> SettingAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("SF", "示范省")
            .WithUnit("SF-JYT", "示范省教育厅", parent: "SF")
            .WithUnit("Q", "外省")
            .BuildAsync();
        var root = built.Unit("SF");
        var unit = built.Unit("SF-JYT");
        var other = built.Unit("Q");
        var regulation = await AddRegulationAsync(app);
        await app.Province().WithRuleEntries(unit, ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R9"], regulationId: regulation).BuildAsync();
        return new Setting(root, unit, other, new FixedCurrentUser("officer", root, Roles.SecrecyOfficer));
    }

    /// <summary>Marks the area as the form opened now would: over the mark's current version (none yet: 0).</summary>
    private static Task<Result?> MarkAsync(TestApp app, ICurrentUser actor, int unitId, string code, string? reason) =>
        app.InScopeAsync(async sp =>
        {
            var register = TestApp.ServiceFor<RuleRegisterService>(sp, actor);
            var version = (await register.GetExemptionFormAsync(unitId, code))?.Version ?? 0;
            return await register.MarkNotApplicableAsync(unitId, code, version, new RuleAreaExemptionInput { Reason = reason });
        });

    private static Task<Result?> WithdrawAsync(TestApp app, ICurrentUser actor, int unitId, string code) =>
        app.InScopeAsync(async sp =>
        {
            var register = TestApp.ServiceFor<RuleRegisterService>(sp, actor);
            var version = (await register.GetExemptionFormAsync(unitId, code))?.Version ?? 0;
            return await register.WithdrawNotApplicableAsync(unitId, code, version);
        });

    private static Task<List<RuleAreaExemption>> ExemptionsAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().RuleAreaExemptions.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Art6_rule_area_marked_not_applicable_with_a_reason()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, s.Root);

        var form = await TestApp.GetFormAsync(client, $"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R8", "#not-applicable-form");
        var marked = await client.PostAsync($"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R8", form.With(("Input.Reason", "  本单位不承担科学技术研究任务。 ")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var stored = Assert.Single(await ExemptionsAsync(app));
        Assert.Equal(("本单位不承担科学技术研究任务。", "officer", app.Clock.GetUtcNow().UtcDateTime), (stored.Reason, stored.RecordedBy, stored.RecordedAtUtc));
        var register = await TestApp.GetDocumentAsync(client, $"/SecrecyOrganizations/RuleRegister/{s.Unit}");
        var row = register.QuerySelector("#rule-R8")!;
        Assert.Contains("rule-not-applicable", row.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Contains("本单位不承担科学技术研究任务。", row.QuerySelector(".not-applicable-reason")!.TextContent, StringComparison.Ordinal);
        var at = app.Clock.GetUtcNow().UtcDateTime.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"由 officer 于 {at} 标记为不适用。", row.QuerySelector(".not-applicable-recorded")!.TextContent);
        Assert.Null(register.QuerySelector("#missing-codes"));
        Assert.Equal("(不适用：R8)", register.QuerySelector("#not-applicable-codes")!.TextContent);

        // Withdrawn, the area is missing again.
        var withdraw = await TestApp.GetFormAsync(client, $"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R8", "#withdraw-not-applicable-form");
        var withdrawn = await client.PostAsync($"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R8?handler=Withdraw", withdraw.ToContent());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Empty(await ExemptionsAsync(app));
        var after = await TestApp.GetDocumentAsync(client, $"/SecrecyOrganizations/RuleRegister/{s.Unit}");
        Assert.Equal("(未建立：R8)", after.QuerySelector("#missing-codes")!.TextContent);
    }

    [Fact]
    public async Task Art6_a_rule_area_is_not_marked_not_applicable_without_a_reason_and_the_message_is_beside_the_reason()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, s.Root);

        var form = await TestApp.GetFormAsync(client, $"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R8", "#not-applicable-form");
        var response = await client.PostAsync($"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R8", form.With(("Input.Reason", "   ")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("请说明该方面制度不适用于本单位的理由。", page.QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent);
        Assert.Empty(await ExemptionsAsync(app));
    }

    [Fact]
    public async Task Art6_a_reason_of_500_characters_is_accepted_and_501_refused()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);

        var tooLong = await MarkAsync(app, s.Officer, s.Unit, "R8", new string('因', 501));
        Assert.Equal(("Reason", "Shorten the reason to at most 500 characters."), (Assert.Single(tooLong!.Errors).Field, tooLong.Errors[0].Message));
        Assert.True((await MarkAsync(app, s.Officer, s.Unit, "R8", new string('因', 500)))!.Succeeded);
    }

    [Fact]
    public async Task Art6_marking_again_changes_the_reason_of_the_one_mark()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);

        await MarkAsync(app, s.Officer, s.Unit, "R8", "无科技工作。");
        app.Clock.Advance(TimeSpan.FromDays(2));
        await MarkAsync(app, new FixedCurrentUser("officer-2", s.Root, Roles.Administrator), s.Unit, "r8", "本单位无科学技术研究任务。");

        var stored = Assert.Single(await ExemptionsAsync(app));
        Assert.Equal(("本单位无科学技术研究任务。", "officer-2"), (stored.Reason, stored.RecordedBy));
        var view = await app.InScopeAsync(sp => TestApp.ServiceFor<RuleRegisterService>(sp, s.Officer).GetAsync(s.Unit));
        Assert.Equal(["R8"], view!.NotApplicableCodes);
        Assert.Empty(view.MissingCodes);
    }

    [Theory]
    [InlineData(Roles.UnitLeader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Art6_only_the_secrecy_office_marks_or_withdraws(string role)
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        await MarkAsync(app, s.Officer, s.Unit, "R8", "无科技工作。");
        var reader = new FixedCurrentUser("reader", s.Unit, role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => MarkAsync(app, reader, s.Unit, "R7", "无对外宣传工作。"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => WithdrawAsync(app, reader, s.Unit, "R8"));
        Assert.Equal("无科技工作。", Assert.Single(await ExemptionsAsync(app)).Reason);

        var client = await app.SignedInAsAsync("reader", role, s.Unit);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.Unit}/R7")).StatusCode);
        var register = await TestApp.GetDocumentAsync(client, $"/SecrecyOrganizations/RuleRegister/{s.Unit}");
        Assert.Empty(register.QuerySelectorAll(".mark-not-applicable"));
    }

    [Fact]
    public async Task Art6_a_unit_outside_the_jurisdiction_is_refused_like_a_missing_one()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, s.Root);

        Assert.Null(await MarkAsync(app, s.Officer, s.OtherUnit, "R8", "无科技工作。"));
        Assert.Null(await MarkAsync(app, s.Officer, 987_654, "R8", "无科技工作。"));
        Assert.Null(await WithdrawAsync(app, s.Officer, s.OtherUnit, "R8"));
        var outside = await client.GetAsync($"/SecrecyOrganizations/RuleRegisterNotApplicable/{s.OtherUnit}/R8");
        var missing = await client.GetAsync("/SecrecyOrganizations/RuleRegisterNotApplicable/987654/R8");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (outside.StatusCode, missing.StatusCode));
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
        Assert.Empty(await ExemptionsAsync(app));
    }

    [Fact]
    public async Task Art6_withdrawing_a_mark_that_is_not_there_is_reported()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);

        var result = await WithdrawAsync(app, s.Officer, s.Unit, "R8");

        Assert.Equal("This rule area is not marked as not applicable to the unit.", Assert.Single(result!.Errors).Message);
    }
}
