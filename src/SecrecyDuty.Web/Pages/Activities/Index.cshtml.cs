using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Activities;

public sealed class IndexModel(ActivityService activities, IStringLocalizer<Messages> l, TimeProvider clock) : PageModel
{
    /// <summary>How many years back the year filter offers.</summary>
    public const int YearsOffered = 10;

    [BindProperty(SupportsGet = true)]
    public ActivityFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public PagedList<ActivityListItem> Activities { get; private set; } = null!;

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>This year first, then earlier ones; a year chosen in the address stays offered.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool CanRecord => activities.CanRecord;

    public PagerModel Pager => new(Activities.Page, Activities.PageCount, Activities.TotalCount, p => UrlFor(Filter.Sort, p));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Activities = await activities.ListAsync(Filter, PageNumber, Paging.DefaultPageSize, cancellationToken);
        Units = await activities.UnitFilterChoicesAsync(cancellationToken);
        var thisYear = LocalDate.Today(clock).Year;
        var years = Enumerable.Range(0, YearsOffered).Select(i => thisYear - i).ToList();
        if (Filter.Year is { } chosen && !years.Contains(chosen))
        {
            years.Add(chosen);
        }

        Years = [.. years.OrderDescending()];
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await activities.ExportAsync(Filter, cancellationToken);
        ExportColumn<ActivityExportRow>[] columns =
        [
            new(l["Date"], r => r.Date),
            new(l["Kind"], r => l["ActivityKind:" + r.Kind].Value),
            new(l["Duty"], r => r.DutyCode),
            new(l["Unit code"], r => r.UnitCode),
            new(l["Unit"], r => r.UnitName),
            new(l["Title"], r => r.Title),
            new(l["Presenters"], r => r.Presenters),
            new(l["Topics"], r => r.Topics),
            new(l["Decisions"], r => r.Decisions),
            new(l["Follow-up actions"], r => r.FollowUpActions),
            new(l["Attendees"], r => string.Join("; ", r.Attendees.Select(a => $"{a.LeaderName} ({l["PostingRole:" + a.Role].Value}, {a.PostingTitle})"))),
            new(l["Audience"], r => r.Audience),
            new(l["Head count"], r => r.HeadCount),
            new(l["Item reviewed"], r => r.ReviewedItem),
            new(l["Reviewer"], r => r.Reviewer),
            new(l["Outcome"], r => r.ReviewOutcome is { } outcome ? l["PublicationReviewOutcome:" + outcome].Value : null),
            new(l["Evidence files"], r => r.EvidenceCount),
        ];
        return TableExport.ToFile(exportFormat, "activities", columns, rows);
    }

    /// <summary>This list with the current filters, in <paramref name="sort"/> order, at <paramref name="page"/>.</summary>
    public string UrlFor(ActivitySort sort, int page = 1) => Url.Page("Index", RouteValues(sort, page))!;

    /// <summary>The current filters as the export link carries them.</summary>
    public string ExportUrl(string format)
    {
        var values = RouteValues(Filter.Sort, page: null);
        values["handler"] = "Export";
        values["format"] = format;
        return Url.Page("Index", values)!;
    }

    /// <summary>The heading's link: this column in its first order, or the other when it is already so.</summary>
    public string SortUrl(ActivitySort first, ActivitySort second) =>
        UrlFor(Filter.Sort == first ? second : first);

    private RouteValueDictionary RouteValues(ActivitySort sort, int? page)
    {
        var values = new RouteValueDictionary
        {
            [nameof(ActivityFilter.Search)] = Filter.Search,
            [nameof(ActivityFilter.UnitId)] = Filter.UnitId?.ToString(CultureInfo.InvariantCulture),
            [nameof(ActivityFilter.Kind)] = Filter.Kind?.ToString(),
            [nameof(ActivityFilter.Year)] = Filter.Year?.ToString(CultureInfo.InvariantCulture),
            [nameof(ActivityFilter.Half)] = Filter.Half?.ToString(CultureInfo.InvariantCulture),
            [nameof(ActivityFilter.Sort)] = sort.ToString(),
        };
        if (page is { } p)
        {
            values["pageNumber"] = p.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
