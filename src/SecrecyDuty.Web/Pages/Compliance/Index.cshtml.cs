using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Compliance;

/// <summary>The heat map: the units of the jurisdiction × the requirements, for a year.</summary>
public sealed class IndexModel(ComplianceService compliance, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Rows per page: a row is about 5 KB of HTML (eight cells, each with its reason), so a page stays under 300 KB (issue 10).</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "gaps")]
    public bool GapsOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    public int SelectedYear { get; private set; }

    public IReadOnlyList<int> Years => compliance.SelectableYears();

    public ComplianceHeatMap Map { get; private set; } = null!;

    /// <summary>The heat map's address: its year, filters and page (docs/architecture.md, "Conventions").</summary>
    public ListQuery Query => new(Url, PageNumber, new { year = SelectedYear, q = Search, gaps = GapsOnly ? "true" : null });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SelectedYear = compliance.YearOrCurrent(Year);
        Map = await compliance.HeatMapAsync(SelectedYear, Filter, PageNumber, PageSize, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        SelectedYear = compliance.YearOrCurrent(Year);
        var rows = await compliance.ExportAsync(SelectedYear, Filter, cancellationToken);
        var columns = new List<ExportColumn<UnitCompliance>>
        {
            new(l["Year"], r => r.Year),
            new(l["Unit code"], r => r.UnitCode),
            new(l["Unit"], r => r.UnitName),
            new(l["Level in the tree"], r => r.Depth),
            new(l["Compliant"], r => r.IsCompliant ? l["Yes"].Value : l["No"].Value),
        };
        foreach (var requirement in Requirements.All)
        {
            var name = l.Enum(requirement).Value;
            columns.Add(new(name, r => l.Enum(r[requirement].State).Value));
            columns.Add(new(l["{0}: reason", name], r => ComplianceText.Reason(l, r[requirement])));
        }

        // One column per period of the province's practice for P5.3 (the half-years in the shipped data).
        var periods = rows.Select(r => r.PracticePeriods.Count).DefaultIfEmpty(0).Max();
        for (var i = 0; i < periods; i++)
        {
            var index = i;
            columns.Add(new(
                l["Province's practice, period {0} of {1}", index + 1, periods],
                r => index < r.PracticePeriods.Count ? l.Enum(r.PracticePeriods[index].State).Value : ""));
        }

        return TableExport.ToFile(exportFormat, $"compliance-{SelectedYear}", columns, rows);
    }

    private ComplianceFilter Filter => new(Search, GapsOnly);
}
