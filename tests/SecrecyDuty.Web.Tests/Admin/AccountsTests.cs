using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Admin;

public sealed class AccountsTests
{
    [Fact]
    public async Task An_administrator_creates_an_account_through_the_form()
    {
        using var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("ROOT", "省保密局")
            .WithUnit("JYT", "省教育厅", parent: "ROOT")
            .WithLeader("张教", "JYT", "JYT-0001", LeaderRank.DepartmentBureau)
            .WithAccount("admin", Roles.Administrator, "ROOT")
            .BuildAsync();
        var (unit, leaderId) = (built.Unit("JYT"), built.Leader("张教"));
        var client = await app.SignedInAsync("admin");

        var form = await TestApp.GetFormAsync(client, "/Admin/Accounts/Create", "#create-account-form");
        var response = await client.PostAsync("/Admin/Accounts/Create", form.With(
            ("Input.LeaderStaffNumber", "JYT-0001"),
            ("Input.UserName", "zhang.jiao"),
            ("Input.DisplayName", "张教"),
            ("Input.UnitId", unit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Role", Roles.UnitLeader),
            ("Input.Password", "Initial-Password-1")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await TestApp.GetDocumentAsync(client, "/Admin/Accounts");
        Assert.Contains("账户 zhang.jiao 已创建。", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(list.QuerySelectorAll("#accounts-table td"), td => td.TextContent == "zhang.jiao");

        var newClient = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(newClient, "zhang.jiao", "Initial-Password-1")).StatusCode);
        var linked = await app.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("zhang.jiao"))!.LeaderId);
        Assert.Equal(leaderId, linked);

        // Issue 14, finding 8: the creation is in the trail, by the administrator, under the account's unit, never with the password.
        var entry = await app.InScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<Data.AppDbContext>().AuditEntries.Where(a => a.EntityType == "Account" && a.Action == Core.Auditing.AuditAction.Create)));
        Assert.Equal(("admin", unit), (entry.UserName, entry.UnitId));
        Assert.Contains("\"Role\"", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("zhang.jiao", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Initial-Password-1", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_creates_a_cadre_official_account_through_the_form()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("ROOT", "省委")
            .WithAccount("admin", Roles.Administrator, "ROOT")
            .BuildAsync()).Unit("ROOT");
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "admin");

        var page = await TestApp.GetDocumentAsync(client, "/Admin/Accounts/Create");
        Assert.Equal("组织人事干部", page.QuerySelector("#Input_Role option[value=CadreOfficial]")!.TextContent);
        var form = await TestApp.GetFormAsync(client, "/Admin/Accounts/Create", "#create-account-form");
        var response = await client.PostAsync("/Admin/Accounts/Create", form.With(
            ("Input.UserName", "sun.zu"),
            ("Input.DisplayName", "孙组"),
            ("Input.UnitId", root.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Role", Roles.CadreOfficial),
            ("Input.Password", "Initial-Password-1")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roles = await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByNameAsync("sun.zu"))!);
        });
        Assert.Equal([Roles.CadreOfficial], roles);
    }

    [Fact]
    public async Task The_account_form_chooses_the_unit_in_a_picker_and_refuses_one_outside_the_jurisdiction_or_deactivated_beside_it()
    {
        using var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-QS", "青山市", parent: "P")
            .WithUnit("P-QS-9", "撤销单位", parent: "P-QS", active: false)
            .WithUnit("P-BH", "碧海市", parent: "P")
            .WithAccount("qs.admin", Roles.Administrator, "P-QS")
            .BuildAsync();
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "qs.admin");

        var blank = await TestApp.GetDocumentAsync(client, "/Admin/Accounts/Create");
        async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(int unit)
        {
            var form = await TestApp.GetFormAsync(client, "/Admin/Accounts/Create", "#create-account-form");
            return await TestApp.ParseAsync(await client.PostAsync("/Admin/Accounts/Create", form.With(
                ("Input.UserName", "new.one"),
                ("Input.DisplayName", "新账户"),
                ("Input.UnitId", unit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Input.Role", Roles.Supervisor),
                ("Input.Password", "Initial-Password-1")).ToContent()));
        }

        var outside = await PostAsync(built.Unit("P-BH"));
        var deactivated = await PostAsync(built.Unit("P-QS-9"));

        // No drop-down of every unit: a picker whose box shows the unit chosen, if in the jurisdiction.
        Assert.Null(blank.QuerySelector("select[name='Input.UnitId']"));
        Assert.Equal("0", blank.QuerySelector("input[type=hidden][name='Input.UnitId']")!.GetAttribute("value"));
        Assert.NotNull(blank.QuerySelector("#Input_UnitId_search[role=combobox]"));
        Assert.NotNull(blank.QuerySelector("script[src^='/js/picker.js']"));
        Assert.Equal("请选择您管辖范围内的单位。", outside.QuerySelector("[data-valmsg-for='Input.UnitId']")!.TextContent);
        Assert.Equal("", outside.QuerySelector("#Input_UnitId_search")!.GetAttribute("value"));
        Assert.DoesNotContain("碧海市", outside.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("请选择您管辖范围内未停用的单位。", deactivated.QuerySelector("[data-valmsg-for='Input.UnitId']")!.TextContent);
        Assert.Equal("P-QS-9 撤销单位", deactivated.QuerySelector("#Input_UnitId_search")!.GetAttribute("value"));
        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("new.one")));
    }

    [Fact]
    public async Task A_unit_leader_account_cannot_be_linked_to_a_leader_kept_by_another_unit()
    {
        using var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("ROOT", "Province")
            .WithUnit("JYT", "Education", parent: "ROOT")
            .WithUnit("CZT", "Finance", parent: "ROOT")
            .WithLeader("张教", "CZT", "CZT-0001", LeaderRank.DepartmentBureau)
            .BuildAsync();
        var (root, education) = (built.Unit("ROOT"), built.Unit("JYT"));
        var admin = new FixedCurrentUser("a", root, Roles.Administrator);

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<AccountService>(sp, admin).CreateAsync(new CreateAccountInput
        {
            UserName = "wrong.link",
            DisplayName = "Wrong",
            UnitId = education,
            Role = Roles.UnitLeader,
            Password = "Good-Password-2026",
            LeaderStaffNumber = "CZT-0001",
        }));

        Assert.Equal("LeaderStaffNumber", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task A_bad_account_form_shows_each_message_beside_its_field_and_writes_nothing()
    {
        using var app = TestApp.Rent();
        await app.Province()
            .WithUnit("ROOT", "省保密局")
            .WithAccount("admin", Roles.Administrator, "ROOT")
            .BuildAsync();
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "admin");

        var form = await TestApp.GetFormAsync(client, "/Admin/Accounts/Create", "#create-account-form");
        var response = await client.PostAsync("/Admin/Accounts/Create", form.With(
            ("Input.UserName", "bad name!"),
            ("Input.DisplayName", ""),
            ("Input.UnitId", "0"),
            ("Input.Role", ""),
            ("Input.Password", "short")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        string MessageFor(string field) => page.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Equal("用户名只能包含字母、数字及 . _ @ -", MessageFor("UserName"));
        Assert.Equal("请输入姓名。", MessageFor("DisplayName"));
        Assert.Equal("请选择账户所属单位。", MessageFor("UnitId"));
        Assert.Equal("请选择角色。", MessageFor("Role"));
        Assert.Equal("密码至少 12 个字符。", MessageFor("Password"));
        Assert.Equal(1, await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<UserManager<AppUser>>().Users.Count())));
    }

    [Fact]
    public async Task A_weak_password_is_refused_by_the_password_policy_beside_the_field()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("ROOT", "省保密局").BuildAsync()).Unit("ROOT");
        var admin = new FixedCurrentUser("a", root, Roles.Administrator);

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<AccountService>(sp, admin).CreateAsync(new CreateAccountInput
        {
            UserName = "weak",
            DisplayName = "Weak",
            UnitId = root,
            Role = Roles.SecrecyOfficer,
            Password = "alllowercase",
        }));

        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Equal("Password", e.Field));
        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("weak")));
    }

    [Fact]
    public async Task A_taken_user_name_is_reported_beside_the_user_name()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province()
            .WithUnit("ROOT", "省保密局")
            .WithAccount("taken", Roles.UnitLeader, "ROOT")
            .BuildAsync()).Unit("ROOT");
        var admin = new FixedCurrentUser("a", root, Roles.Administrator);

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<AccountService>(sp, admin).CreateAsync(new CreateAccountInput
        {
            UserName = "taken",
            DisplayName = "Again",
            UnitId = root,
            Role = Roles.SecrecyOfficer,
            Password = "Good-Password-2026",
        }));

        Assert.Equal("UserName", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task An_administrator_cannot_create_an_account_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var built = await app.Province()
            .WithUnit("ROOT", "Province")
            .WithUnit("C1", "City", parent: "ROOT")
            .WithUnit("C2", "Other city", parent: "ROOT")
            .BuildAsync();
        var city = built.Unit("C1");
        var otherCity = built.Unit("C2");
        var cityAdmin = new FixedCurrentUser("a", city, Roles.Administrator);

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<AccountService>(sp, cityAdmin).CreateAsync(new CreateAccountInput
        {
            UserName = "intruder",
            DisplayName = "Intruder",
            UnitId = otherCity,
            Role = Roles.SecrecyOfficer,
            Password = "Good-Password-2026",
        }));

        Assert.Equal("UnitId", Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData(Roles.SecrecyOfficer)]
    [InlineData(Roles.UnitLeader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.CadreOfficial)]
    public async Task Only_administrators_reach_account_administration(string role)
    {
        using var app = TestApp.Rent();
        await app.Province()
            .WithUnit("ROOT", "Province")
            .WithAccount("someone", role, "ROOT")
            .BuildAsync();
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "someone");

        var response = await client.GetAsync("/Admin/Accounts/Create");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_service_itself_refuses_non_administrators()
    {
        using var app = TestApp.Rent();
        var root = (await app.Province().WithUnit("ROOT", "Province").BuildAsync()).Unit("ROOT");
        var officer = new FixedCurrentUser("o", root, Roles.SecrecyOfficer);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            app.InScopeAsync(sp => TestApp.ServiceFor<AccountService>(sp, officer).ListAsync(null, 1, 10)));
    }

    [Fact]
    public async Task The_first_administrator_is_created_with_the_root_unit()
    {
        using var app = TestApp.Rent();

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<AccountService>(sp, new FixedCurrentUser(null, null))
            .CreateFirstAdministratorAsync(
                new CreateAccountInput { UserName = "root.admin", DisplayName = "管理员", Password = "First-Password-2026" },
                "SF",
                "示范省"));

        Assert.True(result.Succeeded);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "root.admin", "First-Password-2026");
        var home = await TestApp.GetDocumentAsync(client, "/");
        Assert.NotNull(home.QuerySelector("#home-administrator"));
    }

    [Fact]
    public async Task The_create_admin_command_is_refused_once_an_administrator_exists()
    {
        using var app = TestApp.Rent();
        await app.Province()
            .WithUnit("SF", "示范省")
            .WithAccount("admin", Roles.Administrator, "SF")
            .BuildAsync();

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<AccountService>(sp, new FixedCurrentUser(null, null))
            .CreateFirstAdministratorAsync(
                new CreateAccountInput { UserName = "takeover", DisplayName = "X", Password = "First-Password-2026" },
                "SF",
                "示范省"));

        Assert.False(result.Succeeded);
        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("takeover")));
    }
}
