using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Appraisals;

public sealed class IndexModel(AppraisalService appraisals, UnitLookupService units, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>The year appraised; the current year when empty or not appraisable.</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "unitId")]
    public int? UnitId { get; set; }

    /// <summary>The unit filtered on; the picker posts 0 for none.</summary>
    public int? ChosenUnit => UnitId is > 0 ? UnitId : null;

    [BindProperty(SupportsGet = true, Name = "status")]
    public AppraisalStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ListParameters Parameters { get; set; } = new();

    public AppraisalList List { get; private set; } = null!;

    /// <summary>The unit filter: a search-as-you-type picker, never a drop-down of every unit (the picker posts 0 for none).</summary>
    public UnitPicker UnitFilter { get; private set; } = null!;

    /// <summary>The list's address: its filters, sort and page (docs/architecture.md, "Conventions").</summary>
    public ListQuery<AppraisalSort> Query =>
        new(Url, Parameters, AppraisalSort.Name, new { year = Year, q = Search, unitId = ChosenUnit, status = Status });

    private AppraisalFilter Filter => new()
    {
        Year = Year,
        Search = Search,
        UnitId = ChosenUnit,
        Status = Status,
        Sort = Query.Sort,
        Direction = Query.Direction,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        List = await appraisals.ListAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);
        Year = List.Year;
        UnitFilter = new UnitPicker("unitId", l["Unit keeping the record"], ChosenUnit is { } id ? await units.FindAsync(id, UnitLookupScope.Jurisdiction, cancellationToken) : null);
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
            new(l["Rank"], r => l.Enum(r.Rank).Value),
            new(l["Unit keeping the record"], r => r.UnitName),
            new(l["Appraisal status"], r => l.Enum(r.Status).Value),
            new(l["Appraisal grade"], r => r.Grade is { } grade ? l.Enum(grade).Value : ""),
            new(l["Finalized on"], r => r.FinalizedOn),
        ];
        return TableExport.ToFile(exportFormat, "appraisals", columns, rows);
    }
}
