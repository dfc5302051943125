using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Incidents;

/// <summary>
/// The incident files the account opens, the latest discovered first, with the reporting clock. Everyone else gets an
/// empty list: a unit leader sees no file, not even its title, unless named on it.
/// </summary>
public sealed class IndexModel(IncidentService incidents, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public IncidentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    public PagedList<IncidentListItem> Incidents { get; private set; } = null!;

    public bool CanRegister => incidents.CanRegister;

    public ListQuery Query => new(Url, PageNumber, new { status = Status, q = Search });

    private IncidentFilter Filter => new(Status, Search);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Incidents = await incidents.ListAsync(Filter, PageNumber, Paging.DefaultPageSize, cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await incidents.ExportAsync(Filter, cancellationToken);
        ExportColumn<IncidentListItem>[] columns =
        [
            new(l["Discovered"], r => r.DiscoveredAtUtc.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new(l["Title"], r => r.Title),
            new(l["Unit"], r => r.Unit.Name),
            new(l["Classification"], r => l.Enum(r.Classification).Value),
            new(l["Reporting clock"], r => l.Enum(r.Clock).Value),
            new(l["Status"], r => l.Enum(r.Status).Value),
        ];
        return TableExport.ToFile(exportFormat, "incidents", columns, rows);
    }
}
