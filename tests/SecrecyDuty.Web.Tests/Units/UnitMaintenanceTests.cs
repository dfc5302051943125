using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Units.UnitTestData;

namespace SecrecyDuty.Web.Tests.Units;

/// <summary>Issue 3, "Units": create, edit, move under another parent (no cycles), deactivate.</summary>
public sealed class UnitMaintenanceTests
{
    private static CreateUnitInput NewUnit(int parentId, string code = "P-QS-2") => new()
    {
        Code = code,
        Name = "青山市财政局",
        Kind = UnitKind.StateOrgan,
        Level = AdministrativeLevel.County,
        ParentId = parentId,
    };

    [Fact]
    public async Task A_secrecy_officer_creates_a_unit_through_the_form()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var form = await TestApp.GetFormAsync(client, $"/Units/Create?parentId={p.City}", "#create-unit-form");
        Assert.Equal(Id(p.City), form["Input.ParentId"]);
        var response = await client.PostAsync("/Units/Create", form.With(
            ("Input.Code", " P-QS-2 "),
            ("Input.Name", "青山市财政局"),
            ("Input.Kind", nameof(UnitKind.StateOrgan)),
            ("Input.Level", nameof(AdministrativeLevel.County))).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("单位 青山市财政局 已创建。", details.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("P-QS-2", details.QuerySelector("#unit-code")!.TextContent);
        Assert.Equal("国家机关", details.QuerySelector("#unit-kind")!.TextContent);
        Assert.Equal("县级", details.QuerySelector("#unit-level")!.TextContent);
        Assert.Equal("青山市", details.QuerySelector("#unit-parent")!.TextContent.Trim());
        Assert.Equal("2026-11-27", details.QuerySelector("#unit-created")!.TextContent);

        // The closure rows came with it: the officer of the city sees the new unit below the city.
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);
        Assert.Contains("P-QS-2", await app.VisibleCodesAsync(officer));
        var created = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Unit) && a.Action == AuditAction.Create).OrderBy(a => a.Id).LastAsync());
        Assert.Contains("P-QS-2", created.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_unit_form_shows_each_message_beside_its_field_and_writes_nothing()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);

        var form = await TestApp.GetFormAsync(client, "/Units/Create", "#create-unit-form");
        var response = await client.PostAsync("/Units/Create", form.With(
            ("Input.Code", ""),
            ("Input.Name", "  "),
            ("Input.Kind", ""),
            ("Input.Level", ""),
            ("Input.ParentId", "")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        string MessageFor(string field) => page.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Equal("请输入单位代码。", MessageFor("Code"));
        Assert.Equal("请输入单位名称。", MessageFor("Name"));
        Assert.Equal("请选择单位类型。", MessageFor("Kind"));
        Assert.Equal("请选择单位的行政级别。", MessageFor("Level"));
        Assert.Equal("请选择上级单位。", MessageFor("ParentId"));
        Assert.Equal(5, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_code_is_reported_beside_the_code_even_when_the_other_unit_is_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);

        var result = await app.AsAsync(officer, units => units.CreateAsync(NewUnit(p.City, code: "P-BH")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Code", error.Field);
        Assert.Equal("Another unit already has this code: choose another code.", error.Message);
        Assert.DoesNotContain("P-BH", await app.VisibleCodesAsync(officer));
    }

    [Fact]
    public async Task A_unit_cannot_be_created_under_a_parent_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);

        var result = await app.AsAsync(officer, units => units.CreateAsync(NewUnit(p.OtherCity)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("ParentId", "Choose an active unit within your jurisdiction."), (error.Field, error.Message));
        Assert.DoesNotContain("P-QS-2", await app.VisibleCodesAsync(new FixedCurrentUser("a", p.Root, Roles.Administrator)));
    }

    [Fact]
    public async Task A_unit_cannot_be_created_under_a_deactivated_parent()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        await app.SetActiveAsync(p.School, active: false);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);

        var result = await app.AsAsync(officer, units => units.CreateAsync(NewUnit(p.School)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("ParentId", "Choose an active unit within your jurisdiction."), (error.Field, error.Message));
    }

    [Fact]
    public async Task A_deactivated_parent_is_refused_beside_the_field_of_forms_that_have_no_drop_down_of_units()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        await app.SetActiveAsync(p.School, active: false);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        // The pickers offer active units only; a deactivated one posted anyway is refused by the services.
        var createForm = await TestApp.GetFormAsync(client, "/Units/Create", "#create-unit-form");
        var create = await TestApp.ParseAsync(await client.PostAsync("/Units/Create", createForm.With(
            ("Input.ParentId", Id(p.School)),
            ("Input.Code", "P-QS-2"),
            ("Input.Name", "青山市财政局"),
            ("Input.Kind", nameof(UnitKind.StateOrgan)),
            ("Input.Level", nameof(AdministrativeLevel.County))).ToContent()));
        var moveForm = await TestApp.GetFormAsync(client, $"/Units/Move/{p.County}", "#move-unit-form");
        var move = await TestApp.ParseAsync(await client.PostAsync($"/Units/Move/{p.County}", moveForm.With(("Input.NewParentId", Id(p.School))).ToContent()));

        Assert.Equal("请选择您管辖范围内未停用的单位。", create.QuerySelector("[data-valmsg-for='Input.ParentId']")!.TextContent);
        Assert.Equal("请选择您管辖范围内未停用的单位。", move.QuerySelector("[data-valmsg-for='Input.NewParentId']")!.TextContent);
        foreach (var (page, field) in new[] { (create, "Input.ParentId"), (move, "Input.NewParentId") })
        {
            Assert.Empty(page.QuerySelectorAll("select[name$='ParentId']"));
            Assert.Equal(Id(p.School), page.QuerySelector($"input[type=hidden][name='{field}']")!.GetAttribute("value"));
            Assert.Equal("P-QS-1-A 青山一中", page.QuerySelector($"#{field.Replace('.', '_')}_search[role=combobox]")!.GetAttribute("value"));
        }

        Assert.DoesNotContain("P-QS-2", await app.VisibleCodesAsync(new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer)));
        Assert.Equal(p.City, (await app.UnitAsync(p.County)).ParentId);
    }

    [Fact]
    public async Task The_create_and_move_forms_choose_the_parent_in_a_picker_never_a_drop_down_of_every_unit()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var blank = await TestApp.GetDocumentAsync(client, "/Units/Create");
        var below = await TestApp.GetDocumentAsync(client, $"/Units/Create?parentId={p.County}");
        var outside = await TestApp.GetDocumentAsync(client, $"/Units/Create?parentId={p.OtherCity}");
        var move = await TestApp.GetDocumentAsync(client, $"/Units/Move/{p.School}");

        Assert.Equal("0", blank.QuerySelector("input[type=hidden][name='Input.ParentId']")!.GetAttribute("value"));
        Assert.Equal("P-QS-1 青山市教育局", below.QuerySelector("#Input_ParentId_search")!.GetAttribute("value"));
        Assert.Equal("", outside.QuerySelector("#Input_ParentId_search")!.GetAttribute("value"));
        Assert.DoesNotContain("碧海市", outside.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", move.QuerySelector("input[type=hidden][name='Input.NewParentId']")!.GetAttribute("value"));
        foreach (var page in new[] { blank, below, move })
        {
            Assert.Empty(page.QuerySelectorAll("select[name$='ParentId']"));
            Assert.NotNull(page.QuerySelector("script[src^='/js/picker.js']"));
        }
    }

    [Fact]
    public async Task Editing_changes_code_name_kind_and_level()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var form = await TestApp.GetFormAsync(client, $"/Units/Edit/{p.County}", "#edit-unit-form");
        Assert.Equal("P-QS-1", form["Input.Code"]);
        Assert.Equal(nameof(UnitKind.PartyOrgan), form["Input.Kind"]);
        var response = await client.PostAsync($"/Units/Edit/{p.County}", form.With(
            ("Input.Code", "P-QS-JYJ"),
            ("Input.Name", "青山市教育委员会"),
            ("Input.Kind", nameof(UnitKind.StateOrgan)),
            ("Input.Level", nameof(AdministrativeLevel.County))).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var unit = await app.UnitAsync(p.County);
        Assert.Equal(("P-QS-JYJ", "青山市教育委员会", UnitKind.StateOrgan, AdministrativeLevel.County), (unit.Code, unit.Name, unit.Kind, unit.Level));
        Assert.Equal(p.City, unit.ParentId);
    }

    [Fact]
    public async Task Editing_to_a_code_another_unit_has_is_refused_beside_the_code_and_keeping_ones_own_code_is_fine()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);
        UnitInput Input(string code) => new() { Code = code, Name = "青山市教育局", Kind = UnitKind.StateOrgan, Level = AdministrativeLevel.County };

        var taken = await app.AsAsync(officer, units => units.EditAsync(p.County, Versions.First, Input("P-QS")));
        var own = await app.AsAsync(officer, units => units.EditAsync(p.County, Versions.First, Input("P-QS-1")));

        Assert.Equal("Code", Assert.Single(taken!.Errors).Field);
        Assert.True(own!.Succeeded);
        Assert.Equal(UnitKind.StateOrgan, (await app.UnitAsync(p.County)).Kind);
    }

    [Fact]
    public async Task Moving_a_branch_rewrites_the_closure_table_for_every_unit_in_it()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var admin = new FixedCurrentUser("a", p.Root, Roles.Administrator);
        var cityOfficer = new FixedCurrentUser("o1", p.City, Roles.SecrecyOfficer);
        var otherCityOfficer = new FixedCurrentUser("o2", p.OtherCity, Roles.SecrecyOfficer);

        // The county moves, with its school, from 青山市 to 碧海市.
        var result = await app.AsAsync(admin, units => units.MoveAsync(p.County, Versions.First, new MoveUnitInput { NewParentId = p.OtherCity }));

        Assert.True(result!.Succeeded);
        Assert.Equal(["P-QS"], await app.VisibleCodesAsync(cityOfficer));
        Assert.Equal(["P-BH", "P-QS-1", "P-QS-1-A"], await app.VisibleCodesAsync(otherCityOfficer));
        Assert.Equal(["P", "P-BH", "P-QS", "P-QS-1", "P-QS-1-A"], await app.VisibleCodesAsync(admin));
        Assert.Equal(p.OtherCity, (await app.UnitAsync(p.County)).ParentId);
        var rows = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitAncestries.AsNoTracking()
            .Where(a => a.DescendantId == p.School).OrderBy(a => a.Depth).Select(a => new { a.AncestorId, a.Depth }).ToListAsync());
        Assert.Equal([(p.School, 0), (p.County, 1), (p.OtherCity, 2), (p.Root, 3)], rows.Select(r => (r.AncestorId, r.Depth)));
        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Unit)).OrderBy(a => a.Id).LastAsync());
        Assert.Equal(AuditAction.Move, audit.Action);
        Assert.Equal(Id(p.County), audit.EntityId);
    }

    [Fact]
    public async Task A_move_in_a_context_that_already_tracks_the_ancestry_rows_rewrites_them_too()
    {
        using var app = TestApp.Rent();

        // An import creates units and moves one in the same context: the closure rows are tracked already.
        var (root, city, county, other) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            async Task<Unit> AddAsync(string code, Unit? parent)
            {
                var unit = new Unit { Code = code, Name = code };
                await UnitTree.AddAsync(db, unit, parent?.Id);
                await db.SaveChangesAsync();
                return unit;
            }

            var p = await AddAsync("P", null);
            var a = await AddAsync("P-A", p);
            var a1 = await AddAsync("P-A-1", a);
            var b = await AddAsync("P-B", p);
            await UnitTree.MoveAsync(db, a, b.Id);
            await db.SaveChangesAsync();
            return (p.Id, a.Id, a1.Id, b.Id);
        });

        var rows = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitAncestries.AsNoTracking()
            .Where(a => a.DescendantId == county).OrderBy(a => a.Depth).Select(a => new { a.AncestorId, a.Depth }).ToListAsync());
        Assert.Equal([(county, 0), (city, 1), (other, 2), (root, 3)], rows.Select(r => (r.AncestorId, r.Depth)));
    }

    [Fact]
    public async Task A_branch_moves_up_a_level_through_the_form()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);
        var cityOfficer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);
        var countyOfficer = new FixedCurrentUser("o", p.County, Roles.SecrecyOfficer);

        var form = await TestApp.GetFormAsync(client, $"/Units/Move/{p.School}", "#move-unit-form");
        var response = await client.PostAsync($"/Units/Move/{p.School}", form.With(("Input.NewParentId", Id(p.City))).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(p.City, (await app.UnitAsync(p.School)).ParentId);
        Assert.Equal(["P-QS", "P-QS-1", "P-QS-1-A"], await app.VisibleCodesAsync(cityOfficer));
        Assert.Equal(["P-QS-1"], await app.VisibleCodesAsync(countyOfficer));
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_under_itself()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var admin = new FixedCurrentUser("a", p.Root, Roles.Administrator);

        var result = await app.AsAsync(admin, units => units.MoveAsync(p.City, Versions.First, new MoveUnitInput { NewParentId = p.City }));

        var error = Assert.Single(result!.Errors);
        Assert.Equal(("NewParentId", "A unit cannot be moved under itself: choose another unit."), (error.Field, error.Message));
        Assert.Equal(p.Root, (await app.UnitAsync(p.City)).ParentId);
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_under_its_own_descendant()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("admin", Roles.Administrator, p.Root);

        // The picker may offer a unit of its own branch (it searches the whole jurisdiction): the service refuses it.
        var form = await TestApp.GetFormAsync(client, $"/Units/Move/{p.City}", "#move-unit-form");
        var response = await client.PostAsync($"/Units/Move/{p.City}", form.With(("Input.NewParentId", Id(p.School))).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("select[name='Input.NewParentId']"));
        Assert.Equal("单位不能移到其下级单位之下，请选择其所属分支以外的单位。", page.QuerySelector("[data-valmsg-for='Input.NewParentId']")!.TextContent);
        Assert.Equal(p.Root, (await app.UnitAsync(p.City)).ParentId);
        Assert.Equal(["P-QS", "P-QS-1", "P-QS-1-A"], await app.VisibleCodesAsync(new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer)));
    }

    [Fact]
    public async Task A_unit_cannot_be_moved_under_a_unit_outside_the_jurisdiction_or_a_deactivated_one()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var inactive = (await app.Province()
            .WithUnit("P-QS-9", "撤销单位", parent: p.City, kind: UnitKind.StateOrgan, level: AdministrativeLevel.County, active: false)
            .BuildAsync()).Unit("P-QS-9");
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);

        var outside = await app.AsAsync(officer, units => units.MoveAsync(p.School, Versions.First, new MoveUnitInput { NewParentId = p.OtherCity }));
        var deactivated = await app.AsAsync(officer, units => units.MoveAsync(p.School, Versions.First, new MoveUnitInput { NewParentId = inactive }));

        // The move form's picker offers neither, but a forged post is refused with the reason beside the field.
        Assert.All(new[] { Assert.Single(outside!.Errors), Assert.Single(deactivated!.Errors) }, error =>
            Assert.Equal(("NewParentId", "Choose an active unit within your jurisdiction."), (error.Field, error.Message)));
        Assert.Equal(p.County, (await app.UnitAsync(p.School)).ParentId);
    }

    [Fact]
    public async Task The_unit_at_the_top_of_ones_own_jurisdiction_cannot_be_moved()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);

        var result = await app.AsAsync(officer, units => units.MoveAsync(p.City, Versions.First, new MoveUnitInput { NewParentId = p.County }));
        var moving = await app.AsAsync(officer, units => units.GetForMoveAsync(p.City));

        Assert.Equal("", Assert.Single(result!.Errors).Field);
        Assert.True(moving!.IsJurisdictionRoot);
        Assert.Equal(p.Root, (await app.UnitAsync(p.City)).ParentId);
    }

    [Fact]
    public async Task A_unit_with_active_units_below_it_cannot_be_deactivated()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var form = await TestApp.GetFormAsync(client, $"/Units/Details/{p.County}", "#deactivate-form");
        var response = await client.PostAsync($"/Units/Details/{p.County}?handler=Deactivate", form.ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Contains("该单位还有未停用的下级单位，请先停用或移走这些下级单位。", page.QuerySelector("#unit-errors")!.TextContent, StringComparison.Ordinal);
        Assert.True((await app.UnitAsync(p.County)).IsActive);
    }

    [Fact]
    public async Task Deactivating_and_reactivating_through_the_details_page_never_deletes_the_unit()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var deactivate = await TestApp.GetFormAsync(client, $"/Units/Details/{p.School}", "#deactivate-form");
        var deactivated = await client.PostAsync($"/Units/Details/{p.School}?handler=Deactivate", deactivate.ToContent());
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var page = await TestApp.GetDocumentAsync(client, $"/Units/Details/{p.School}");
        Assert.Equal("已停用", page.QuerySelector("#unit-status")!.TextContent);
        Assert.False((await app.UnitAsync(p.School)).IsActive);

        var reactivate = FormFieldsOf(page, "#reactivate-form");
        var reactivated = await client.PostAsync($"/Units/Details/{p.School}?handler=Reactivate", reactivate.ToContent());
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.True((await app.UnitAsync(p.School)).IsActive);

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Unit) && a.EntityId == Id(p.School)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Deactivate, AuditAction.Reactivate], actions);
    }

    [Fact]
    public async Task A_unit_under_a_deactivated_unit_cannot_be_reactivated()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        await app.SetActiveAsync(p.School, active: false);
        await app.SetActiveAsync(p.County, active: false);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);
        var version = await app.VersionOfAsync<Unit>(p.School);

        var result = await app.AsAsync(officer, units => units.ReactivateAsync(p.School, version));

        Assert.Equal("The unit above it is deactivated: reactivate that unit first.", Assert.Single(result!.Errors).Message);
        Assert.False((await app.UnitAsync(p.School)).IsActive);
    }

    [Fact]
    public async Task The_unit_at_the_top_of_ones_own_jurisdiction_cannot_be_deactivated()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.School, Roles.SecrecyOfficer);

        var result = await app.AsAsync(officer, units => units.DeactivateAsync(p.School, Versions.First, new DeactivateUnitInput { ClosedOn = new DateOnly(2026, 11, 1) }));

        Assert.False(result!.Succeeded);
        Assert.True((await app.UnitAsync(p.School)).IsActive);
    }

    private static FormFields FormFieldsOf(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        FormFields.From((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(selector)!);
}
