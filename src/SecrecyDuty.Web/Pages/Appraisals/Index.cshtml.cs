using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Appraisals;

public sealed class IndexModel(AppraisalService appraisals, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AppraisalFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public AppraisalList List { get; private set; } = null!;

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public PagerModel Pager => new(List.Appraisals.Page, List.Appraisals.PageCount, List.Appraisals.TotalCount, p => UrlFor(Filter.Sort, p));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        List = await appraisals.ListAsync(Filter, PageNumber, Paging.DefaultPageSize, cancellationToken);
        Filter.Year = List.Year;
        Units = await appraisals.UnitFilterChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await appraisals.ExportAsync(Filter, cancellationToken);
        ExportColumn<AppraisalListItem>[] columns =
        [
            new(l["Full name"], r => r.Name),
            new(l["Staff number"], r => r.StaffNumber),
            new(l["Rank"], r => l["LeaderRank:" + r.Rank].Value),
            new(l["Unit keeping the record"], r => r.UnitName),
            new(l["Appraisal status"], r => l["AppraisalStatus:" + r.Status].Value),
            new(l["Appraisal grade"], r => r.Grade is { } grade ? l["AppraisalGrade:" + grade].Value : ""),
            new(l["Finalized on"], r => r.FinalizedOn),
        ];
        return TableExport.ToFile(exportFormat, "appraisals", columns, rows);
    }

    /// <summary>This list with the current filters, in <paramref name="sort"/> order, at <paramref name="page"/>.</summary>
    public string UrlFor(AppraisalSort sort, int page = 1) => Url.Page("Index", RouteValues(sort, page))!;

    /// <summary>The current filters as the export link carries them.</summary>
    public string ExportUrl(string format)
    {
        var values = RouteValues(Filter.Sort, page: null);
        values["handler"] = "Export";
        values["format"] = format;
        return Url.Page("Index", values)!;
    }

    /// <summary>The heading's link: this column ascending, or descending when it is already ascending.</summary>
    public string SortUrl(AppraisalSort ascending, AppraisalSort descending) =>
        UrlFor(Filter.Sort == ascending ? descending : ascending);

    private RouteValueDictionary RouteValues(AppraisalSort sort, int? page)
    {
        var values = new RouteValueDictionary
        {
            [nameof(AppraisalFilter.Year)] = Filter.Year?.ToString(CultureInfo.InvariantCulture),
            [nameof(AppraisalFilter.Search)] = Filter.Search,
            [nameof(AppraisalFilter.UnitId)] = Filter.UnitId?.ToString(CultureInfo.InvariantCulture),
            [nameof(AppraisalFilter.Status)] = Filter.Status?.ToString(),
            [nameof(AppraisalFilter.Sort)] = sort.ToString(),
        };
        if (page is { } p)
        {
            values["pageNumber"] = p.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
