using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Inspections.Scores;

/// <summary>
/// The circulated results list (issue 8): the units of the jurisdiction ranked by their inspected score of the year,
/// with the self-assessed score beside it.
/// </summary>
public sealed class ResultsModel(ScoreResultsService results, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    public PagedList<ScoreResultRow> Rows { get; private set; } = null!;

    public int ChosenYear => Year is >= 2000 and <= 9999 ? Year.Value : results.CurrentYear;

    public ListQuery Query => new(Url, PageNumber, new { year = ChosenYear });

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await results.ListAsync(new ScoreResultsFilter(ChosenYear), PageNumber, Paging.DefaultPageSize, cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await results.ExportAsync(new ScoreResultsFilter(ChosenYear), cancellationToken);
        ExportColumn<ScoreResultRow>[] columns =
        [
            new(l["Rank"], r => r.Rank),
            new(l["Unit code"], r => r.Unit.Code),
            new(l["Unit"], r => r.Unit.Name),
            new(l["Inspected score (%)"], r => r.Inspected?.Percentage),
            new(l["Inspected grade"], r => Grade(r.Inspected)),
            new(l["Self-assessed score (%)"], r => r.SelfAssessed?.Percentage),
            new(l["Self-assessed grade"], r => Grade(r.SelfAssessed)),
        ];
        return TableExport.ToFile(exportFormat, $"inspection-results-{ChosenYear}", columns, rows);
    }

    /// <summary>The grade's label in the page's language, marked when a veto item failed.</summary>
    public string? Grade(ScoreSummary? score) =>
        score is null ? null
        : (SupportedCultures.CurrentIsEnglish ? score.GradeLabelEn : score.GradeLabel) + (score.VetoFailed ? " (" + l["veto item failed"] + ")" : "");
}
