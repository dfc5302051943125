using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Inspections.Orders;

/// <summary>The rectification orders of the jurisdiction (art. 15), the nearest deadline first; overdue ones stand out.</summary>
public sealed class IndexModel(InspectionListService inspections, UnitLookupService units, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unitId")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public OrderState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? DeficiencyCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public ListParameters Parameters { get; set; } = new();

    public PagedList<OrderListItem> Orders { get; private set; } = null!;

    public UnitPicker UnitFilter { get; private set; } = null!;

    public DateOnly Today => inspections.Today;

    public ListQuery<OrderSort> Query => new(
        Url,
        Parameters,
        OrderSort.Deadline,
        new { unitId = ChosenUnit, year = Year, state = State, code = DeficiencyCode });

    private int? ChosenUnit => UnitId is > 0 ? UnitId : null;

    private OrderFilter Filter => new()
    {
        UnitId = ChosenUnit,
        Year = Year,
        State = State,
        DeficiencyCode = DeficiencyCode,
        Sort = Query.Sort,
        Direction = Query.Direction,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Orders = await inspections.OrdersAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);
        var chosen = ChosenUnit is { } id ? await units.FindAsync(id, UnitLookupScope.Jurisdiction, cancellationToken) : null;
        UnitFilter = new UnitPicker("unitId", l["Unit"], chosen);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await inspections.ExportOrdersAsync(Filter, cancellationToken);
        var today = Today;
        ExportColumn<OrderListItem>[] columns =
        [
            new(l["Unit code"], r => r.UnitCode),
            new(l["Unit"], r => r.UnitName),
            new(l["Deficiency"], r => r.DeficiencyCode ?? l["Other"].Value),
            new(l["What the unit must rectify"], r => r.Requirements),
            new(l["Issued on"], r => r.IssuedOn),
            new(l["Deadline"], r => r.Deadline),
            new(l["Status"], r => l.Enum(r.Status).Value),
            new(l["Overdue"], r => RectificationRules.IsOverdue(r.Status, r.Deadline, today) ? l["Yes"].Value : l["No"].Value),
            new(l["Reported on"], r => r.ReportedOn),
            new(l["Verified on"], r => r.VerifiedOn),
        ];
        return TableExport.ToFile(exportFormat, "rectification-orders", columns, rows);
    }
}
