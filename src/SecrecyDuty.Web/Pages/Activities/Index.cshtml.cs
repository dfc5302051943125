using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Activities;

public sealed class IndexModel(ActivityService activities, UnitLookupService units, IStringLocalizer<Messages> l, TimeProvider clock) : PageModel
{
    /// <summary>How many years back the year filter offers.</summary>
    public const int YearsOffered = 10;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "unitId")]
    public int? UnitId { get; set; }

    /// <summary>The unit filtered on; the picker posts 0 for none.</summary>
    public int? ChosenUnit => UnitId is > 0 ? UnitId : null;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public ActivityKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>1 (January–June) or 2 (July–December) of <see cref="Year"/>; ignored without a year.</summary>
    [BindProperty(SupportsGet = true, Name = "half")]
    public int? Half { get; set; }

    [BindProperty(SupportsGet = true)]
    public ListParameters Parameters { get; set; } = new();

    public PagedList<ActivityListItem> Activities { get; private set; } = null!;

    /// <summary>The unit filter: a search-as-you-type picker, never a drop-down of every unit (the picker posts 0 for none).</summary>
    public UnitPicker UnitFilter { get; private set; } = null!;

    /// <summary>This year first, then earlier ones; a year chosen in the address stays offered.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool CanRecord => activities.CanRecord;

    /// <summary>The list's address: its filters, sort and page (docs/architecture.md, "Conventions"). The latest first.</summary>
    public ListQuery<ActivitySort> Query => new(
        Url,
        Parameters,
        ActivitySort.Date,
        new { q = Search, unitId = ChosenUnit, kind = Kind, year = Year, half = Half },
        ActivitySort.Date);

    private ActivityFilter Filter => new()
    {
        Search = Search,
        UnitId = ChosenUnit,
        Kind = Kind,
        Year = Year,
        Half = Half,
        Sort = Query.Sort,
        Direction = Query.Direction,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Activities = await activities.ListAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);
        UnitFilter = new UnitPicker("unitId", l["Unit"], ChosenUnit is { } id ? await units.FindAsync(id, UnitLookupScope.Jurisdiction, cancellationToken) : null);
        var thisYear = LocalDate.Today(clock).Year;
        var years = Enumerable.Range(0, YearsOffered).Select(i => thisYear - i).ToList();
        if (Year is { } chosen && !years.Contains(chosen))
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
            new(l["Kind"], r => l.Enum(r.Kind).Value),
            new(l["Duty"], r => r.DutyCode),
            new(l["Unit code"], r => r.UnitCode),
            new(l["Unit"], r => r.UnitName),
            new(l["Title"], r => r.Title),
            new(l["Presenters"], r => r.Presenters),
            new(l["Topics"], r => r.Topics),
            new(l["Decisions"], r => r.Decisions),
            new(l["Follow-up actions"], r => r.FollowUpActions),
            new(l["Attendees"], r => string.Join("; ", r.Attendees.Select(a => $"{a.LeaderName} ({l.Enum(a.Role).Value}, {a.PostingTitle})"))),
            new(l["Audience"], r => r.Audience),
            new(l["Head count"], r => r.HeadCount),
            new(l["Item reviewed"], r => r.ReviewedItem),
            new(l["Reviewer"], r => r.Reviewer),
            new(l["Outcome"], r => r.ReviewOutcome is { } outcome ? l.Enum(outcome).Value : null),
            new(l["Evidence files"], r => r.EvidenceCount),
        ];
        return TableExport.ToFile(exportFormat, "activities", columns, rows);
    }
}
