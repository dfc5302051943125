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

    [BindProperty(SupportsGet = true, Name = "sort")]
    public UnitSortColumn Sort { get; set; } = UnitSortColumn.Code;

    /// <summary>"desc" for descending; anything else ascending.</summary>
    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Direction { get; set; }

    /// <summary>Not "page": Razor Pages keeps that route value for the page's own name, so it would never bind.</summary>
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public PagedList<UnitRow> Units { get; private set; } = null!;

    public IReadOnlyList<UnitListItem> ParentOptions { get; private set; } = [];

    public bool CanMaintain => units.CanMaintain;

    public bool Descending => string.Equals(Direction, "desc", StringComparison.OrdinalIgnoreCase);

    public PagerModel Pager => new(Units.Page, Units.PageCount, Units.TotalCount, p => ListUrl(page: p));

    private UnitListQuery Query => new(Search, Kind, Level, Status, ParentId, Sort, Descending);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Units = await units.ListFilteredAsync(Query, PageNumber, Paging.DefaultPageSize, cancellationToken);
        ParentOptions = await units.ParentFilterOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await units.ExportAsync(Query, cancellationToken);
        ExportColumn<UnitRow>[] columns =
        [
            new(l["Code"], r => r.Code),
            new(l["Name"], r => r.Name),
            new(l["Kind"], r => l["UnitKind:" + r.Kind].Value),
            new(l["Administrative level"], r => l["AdministrativeLevel:" + r.Level].Value),
            new(l["Parent unit"], r => r.ParentName),
            new(l["Status"], r => (r.IsActive ? l["Active"] : l["Deactivated"]).Value),
            new(l["Created on"], r => DateOnly.FromDateTime(r.CreatedAtUtc)),
        ];
        return TableExport.ToFile(exportFormat, "units", columns, rows);
    }

    /// <summary>The column header's link: sorts by <paramref name="column"/>, reversing the order when it is already the sort.</summary>
    public string SortUrl(UnitSortColumn column) =>
        ListUrl(sort: column, descending: column == Sort && !Descending, page: 1);

    public string ExportUrl(string format) =>
        Url.Page("Index", "Export", new { format, q = Search, kind = Kind, level = Level, status = Status, parent = ParentId, sort = Sort, dir = Descending ? "desc" : null })!;

    /// <summary>"ascending", "descending" or "none", for the aria-sort attribute of a column header.</summary>
    public string AriaSort(UnitSortColumn column) =>
        column != Sort ? "none" : Descending ? "descending" : "ascending";

    private string ListUrl(UnitSortColumn? sort = null, bool? descending = null, int? page = null) =>
        Url.Page("Index", new
        {
            q = Search,
            kind = Kind,
            level = Level,
            status = Status,
            parent = ParentId,
            sort = sort ?? Sort,
            dir = (descending ?? Descending) ? "desc" : null,
            pageNumber = page ?? PageNumber,
        })!;
}
