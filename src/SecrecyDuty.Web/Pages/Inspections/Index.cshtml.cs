using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>The inspections of the jurisdiction (art. 8): what is planned, in progress and done, with their findings and orders.</summary>
public sealed class IndexModel(InspectionListService inspections, UnitLookupService units, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "unitId")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "body")]
    public InspectingBody? Body { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public InspectionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? DeficiencyCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "orders")]
    public OrderState? OrderState { get; set; }

    [BindProperty(SupportsGet = true)]
    public ListParameters Parameters { get; set; } = new();

    public PagedList<InspectionListItem> Inspections { get; private set; } = null!;

    public UnitPicker UnitFilter { get; private set; } = null!;

    public bool CanConduct => inspections.CanConduct;

    public int ThisYear => inspections.Today.Year;

    /// <summary>The latest first.</summary>
    public ListQuery<InspectionSort> Query => new(
        Url,
        Parameters,
        InspectionSort.Date,
        new { q = Search, unitId = ChosenUnit, year = Year, body = Body, status = Status, code = DeficiencyCode, orders = OrderState },
        InspectionSort.Date);

    /// <summary>The unit picker posts 0 for "none".</summary>
    private int? ChosenUnit => UnitId is > 0 ? UnitId : null;

    private InspectionFilter Filter => new()
    {
        Search = Search,
        UnitId = ChosenUnit,
        Year = Year,
        Body = Body,
        Status = Status,
        DeficiencyCode = DeficiencyCode,
        OrderState = OrderState,
        Sort = Query.Sort,
        Direction = Query.Direction,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Inspections = await inspections.ListAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);
        var chosen = ChosenUnit is { } id ? await units.FindAsync(id, UnitLookupScope.Jurisdiction, cancellationToken) : null;
        UnitFilter = new UnitPicker("unitId", l["Unit"], chosen);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await inspections.ExportAsync(Filter, cancellationToken);
        ExportColumn<InspectionListItem>[] columns =
        [
            new(l["Date"], r => r.Date),
            new(l["Unit code"], r => r.UnitCode),
            new(l["Inspected unit"], r => r.UnitName),
            new(l["Inspecting body (art. 8)"], r => l.Enum(r.Body).Value),
            new(l["Unit of the inspecting body"], r => r.BodyUnitName),
            new(l["Kind of inspection"], r => l.Enum(r.Kind).Value),
            new(l["Status"], r => l.Enum(r.Status).Value),
            new(l["Completed"], r => r.CompletedOn),
            new(l["Findings"], r => r.Findings),
            new(l["Open orders"], r => r.OpenOrders),
            new(l["Overdue orders"], r => r.OverdueOrders),
        ];
        return TableExport.ToFile(exportFormat, "inspections", columns, rows);
    }
}
