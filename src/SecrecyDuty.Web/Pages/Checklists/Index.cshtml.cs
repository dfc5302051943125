using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Checklists;

/// <summary>
/// The duty checklists of a year: the signed-in leader's own, and every posting of the jurisdiction with its
/// checklist, filtered, sorted, paged and exported; the secrecy office generates a unit's missing checklists.
/// </summary>
public sealed class IndexModel(ChecklistListService list, ChecklistService checklists, UnitLookupService units, IStringLocalizer<Messages> l) : PageModel
{
    /// <summary>Shown once by the layout on the page this one redirects to (post/redirect/get).</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "unitId")]
    public int? UnitId { get; set; }

    /// <summary>The unit filtered on; the picker posts 0 for none.</summary>
    public int? ChosenUnit => UnitId is > 0 ? UnitId : null;

    /// <summary>The unit filter and the generating form's unit: search-as-you-type pickers, never a drop-down of every unit.</summary>
    public UnitPicker UnitFilter { get; private set; } = null!;

    public UnitPicker GenerateUnit { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "status")]
    public ChecklistProgress? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public PostingRole? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ListParameters Parameters { get; set; } = new();

    [BindProperty]
    public GenerateChecklistsInput Generate { get; set; } = new();

    public ChecklistIndex Index { get; private set; } = null!;

    /// <summary>The list's address: its filters, sort and page (docs/architecture.md, "Conventions").</summary>
    public ListQuery<ChecklistSort> Query =>
        new(Url, Parameters, ChecklistSort.Unit, new { year = Year, unitId = ChosenUnit, status = Status, role = Role, q = Search });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RefuseYearOutOfRange();
        Index = await list.IndexAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);
        Generate = new GenerateChecklistsInput { UnitId = ChosenUnit ?? 0, Year = Index.Year };
        await PickersAsync(cancellationToken);
    }

    private async Task PickersAsync(CancellationToken cancellationToken)
    {
        var filtered = ChosenUnit is { } id ? await units.FindAsync(id, UnitLookupScope.Jurisdiction, cancellationToken) : null;
        var generating = Generate.UnitId == filtered?.Id ? filtered
            : Generate.UnitId > 0 ? await units.FindAsync(Generate.UnitId, UnitLookupScope.Jurisdiction, cancellationToken)
            : null;
        UnitFilter = new UnitPicker("unitId", l["Unit"], filtered);
        GenerateUnit = new UnitPicker("Generate.UnitId", l["Unit"], generating);
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken cancellationToken)
    {
        var result = await checklists.GenerateMissingAsync(Generate, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result, nameof(Generate));
            RefuseYearOutOfRange();
            Index = await list.IndexAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);
            await PickersAsync(cancellationToken);
            return Page();
        }

        StatusMessage = result.Value == 0
            ? l["Every posting of the unit holding in {0} has its checklist already.", Generate.Year].Value
            : l["{0} checklists generated for {1}.", result.Value, Generate.Year].Value;
        return RedirectToPage("Index", new { year = Generate.Year, unitId = Generate.UnitId });
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat) || !RefuseYearOutOfRange())
        {
            return BadRequest();
        }

        var rows = await list.ExportAsync(Filter, cancellationToken);
        ExportColumn<ChecklistListItem>[] columns =
        [
            new(l["Checklist year"], r => r.Year),
            new(l["Unit code"], r => r.UnitCode),
            new(l["Unit"], r => r.UnitName),
            new(l["Leader"], r => r.LeaderName),
            new(l["Role"], r => l.Enum(r.Role).Value),
            new(l["Title of the post"], r => r.Title),
            new(l["Status"], r => l.Enum(r.Progress).Value),
            new(l["Checklist items"], r => r.Items),
            new(l["Items fulfilled"], r => r.Fulfilled),
            new(l["Items not applicable"], r => r.NotApplicable),
            new(l["Items not started"], r => r.NotStarted),
            new(l["Checklist submitted at (UTC)"], r => r.SubmittedAtUtc),
            new(l["Checklist reviewed at (UTC)"], r => r.ReviewedAtUtc),
        ];
        return TableExport.ToFile(exportFormat, "duty-checklists", columns, rows);
    }

    /// <summary>
    /// A year no checklist can have (0, -1, 2147483647) is said beside the year and the current year is listed instead;
    /// false when the year was refused.
    /// </summary>
    private bool RefuseYearOutOfRange()
    {
        if (Year is not { } year || (year >= ChecklistRules.FirstYear && year <= checklists.CurrentYear))
        {
            return true;
        }

        ModelState.AddModelError("year", l["Enter a year from 2000 to the current year."]);
        Year = null;
        return false;
    }

    private ChecklistFilter Filter => new()
    {
        Year = Year,
        UnitId = ChosenUnit,
        Status = Status,
        Role = Role,
        Search = Search,
        Sort = Query.Sort,
        Direction = Query.Direction,
    };
}
