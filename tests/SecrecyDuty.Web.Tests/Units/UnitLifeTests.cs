using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Units;

/// <summary>
/// A unit's life (set up, closed) and its size as art. 2 counts it (国有大、中型企业), through the unit forms and pages.
/// The test clock's date is 2026-11-27.
/// </summary>
public sealed class UnitLifeTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static Task SetEstablishedOnAsync(TestApp app, int id, DateOnly? date) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(u => u.Id == id)).EstablishedOn = date;
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task A_unit_is_created_with_its_set_up_date_and_size_and_its_page_shows_them()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var form = await TestApp.GetFormAsync(client, $"/Units/Create?parentId={p.City}", "#create-unit-form");
        var response = await client.PostAsync("/Units/Create", form.With(
            ("Input.Code", "P-QS-NY"),
            ("Input.Name", "青山能源集团有限公司"),
            ("Input.Kind", nameof(UnitKind.StateOwnedEnterprise)),
            ("Input.IsLargeOrMediumEnterprise", "true"),
            ("Input.Level", nameof(AdministrativeLevel.County)),
            ("Input.EstablishedOn", "1998-05-20")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("1998-05-20", details.QuerySelector("#unit-established")!.TextContent);
        Assert.Equal("true", details.QuerySelector("#unit-large-or-medium")!.GetAttribute("data-large-or-medium"));
        Assert.Null(details.QuerySelector("#unit-closed"));
        var unit = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.AsNoTracking().SingleAsync(u => u.Code == "P-QS-NY"));
        Assert.Equal((true, (DateOnly?)new DateOnly(1998, 5, 20)), (unit.IsLargeOrMediumEnterprise, unit.EstablishedOn));
    }

    [Fact]
    public async Task A_unit_set_up_date_in_the_future_is_refused_beside_the_field()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var form = await TestApp.GetFormAsync(client, $"/Units/Edit/{p.County}", "#edit-unit-form");
        var response = await client.PostAsync($"/Units/Edit/{p.County}", form.With(("Input.EstablishedOn", "2026-11-28")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("成立日期不能晚于今天：请填写单位成立的日期，或留空。", page.QuerySelector("[data-valmsg-for='Input.EstablishedOn']")!.TextContent);
        Assert.Null((await app.UnitAsync(p.County)).EstablishedOn);
    }

    [Theory]
    [InlineData(nameof(UnitKind.PartyOrgan))]
    [InlineData(nameof(UnitKind.PublicInstitution))]
    [InlineData(nameof(UnitKind.OtherSecretHandlingUnit))]
    public async Task Art2_the_large_or_medium_enterprise_flag_is_refused_on_other_kinds_beside_the_field(string kind)
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var form = await TestApp.GetFormAsync(client, $"/Units/Edit/{p.County}", "#edit-unit-form");
        var response = await client.PostAsync($"/Units/Edit/{p.County}", form.With(("Input.Kind", kind), ("Input.IsLargeOrMediumEnterprise", "true")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal(
            "只有国有企业才能标记为国有大、中型企业：请取消勾选，或将单位类别选为“国有企业”。",
            page.QuerySelector("[data-valmsg-for='Input.IsLargeOrMediumEnterprise']")!.TextContent);
        Assert.False((await app.UnitAsync(p.County)).IsLargeOrMediumEnterprise);
    }

    [Fact]
    public async Task Deactivating_a_unit_records_the_closing_date_and_reactivating_clears_it()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        await SetEstablishedOnAsync(app, p.School, new DateOnly(2001, 9, 1));
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var form = await TestApp.GetFormAsync(client, $"/Units/Details/{p.School}", "#deactivate-form");
        Assert.Equal("2026-11-27", form["Close.ClosedOn"]);
        var deactivated = await client.PostAsync($"/Units/Details/{p.School}?handler=Deactivate", form.With(("Close.ClosedOn", "2025-07-31")).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        var unit = await app.UnitAsync(p.School);
        Assert.Equal((false, (DateOnly?)new DateOnly(2025, 7, 31)), (unit.IsActive, unit.ClosedOn));
        var page = await TestApp.GetDocumentAsync(client, $"/Units/Details/{p.School}");
        Assert.Equal("2001-09-01", page.QuerySelector("#unit-established")!.TextContent);
        Assert.Equal("2025-07-31", page.QuerySelector("#unit-closed")!.TextContent);

        var reactivate = FormFields.From((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#reactivate-form")!);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Units/Details/{p.School}?handler=Reactivate", reactivate.ToContent())).StatusCode);
        unit = await app.UnitAsync(p.School);
        Assert.Equal((true, (DateOnly?)null), (unit.IsActive, unit.ClosedOn));
    }

    [Fact]
    public async Task A_closing_date_before_the_set_up_date_is_refused_beside_the_field_and_the_unit_stays_active()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        await SetEstablishedOnAsync(app, p.School, new DateOnly(2024, 3, 1));
        var client = await app.SignedInAsAsync("qs.officer", Roles.SecrecyOfficer, p.City);

        var form = await TestApp.GetFormAsync(client, $"/Units/Details/{p.School}", "#deactivate-form");
        var response = await client.PostAsync($"/Units/Details/{p.School}?handler=Deactivate", form.With(("Close.ClosedOn", "2024-02-29")).ToContent());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Equal("该单位成立于 2024-03-01：撤销日期不能早于成立日期。", page.QuerySelector("[data-valmsg-for='Close.ClosedOn']")!.TextContent);
        Assert.True(page.QuerySelector("#deactivate-unit")!.HasAttribute("open"));
        var unit = await app.UnitAsync(p.School);
        Assert.Equal((true, (DateOnly?)null), (unit.IsActive, unit.ClosedOn));
    }

    [Fact]
    public async Task A_closing_date_in_the_future_or_none_is_refused()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);

        var future = await app.AsAsync(officer, units => units.DeactivateAsync(p.School, Versions.First, new DeactivateUnitInput { ClosedOn = Today.AddDays(1) }));
        var none = await app.AsAsync(officer, units => units.DeactivateAsync(p.School, Versions.First, new DeactivateUnitInput()));

        Assert.Equal("ClosedOn", Assert.Single(future!.Errors).Field);
        Assert.Equal("Enter the date the unit closed.", Assert.Single(none!.Errors).Message);
        Assert.True((await app.UnitAsync(p.School)).IsActive);
    }

    [Fact]
    public async Task A_closed_units_set_up_date_cannot_be_moved_after_its_closing()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var officer = new FixedCurrentUser("o", p.City, Roles.SecrecyOfficer);
        Assert.True((await app.AsAsync(officer, units => units.DeactivateAsync(p.School, Versions.First, new DeactivateUnitInput { ClosedOn = new DateOnly(2025, 7, 31) })))!.Succeeded);

        var version = await app.VersionOfAsync<Unit>(p.School);
        var result = await app.AsAsync(officer, units => units.EditAsync(p.School, version, new UnitInput
        {
            Code = "P-QS-1-A",
            Name = "青山一中",
            Kind = UnitKind.PublicInstitution,
            Level = AdministrativeLevel.Township,
            EstablishedOn = new DateOnly(2025, 8, 1),
        }));

        var error = Assert.Single(result!.Errors);
        Assert.Equal(("EstablishedOn", "The unit closed on 2025-07-31: enter a set-up date on or before it."), (error.Field, error.Message));
    }
}
