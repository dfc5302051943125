using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.SecrecyOrganizations;

/// <summary>Every unit in the jurisdiction with its secrecy organization and rule register coverage.</summary>
public sealed class IndexModel(SecrecyOrganizationListService list, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "org")]
    public bool? HasOrganization { get; set; }

    [BindProperty(SupportsGet = true, Name = "missing")]
    public bool? MissingRuleAreas { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public UnitKind? UnitKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public ListParameters Parameters { get; set; } = new();

    public SecrecyOrganizationList List { get; private set; } = null!;

    /// <summary>The list's address: its filters, sort and page (docs/architecture.md, "Conventions").</summary>
    public ListQuery<SecrecyOrganizationSort> Query =>
        new(Url, Parameters, SecrecyOrganizationSort.UnitCode, new { q = Search, org = HasOrganization, missing = MissingRuleAreas, kind = UnitKind });

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        List = await list.ListAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await list.ExportAsync(Filter, cancellationToken);
        ExportColumn<SecrecyOrganizationListItem>[] columns =
        [
            new(l["Unit code"], r => r.UnitCode),
            new(l["Unit"], r => r.UnitName),
            new(l["Unit kind"], r => l["UnitKind:" + r.UnitKind].Value),
            new(l["Status"], r => r.UnitIsActive ? l["Active"].Value : l["Deactivated"].Value),
            new(l["Secrecy organization"], r => r.Kind is { } kind ? l["SecrecyOrganizationKind:" + kind].Value : l["Not established"].Value),
            new(l["Established on"], r => r.EstablishedOn),
            new(l["Chair"], r => r.ChairName),
            new(l["Secrecy cadres"], r => r.Cadres),
            new(l["Full-time cadres"], r => r.FullTimeCadres),
            new(l["Annual budget (yuan)"], r => r.AnnualBudget),
            new(l["Budget year"], r => r.BudgetYear),
            new(l["Rule areas established"], r => r.RuleAreasEstablished),
            new(l["Rule areas in the regulation"], r => r.RuleAreaCount),
            new(l["Missing rule areas"], r => string.Join(" ", r.MissingRuleAreas)),
        ];
        return TableExport.ToFile(exportFormat, "secrecy-organizations", columns, rows);
    }

    private SecrecyOrganizationFilter Filter => new()
    {
        Search = Search,
        HasOrganization = HasOrganization,
        MissingRuleAreas = MissingRuleAreas,
        UnitKind = UnitKind,
        Sort = Query.Sort,
        Direction = Query.Direction,
    };
}
