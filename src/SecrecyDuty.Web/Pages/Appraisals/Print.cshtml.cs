using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Appraisals;

/// <summary>The appraisal as an A4 document (art. 9), in the UI culture: Chinese by default.</summary>
public sealed class PrintModel(AppraisalService appraisals) : PageModel
{
    public AppraisalPrint Document { get; private set; } = null!;

    /// <summary>The English texts of the catalogue instead of the Chinese originals.</summary>
    public static bool English => CultureInfo.CurrentUICulture.Name == SupportedCultures.English;

    public async Task<IActionResult> OnGetAsync(int leaderId, int? year, CancellationToken cancellationToken)
    {
        var document = await appraisals.GetPrintAsync(leaderId, year, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }

    /// <summary>A date as a Chinese document writes it (2026年3月1日), or ISO in English.</summary>
    public static string FormatDate(DateOnly? date) =>
        date is not { } d ? ""
        : English ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);
}
