using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>
/// A list's unit filter is a search-as-you-type picker (Pages/Shared/_UnitPicker): no page renders a drop-down of every unit
/// of the province, whose size would grow with it (docs/performance.md). The chosen unit stays shown, and "none" (the
/// picker's 0) filters on nothing.
/// </summary>
public sealed class UnitFilterTests
{
    [Theory]
    [InlineData("/Leaders")]
    [InlineData("/Activities")]
    [InlineData("/Appraisals?year=2026")]
    [InlineData("/Inspections")]
    [InlineData("/Checklists?year=2026")]
    public async Task The_unit_filter_is_a_picker_that_shows_the_chosen_unit_and_never_lists_every_unit(string list)
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = await app.SignedInAsync("officer");
        var separator = list.Contains('?', StringComparison.Ordinal) ? "&" : "?";

        var unfiltered = await TestApp.GetDocumentAsync(client, $"{list}{separator}unitId=0");
        var filtered = await TestApp.GetDocumentAsync(client, $"{list}{separator}unitId={p.Department}");

        Assert.Null(unfiltered.QuerySelector("select[name='unitId']"));
        Assert.Equal("0", unfiltered.QuerySelector("input[type=hidden][name='unitId']")!.GetAttribute("value"));
        Assert.Equal(p.Department.ToString(System.Globalization.CultureInfo.InvariantCulture), filtered.QuerySelector("input[type=hidden][name='unitId']")!.GetAttribute("value"));
        Assert.Contains("示范省教育厅", filtered.QuerySelector("#unitId_search")!.GetAttribute("value"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Checklists?year=2026", "Generate.UnitId")]
    [InlineData("/Leaders/Create", "Input.UnitId")]
    [InlineData("/Leaders/Create", "Input.FirstPosting.UnitId")]
    [InlineData("/Units/Create", "Input.ParentId")]
    public async Task A_forms_unit_field_is_a_picker_never_a_drop_down_of_every_unit(string page, string field)
    {
        using var app = TestApp.Rent();
        await Province.CreateAsync(app, withAccounts: true);
        var client = await app.SignedInAsync("officer");

        var document = await TestApp.GetDocumentAsync(client, page);

        Assert.Null(document.QuerySelector($"select[name='{field}']"));
        Assert.NotNull(document.QuerySelector($"input[type=hidden][name='{field}']"));
        Assert.NotNull(document.QuerySelector($"#{field.Replace('.', '_')}_search[role=combobox]"));
        Assert.NotNull(document.QuerySelector("script[src^='/js/picker.js']"));
    }
}
