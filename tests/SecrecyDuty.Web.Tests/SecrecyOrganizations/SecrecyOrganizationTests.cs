using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.SecrecyOrganizations.OrganizationTestData;

namespace SecrecyDuty.Web.Tests.SecrecyOrganizations;

/// <summary>P5.2: a unit's secrecy organization, with its members and secrecy cadres, one per unit.</summary>
public sealed class SecrecyOrganizationTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Setup(int Root, int Unit, int SecrecyLeader, int Principal, FixedCurrentUser Officer);

    private static async Task<Setup> SetupAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("SF", "示范省")
            .WithUnit("SF-JYT", "示范省教育厅", parent: "SF")
            .WithLeader("李分管", "SF-JYT", rank: LeaderRank.DepartmentBureau)
            .WithPosting("李分管", PostingRole.SecrecyLeader, new DateOnly(2022, 1, 1), title: "副厅长")
            .WithLeader("张厅长", "SF-JYT", rank: LeaderRank.DepartmentBureau)
            .WithPosting("张厅长", PostingRole.PrincipalLeader, new DateOnly(2021, 6, 1), title: "厅长")
            .BuildAsync();
        var root = built.Unit("SF");
        var unit = built.Unit("SF-JYT");
        var secrecyLeader = built.Leader("李分管");
        var principal = built.Leader("张厅长");
        return new Setup(root, unit, secrecyLeader, principal, new FixedCurrentUser("officer-1", root, Roles.SecrecyOfficer));
    }

    private static SecrecyOrganizationInput ValidInput(Setup s) => new()
    {
        Kind = SecrecyOrganizationKind.Committee,
        EstablishedOn = new DateOnly(2019, 3, 1),
        ChairLeaderId = s.SecrecyLeader,
        OfficeName = "示范省教育厅保密办公室",
        OfficeHead = "陈明",
        OfficePhone = "0571-8700 1234",
        AnnualBudget = 120000m,
        BudgetYear = 2026,
        Facilities = "保密室一间，涉密计算机 3 台",
        Members =
        [
            new MemberRow { LeaderId = s.SecrecyLeader },
            new MemberRow { Name = "刘芳", Position = "办公室主任" },
            new MemberRow(),
        ],
        Cadres =
        [
            new CadreRow { Name = "周敏", Position = "保密办主任", IsFullTime = true, LastTrainedOn = new DateOnly(2026, 6, 15) },
            new CadreRow { Name = "吴强", Position = "办公室干部" },
            new CadreRow(),
        ],
    };

    private static Task<Result?> SaveAsync(TestApp app, ICurrentUser actor, int unitId, SecrecyOrganizationInput input) =>
        app.InScopeAsync(async sp =>
        {
            // As the form opened now would: over the organization's current version (none yet: 0).
            var version = await sp.GetRequiredService<AppDbContext>().SecrecyOrganizations.Where(o => o.UnitId == unitId).Select(o => o.Version).FirstOrDefaultAsync();
            return await TestApp.ServiceFor<SecrecyOrganizationService>(sp, actor).SaveAsync(unitId, version, input);
        });

    private static Task<SecrecyOrganization?> StoredAsync(TestApp app, int unitId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SecrecyOrganizations.AsNoTracking()
            .Include(o => o.Members).Include(o => o.Cadres)
            .SingleOrDefaultAsync(o => o.UnitId == unitId));

    private static Task<List<AuditEntry>> TrailAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task An_organization_is_created_with_its_members_and_cadres_in_one_save_and_audited()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var before = (await TrailAsync(app)).Count;

        var result = await SaveAsync(app, s.Officer, s.Unit, ValidInput(s));

        Assert.True(result!.Succeeded, string.Join("; ", result.Errors));
        var stored = (await StoredAsync(app, s.Unit))!;
        Assert.Equal(SecrecyOrganizationKind.Committee, stored.Kind);
        Assert.Equal(s.SecrecyLeader, stored.ChairLeaderId);
        Assert.Equal(120000m, stored.AnnualBudget);

        // A leader member takes the leader's name and, with no position given, the posting's title.
        Assert.Equal([("李分管", "副厅长", (int?)s.SecrecyLeader), ("刘芳", "办公室主任", null)],
            stored.Members.OrderBy(m => m.Id).Select(m => (m.Name, m.Position!, m.LeaderId)));
        Assert.Equal([("周敏", true), ("吴强", false)], stored.Cadres.OrderBy(c => c.Id).Select(c => (c.Name, c.IsFullTime)));

        var trail = (await TrailAsync(app)).Skip(before).ToList();
        Assert.All(trail, e => Assert.Equal("officer-1", e.UserId));
        Assert.All(trail, e => Assert.Equal(AuditAction.Create, e.Action));
        Assert.Equal(1, trail.Count(e => e.EntityType == nameof(SecrecyOrganization)));
        Assert.Equal(2, trail.Count(e => e.EntityType == nameof(SecrecyOrganizationMember)));
        Assert.Equal(2, trail.Count(e => e.EntityType == nameof(SecrecyCadre)));

        // One save: every entry carries the same timestamp and the organization's entry names its unit.
        Assert.Single(trail.Select(e => e.AtUtc).Distinct());
        Assert.Equal(s.Unit, trail.Single(e => e.EntityType == nameof(SecrecyOrganization)).UnitId);
    }

    [Fact]
    public async Task Saving_again_updates_the_one_organization_of_the_unit_and_replaces_its_members_and_cadres()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        await SaveAsync(app, s.Officer, s.Unit, ValidInput(s));
        var form = (await app.InScopeAsync(sp => TestApp.ServiceFor<SecrecyOrganizationService>(sp, s.Officer).GetFormAsync(s.Unit)))!;
        var before = (await TrailAsync(app)).Count;

        var input = form.Input;
        input.Kind = SecrecyOrganizationKind.LeadingGroup;
        input.AnnualBudget = 150000m;
        input.Members[1].Remove = true;
        input.Members.Add(new MemberRow { LeaderId = s.Principal, Position = "组长" });
        input.Cadres[1].IsFullTime = true;
        var result = await SaveAsync(app, s.Officer, s.Unit, input);

        Assert.True(result!.Succeeded, string.Join("; ", result.Errors));
        Assert.False(form.IsNew);
        var count = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SecrecyOrganizations.CountAsync(o => o.UnitId == s.Unit));
        Assert.Equal(1, count);
        var stored = (await StoredAsync(app, s.Unit))!;
        Assert.Equal(SecrecyOrganizationKind.LeadingGroup, stored.Kind);
        Assert.Equal(["张厅长", "李分管"], stored.Members.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(stored.Cadres, c => Assert.True(c.IsFullTime));

        var trail = (await TrailAsync(app)).Skip(before).ToList();
        var organizationEntry = Assert.Single(trail, e => e.EntityType == nameof(SecrecyOrganization));
        Assert.Equal(AuditAction.Update, organizationEntry.Action);
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(organizationEntry.Changes, Json)!;
        Assert.Contains(changes, c => c.Field == "Kind" && c.Old == "Committee" && c.New == "LeadingGroup");
        Assert.Contains(trail, e => e.EntityType == nameof(SecrecyOrganizationMember) && e.Action == AuditAction.Delete);
        Assert.Contains(trail, e => e.EntityType == nameof(SecrecyOrganizationMember) && e.Action == AuditAction.Create);
        Assert.Contains(trail, e => e.EntityType == nameof(SecrecyCadre) && e.Action == AuditAction.Update);
    }

    [Fact]
    public async Task The_database_refuses_a_second_organization_for_a_unit()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        await app.Province().WithOrganization(s.Unit, SecrecyOrganizationKind.Committee).BuildAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => app.Province().WithOrganization(s.Unit, SecrecyOrganizationKind.LeadingGroup).BuildAsync());
    }

    [Fact]
    public async Task An_establishment_date_in_the_future_is_refused_and_nothing_is_saved()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var input = ValidInput(s);
        input.EstablishedOn = Today(app).AddDays(1);

        var result = await SaveAsync(app, s.Officer, s.Unit, input);

        Assert.Equal(nameof(SecrecyOrganizationInput.EstablishedOn), Assert.Single(result!.Errors).Field);
        Assert.Null(await StoredAsync(app, s.Unit));
    }

    [Fact]
    public async Task An_organization_established_today_is_accepted()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var input = ValidInput(s);
        input.EstablishedOn = Today(app);

        Assert.True((await SaveAsync(app, s.Officer, s.Unit, input))!.Succeeded);
    }

    [Fact]
    public async Task A_negative_budget_is_refused()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var input = ValidInput(s);
        input.AnnualBudget = -0.01m;

        var result = await SaveAsync(app, s.Officer, s.Unit, input);

        Assert.Equal(nameof(SecrecyOrganizationInput.AnnualBudget), Assert.Single(result!.Errors).Field);
        Assert.Null(await StoredAsync(app, s.Unit));
    }

    [Fact]
    public async Task A_chair_who_holds_no_posting_in_the_unit_today_is_refused()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var built = await app.Province()
            .WithUnit("SF-CZT", "示范省财政厅", parent: s.Root)
            .WithLeader("王财政", "SF-CZT", rank: LeaderRank.DepartmentBureau)
            .WithPosting("王财政", PostingRole.SecrecyLeader, new DateOnly(2020, 1, 1), title: "副厅长")
            .WithLeader("赵前任", s.Unit, rank: LeaderRank.DepartmentBureau)
            .WithPosting("赵前任", PostingRole.OtherMember, new DateOnly(2015, 1, 1), to: Today(app).AddDays(-1), title: "副厅长")
            .BuildAsync();
        var otherUnitLeader = built.Leader("王财政");
        var formerLeader = built.Leader("赵前任");

        foreach (var chair in new[] { otherUnitLeader, formerLeader })
        {
            var input = ValidInput(s);
            input.ChairLeaderId = chair;

            var result = await SaveAsync(app, s.Officer, s.Unit, input);

            Assert.Equal(nameof(SecrecyOrganizationInput.ChairLeaderId), Assert.Single(result!.Errors).Field);
        }

        Assert.Null(await StoredAsync(app, s.Unit));
    }

    [Fact]
    public async Task A_member_chosen_among_leaders_must_hold_a_posting_in_the_unit_today()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var formerLeader = (await app.Province()
            .WithLeader("赵前任", s.Unit, rank: LeaderRank.DepartmentBureau)
            .WithPosting("赵前任", PostingRole.OtherMember, new DateOnly(2015, 1, 1), to: Today(app).AddDays(-1), title: "副厅长")
            .BuildAsync()).Leader("赵前任");
        var input = ValidInput(s);
        input.Members[2].LeaderId = formerLeader;

        var result = await SaveAsync(app, s.Officer, s.Unit, input);

        Assert.Equal("Members[2].LeaderId", Assert.Single(result!.Errors).Field);
    }

    [Fact]
    public async Task A_cadre_without_a_name_is_refused_beside_the_row()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var input = ValidInput(s);
        input.Cadres[2] = new CadreRow { Position = "机要员", IsFullTime = true };

        var result = await SaveAsync(app, s.Officer, s.Unit, input);

        Assert.Equal("Cadres[2].Name", Assert.Single(result!.Errors).Field);
        Assert.Null(await StoredAsync(app, s.Unit));
    }

    [Fact]
    public async Task Blank_rows_and_rows_marked_for_removal_are_not_saved()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var input = ValidInput(s);
        input.Members.Add(new MemberRow { Name = "", Position = " " });
        input.Cadres.Add(new CadreRow { Name = "", Position = "删掉的行", Remove = true });

        var result = await SaveAsync(app, s.Officer, s.Unit, input);

        Assert.True(result!.Succeeded, string.Join("; ", result.Errors));
        var stored = (await StoredAsync(app, s.Unit))!;
        Assert.Equal(2, stored.Members.Count);
        Assert.Equal(2, stored.Cadres.Count);
    }

    [Fact]
    public async Task A_new_organization_proposes_the_leader_in_charge_of_secrecy_as_chair()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);

        var form = (await app.InScopeAsync(sp => TestApp.ServiceFor<SecrecyOrganizationService>(sp, s.Officer).GetFormAsync(s.Unit)))!;

        Assert.True(form.IsNew);
        Assert.Equal(s.SecrecyLeader, form.Input.ChairLeaderId);
        Assert.Equal(["张厅长", "李分管"], form.Leaders.Select(x => x.Name));
    }

    [Fact]
    public async Task A_secrecy_officer_records_the_organization_through_the_form()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, s.Root);

        var empty = await TestApp.GetDocumentAsync(client, $"/SecrecyOrganizations/Details/{s.Unit}");
        Assert.NotNull(empty.QuerySelector("#no-organization"));
        var url = $"/SecrecyOrganizations/Edit/{s.Unit}";
        var form = await TestApp.GetFormAsync(client, url, "#organization-form");
        Assert.Equal(Id(s.SecrecyLeader), form["Input.ChairLeaderId"]);
        var response = await client.PostAsync(url, form.With(
            ("Input.Kind", "Committee"),
            ("Input.EstablishedOn", "2019-03-01"),
            ("Input.OfficeName", "保密办公室"),
            ("Input.AnnualBudget", "80000"),
            ("Input.BudgetYear", "2026"),
            ("Input.Members[0].LeaderId", Id(s.Principal)),
            ("Input.Members[1].Name", "刘芳"),
            ("Input.Members[1].Position", "办公室主任"),
            ("Input.Cadres[0].Name", "周敏"),
            ("Input.Cadres[0].IsFullTime", "True"),
            ("Input.Cadres[0].LastTrainedOn", "2026-06-15")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/SecrecyOrganizations/Details/{s.Unit}", response.Headers.Location!.OriginalString);
        var page = await TestApp.GetDocumentAsync(client, response.Headers.Location.OriginalString);
        Assert.Equal("保密组织已保存。", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("保密委员会", page.QuerySelector("#organization-kind")!.TextContent);
        Assert.Contains("李分管", page.QuerySelector("#chair")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["张厅长", "刘芳"], page.QuerySelectorAll("#members-table tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal("专职保密干部 1 名，兼职保密干部 0 名", page.QuerySelector("#cadre-counts")!.TextContent);
    }

    [Fact]
    public async Task Adding_a_row_shows_the_form_again_with_one_more_blank_row_and_saves_nothing()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, s.Root);
        var url = $"/SecrecyOrganizations/Edit/{s.Unit}";
        var form = await TestApp.GetFormAsync(client, url, "#organization-form");
        var page = await TestApp.GetDocumentAsync(client, url);
        var rowsBefore = page.QuerySelectorAll("#cadres-rows tbody tr").Length;

        var response = await client.PostAsync(url + "?handler=AddCadre", form.With(
            ("Input.Cadres[0].Name", "周敏"),
            ("Input.EstablishedOn", "2030-01-01")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await TestApp.ParseAsync(response);
        Assert.Equal(rowsBefore + 1, again.QuerySelectorAll("#cadres-rows tbody tr").Length);
        Assert.Equal("周敏", again.QuerySelector("[name='Input.Cadres[0].Name']")!.GetAttribute("value"));

        // Not a save: no validation messages yet, and nothing stored.
        Assert.DoesNotContain(again.QuerySelectorAll(".field-validation-error"), e => e.TextContent.Length > 0);
        Assert.Null(await StoredAsync(app, s.Unit));
    }

    [Fact]
    public async Task A_bad_form_shows_each_message_beside_its_field_and_row()
    {
        using var app = TestApp.Rent();
        var s = await SetupAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, s.Root);
        var url = $"/SecrecyOrganizations/Edit/{s.Unit}";
        var form = await TestApp.GetFormAsync(client, url, "#organization-form");

        var response = await client.PostAsync(url, form.With(
            ("Input.Kind", "Committee"),
            ("Input.EstablishedOn", "2026-11-28"),
            ("Input.AnnualBudget", "-5"),
            ("Input.BudgetYear", "2026"),
            ("Input.Cadres[1].Position", "机要员"),
            ("Input.Cadres[0].Name", "周敏"),
            ("Input.Cadres[0].LastTrainedOn", "2027-01-01")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        string MessageFor(string field) => page.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Equal("成立日期不能晚于今天。", MessageFor("EstablishedOn"));
        Assert.Equal("经费不能为负数。", MessageFor("AnnualBudget"));
        Assert.Equal("请填写保密干部姓名。", MessageFor("Cadres[1].Name"));
        Assert.Equal("培训日期不能晚于今天。", MessageFor("Cadres[0].LastTrainedOn"));
        Assert.Equal("机要员", page.QuerySelector("[name='Input.Cadres[1].Position']")!.GetAttribute("value"));
        Assert.Null(await StoredAsync(app, s.Unit));
    }
}
