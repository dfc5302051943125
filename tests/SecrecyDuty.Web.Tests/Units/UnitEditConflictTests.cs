using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Units;

/// <summary>Issue 14, "No lost updates": two people edit one unit at once; nothing is overwritten silently (docs/decisions/0020).</summary>
public sealed class UnitEditConflictTests
{
    [Fact]
    public async Task The_second_editor_of_a_unit_sees_the_first_ones_save_beside_their_own_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        await app.Province().WithAccount("wang", Roles.SecrecyOfficer, p.City, displayName: "王秘书").BuildAsync();
        var first = await app.SignedInAsync("wang");
        var second = await app.SignedInAsAsync("li", Roles.SecrecyOfficer, p.City);
        var url = $"/Units/Edit/{p.County}";
        var firstForm = await TestApp.GetFormAsync(first, url, "#edit-unit-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#edit-unit-form");
        Assert.Equal("1", secondForm["Version"]);

        await AssertSavedAsync(await first.PostAsync(url, firstForm.With(("Input.Name", "青山市教育局（甲）")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(url, secondForm.With(
            ("Input.Name", "青山市教育局（乙）"),
            ("Input.Level", nameof(AdministrativeLevel.Township))).ToContent()));

        // Nothing of the second editor's was saved; the panel names the first save and lists both versions.
        var stored = await app.UnitAsync(p.County);
        Assert.Equal(("青山市教育局（甲）", AdministrativeLevel.Provincial, 2), (stored.Name, stored.Level, stored.Version));
        Assert.Equal("wang", stored.SavedBy);
        Assert.Contains("王秘书 (wang)", Saved(conflict), StringComparison.Ordinal);
        Assert.Contains("2026-11-27", Saved(conflict), StringComparison.Ordinal);
        var fields = Fields(conflict);
        Assert.Equal(("青山市教育局（甲）", "青山市教育局（乙）"), fields["名称"]);
        Assert.Equal(("省级", "乡镇级"), fields["行政级别"]);
        Assert.Equal(("P-QS-1", "P-QS-1"), fields["代码"]);
        Assert.Equal(["名称", "行政级别"], conflict.QuerySelectorAll("#edit-conflict-fields tr[data-differs=true] th").Select(h => h.TextContent).ToArray());

        // The form kept the second editor's values and now carries the stored version: saving again is deliberate.
        var again = Form(conflict, "#edit-unit-form");
        Assert.Equal(("青山市教育局（乙）", nameof(AdministrativeLevel.Township), "2"), (again["Input.Name"], again["Input.Level"], again["Version"]));
        await AssertSavedAsync(await second.PostAsync(url, again.ToContent()));
        stored = await app.UnitAsync(p.County);
        Assert.Equal(("青山市教育局（乙）", AdministrativeLevel.Township, 3, "li"), (stored.Name, stored.Level, stored.Version, stored.SavedBy));
    }

    [Fact]
    public async Task The_conflict_panel_speaks_english_to_an_english_reader()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var first = await app.SignedInAsAsync("wang", Roles.SecrecyOfficer, p.City);
        var second = await app.SignedInAsAsync("li", Roles.SecrecyOfficer, p.City);
        second.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var url = $"/Units/Edit/{p.County}";
        var firstForm = await TestApp.GetFormAsync(first, url, "#edit-unit-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#edit-unit-form");

        await AssertSavedAsync(await first.PostAsync(url, firstForm.With(("Input.Name", "Education Bureau A")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(url, secondForm.With(("Input.Name", "Education Bureau B")).ToContent()));

        Assert.Equal("Someone else saved this record while you were editing it", conflict.QuerySelector("#edit-conflict-title")!.TextContent);
        Assert.StartsWith("Nothing was saved. wang saved it at 2026-11-27", Saved(conflict), StringComparison.Ordinal);
        Assert.Equal(("Education Bureau A", "Education Bureau B"), Fields(conflict)["Name"]);
        Assert.Equal(["Field", "Their version (saved)", "Your version (not saved)"], conflict.QuerySelectorAll("#edit-conflict-fields thead th").Select(h => h.TextContent).ToArray());
    }

    [Fact]
    public async Task A_move_on_a_page_opened_before_another_move_is_refused_until_made_again()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var first = await app.SignedInAsAsync("wang", Roles.SecrecyOfficer, p.Root);
        var second = await app.SignedInAsAsync("li", Roles.SecrecyOfficer, p.Root);
        var url = $"/Units/Move/{p.School}";
        var firstForm = await TestApp.GetFormAsync(first, url, "#move-unit-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#move-unit-form");

        await AssertSavedAsync(await first.PostAsync(url, firstForm.With(("Input.NewParentId", UnitTestData.Id(p.City))).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(url, secondForm.With(("Input.NewParentId", UnitTestData.Id(p.OtherCity))).ToContent()));

        Assert.Equal(p.City, (await app.UnitAsync(p.School)).ParentId);
        Assert.Equal(("青山市", "碧海市"), Fields(conflict)["上级单位"]);
        await AssertSavedAsync(await second.PostAsync(url, Form(conflict, "#move-unit-form").ToContent()));
        Assert.Equal(p.OtherCity, (await app.UnitAsync(p.School)).ParentId);
    }

    [Fact]
    public async Task A_deactivation_from_a_page_opened_before_an_edit_is_refused_with_the_stored_unit_until_confirmed()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var first = await app.SignedInAsAsync("wang", Roles.SecrecyOfficer, p.City);
        var second = await app.SignedInAsAsync("li", Roles.SecrecyOfficer, p.City);
        var deactivate = await TestApp.GetFormAsync(second, $"/Units/Details/{p.School}", "#deactivate-form");
        var edit = await TestApp.GetFormAsync(first, $"/Units/Edit/{p.School}", "#edit-unit-form");

        await AssertSavedAsync(await first.PostAsync($"/Units/Edit/{p.School}", edit.With(("Input.Name", "青山市第一中学")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync($"/Units/Details/{p.School}?handler=Deactivate", deactivate.ToContent()));

        Assert.True((await app.UnitAsync(p.School)).IsActive);
        var fields = Fields(conflict);
        Assert.Equal(("青山市第一中学", null), fields["名称"]);
        Assert.Equal(("正常", null), fields["状态"]);
        await AssertSavedAsync(await second.PostAsync($"/Units/Details/{p.School}?handler=Deactivate", Form(conflict, "#deactivate-form").ToContent()));
        Assert.False((await app.UnitAsync(p.School)).IsActive);
    }

    [Fact]
    public async Task A_reactivation_from_a_page_opened_before_another_change_is_refused_until_confirmed()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);
        Assert.True((await app.AsAsync(officer, units => units.DeactivateAsync(p.School, Versions.First, new DeactivateUnitInput { ClosedOn = new DateOnly(2026, 6, 30) })))!.Succeeded);
        var first = await app.SignedInAsAsync("wang", Roles.SecrecyOfficer, p.City);
        var second = await app.SignedInAsAsync("li", Roles.SecrecyOfficer, p.City);
        var reactivate = await TestApp.GetFormAsync(second, $"/Units/Details/{p.School}", "#reactivate-form");
        var edit = await TestApp.GetFormAsync(first, $"/Units/Edit/{p.School}", "#edit-unit-form");

        await AssertSavedAsync(await first.PostAsync($"/Units/Edit/{p.School}", edit.With(("Input.Name", "青山一中（撤）")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync($"/Units/Details/{p.School}?handler=Reactivate", reactivate.ToContent()));

        Assert.False((await app.UnitAsync(p.School)).IsActive);
        Assert.Equal(("2026-06-30", null), Fields(conflict)["撤销日期"]);
        await AssertSavedAsync(await second.PostAsync($"/Units/Details/{p.School}?handler=Reactivate", Form(conflict, "#reactivate-form").ToContent()));
        Assert.True((await app.UnitAsync(p.School)).IsActive);
    }

    [Fact]
    public async Task A_form_that_carries_no_version_is_never_saved_over_a_stored_unit()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("wang", Roles.SecrecyOfficer, p.City);
        var url = $"/Units/Edit/{p.County}";
        var form = await TestApp.GetFormAsync(client, url, "#edit-unit-form");

        var conflict = await AssertConflictAsync(await client.PostAsync(url, form.Without("Version").With(("Input.Name", "无版本")).ToContent()));

        Assert.Equal("青山市教育局", (await app.UnitAsync(p.County)).Name);
        Assert.Equal("1", Form(conflict, "#edit-unit-form")["Version"]);
    }

    [Fact]
    public async Task A_form_that_failed_its_checks_keeps_the_version_it_was_opened_on()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var first = await app.SignedInAsAsync("wang", Roles.SecrecyOfficer, p.City);
        var second = await app.SignedInAsAsync("li", Roles.SecrecyOfficer, p.City);
        var url = $"/Units/Edit/{p.County}";
        var secondForm = await TestApp.GetFormAsync(second, url, "#edit-unit-form");
        var refused = await second.PostAsync(url, secondForm.With(("Input.Name", "")).ToContent());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var firstForm = await TestApp.GetFormAsync(first, url, "#edit-unit-form");
        await AssertSavedAsync(await first.PostAsync(url, firstForm.With(("Input.Name", "青山市教育局（甲）")).ToContent()));

        // Corrected after the other save, the second form is still the one opened before it: refused, not written over.
        var corrected = Form(await TestApp.ParseAsync(refused), "#edit-unit-form").With(("Input.Name", "青山市教育局（乙）"));
        Assert.Equal("1", corrected["Version"]);
        await AssertConflictAsync(await second.PostAsync(url, corrected.ToContent()));
        Assert.Equal("青山市教育局（甲）", (await app.UnitAsync(p.County)).Name);
    }

    [Fact]
    public async Task A_save_that_loses_the_race_after_the_services_check_is_reported_as_a_conflict_and_writes_nothing()
    {
        var saveInBetween = new SaveAfterFirstRead();
        using var app = TestApp.StartOwn(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(saveInBetween))));
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);
        saveInBetween.Services = app.Services;
        saveInBetween.UnitId = p.County;

        var result = await app.AsAsync(officer, units => units.EditAsync(p.County, Versions.First, new UnitInput
        {
            Code = "P-QS-1",
            Name = "青山市教育局（迟）",
            Kind = UnitKind.StateOrgan,
            Level = AdministrativeLevel.County,
        }));

        Assert.True(saveInBetween.Saved);
        Assert.NotNull(result!.Conflict);
        Assert.Equal(2, result.Conflict.Version);
        Assert.Equal(("青山市教育局（先）", "青山市教育局（迟）"), result.Conflict.Fields.Where(f => f.Label == "Name").Select(f => (f.Theirs, f.Yours)).Single());
        Assert.Equal("青山市教育局（先）", (await app.UnitAsync(p.County)).Name);
    }

    /// <summary>
    /// Another request saves the unit right after the service has read it, before the service saves: the window the
    /// version's check in the UPDATE itself guards. It saves through the app, as any other request would.
    /// </summary>
    private sealed class SaveAfterFirstRead : DbCommandInterceptor
    {
        public IServiceProvider? Services { get; set; }

        public int? UnitId { get; set; }

        public bool Saved { get; private set; }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (UnitId is int id && Services is not null && !Saved && command.CommandText.Contains("FROM \"Units\"", StringComparison.Ordinal))
            {
                Saved = true;
                using var scope = Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.Units.Single(u => u.Id == id).Name = "青山市教育局（先）";
                db.SaveChanges();
            }

            return base.DataReaderDisposing(command, eventData, result);
        }
    }
}
