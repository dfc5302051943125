using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Web.Pages.Units;

/// <summary>A unit's leadership team on a chosen date (arts. 5–7).</summary>
public sealed class LeadershipModel(PostingService postings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "date")]
    public DateOnly? Date { get; set; }

    public LeadershipTeam Team { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var team = await postings.LeadershipAsync(id, Date, cancellationToken);
        if (team is null)
        {
            // Outside the jurisdiction looks exactly like "no such unit".
            return NotFound();
        }

        Team = team;
        return Page();
    }
}
