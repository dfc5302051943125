using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Leaders;

public sealed class IndexModel(LeaderService leaders, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public LeaderFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public PagedList<LeaderListItem> Leaders { get; private set; } = null!;

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public bool CanMaintain => leaders.CanMaintain;

    public PagerModel Pager => new(Leaders.Page, Leaders.PageCount, Leaders.TotalCount, p => UrlFor(Filter.Sort, p));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Leaders = await leaders.ListAsync(Filter, PageNumber, Paging.DefaultPageSize, cancellationToken);
        Units = await leaders.UnitFilterChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await leaders.ExportAsync(Filter, cancellationToken);
        ExportColumn<LeaderListItem>[] columns =
        [
            new(l["Full name"], r => r.Name),
            new(l["Staff number"], r => r.StaffNumber),
            new(l["Rank"], r => l["LeaderRank:" + r.Rank].Value),
            new(l["Party member"], r => r.IsPartyMember ? l["Yes"].Value : l["No"].Value),
            new(l["In scope (art. 2)"], r => r.InScope ? l["Yes"].Value : l["No"].Value),
            new(l["Unit keeping the record"], r => r.UnitName),
            new(l["Phone"], r => r.Phone),
            new(l["E-mail"], r => r.Email),
            new(l["Status"], r => r.IsActive ? l["Active"].Value : l["Deactivated"].Value),
        ];
        return TableExport.ToFile(exportFormat, "leaders", columns, rows);
    }

    /// <summary>This list with the current filters, in <paramref name="sort"/> order, at <paramref name="page"/>.</summary>
    public string UrlFor(LeaderSort sort, int page = 1) => Url.Page("Index", RouteValues(sort, page))!;

    /// <summary>The current filters as the export link carries them.</summary>
    public string ExportUrl(string format)
    {
        var values = RouteValues(Filter.Sort, page: null);
        values["handler"] = "Export";
        values["format"] = format;
        return Url.Page("Index", values)!;
    }

    /// <summary>The heading's link: this column ascending, or descending when it is already ascending.</summary>
    public string SortUrl(LeaderSort ascending, LeaderSort descending) =>
        UrlFor(Filter.Sort == ascending ? descending : ascending);

    private RouteValueDictionary RouteValues(LeaderSort sort, int? page)
    {
        var values = new RouteValueDictionary
        {
            [nameof(LeaderFilter.Search)] = Filter.Search,
            [nameof(LeaderFilter.Rank)] = Filter.Rank?.ToString(),
            [nameof(LeaderFilter.PartyMember)] = Filter.PartyMember?.ToString(),
            [nameof(LeaderFilter.InScope)] = Filter.InScope?.ToString(),
            [nameof(LeaderFilter.UnitId)] = Filter.UnitId?.ToString(CultureInfo.InvariantCulture),
            [nameof(LeaderFilter.Status)] = Filter.Status.ToString(),
            [nameof(LeaderFilter.Sort)] = sort.ToString(),
        };
        if (page is { } p)
        {
            values["pageNumber"] = p.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
