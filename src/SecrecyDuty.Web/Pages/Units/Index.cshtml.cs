using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class IndexModel(UnitService units, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public UnitKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public AdministrativeLevel? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public UnitStatusFilter Status { get; set; } = UnitStatusFilter.All;

    [BindProperty(SupportsGet = true, Name = "parent")]
    public int? ParentId { get; set; }

    /// <summary>The parent filtered on; the picker sends 0 for none.</summary>
    public int? ChosenParent => ParentId is > 0 ? ParentId : null;

    [BindProperty(SupportsGet = true)]
    public ListParameters Parameters { get; set; } = new();

    public PagedList<UnitRow> Units { get; private set; } = null!;

    /// <summary>
    /// The parent filter: a search-as-you-type picker over the jurisdiction's units, deactivated ones too, never a
    /// drop-down of every unit. A unit with nothing below it may be chosen: the list then says that none matches.
    /// </summary>
    public UnitPicker ParentFilter { get; private set; } = null!;

    public bool CanMaintain => units.CanMaintain;

    /// <summary>The list's address: its filters, sort and page (docs/architecture.md, "Conventions").</summary>
    public ListQuery<UnitSortColumn> Query =>
        new(Url, Parameters, UnitSortColumn.Code, new { q = Search, kind = Kind, level = Level, status = Status, parent = ChosenParent });

    private UnitListQuery Filter => new(Search, Kind, Level, Status, ChosenParent, Query.Sort, Query.Direction);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Units = await units.ListFilteredAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);
        ParentFilter = new UnitPicker("parent", l["Parent unit"], await units.ParentFilterAsync(ChosenParent, cancellationToken), UnitLookupScope.JurisdictionWithDeactivated);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await units.ExportAsync(Filter, cancellationToken);
        ExportColumn<UnitRow>[] columns =
        [
            new(l["Code"], r => r.Code),
            new(l["Name"], r => r.Name),
            new(l["Kind"], r => l.Enum(r.Kind).Value),
            new(l["Administrative level"], r => l.Enum(r.Level).Value),
            new(l["Parent unit"], r => r.ParentName),
            new(l["Status"], r => (r.IsActive ? l["Active"] : l["Deactivated"]).Value),
            new(l["Created on"], r => DateOnly.FromDateTime(r.CreatedAtUtc)),
        ];
        return TableExport.ToFile(exportFormat, "units", columns, rows);
    }
}
