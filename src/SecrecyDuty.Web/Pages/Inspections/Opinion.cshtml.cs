using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages.Inspections;

/// <summary>The inspection opinion (检查意见书) as an A4 document in the official-document layout, in the UI culture.</summary>
public sealed class OpinionModel(InspectionService inspections) : PageModel
{
    public InspectionDetails Inspection { get; private set; } = null!;

    public static bool English => CultureInfo.CurrentUICulture.Name == SupportedCultures.English;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var inspection = await inspections.GetAsync(id, cancellationToken);
        if (inspection is null)
        {
            return NotFound();
        }

        Inspection = inspection;
        return Page();
    }

    /// <summary>A date as a Chinese document writes it (2026年3月1日), or ISO in English.</summary>
    public static string FormatDate(DateOnly? date) =>
        date is not { } d ? ""
        : English ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);
}
