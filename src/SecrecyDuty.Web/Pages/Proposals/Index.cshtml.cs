using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Proposals;

/// <summary>Art. 17 proposals of the jurisdiction, the latest first; those whose feedback is overdue stand out.</summary>
public sealed class IndexModel(ProposalService proposals, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public ProposalKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public ProposalState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = ListQuery.PageKey)]
    public int PageNumber { get; set; } = 1;

    public PagedList<ProposalListItem> Proposals { get; private set; } = null!;

    public bool CanPropose => proposals.CanPropose;

    public ListQuery Query => new(Url, PageNumber, new { kind = Kind, state = State, year = ChosenYear });

    private int? ChosenYear => Year is >= 2000 and <= 9999 ? Year : null;

    private ProposalFilter Filter => new(Kind, State, ChosenYear);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Proposals = await proposals.ListAsync(Filter, PageNumber, Paging.DefaultPageSize, cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await proposals.ExportAsync(Filter, cancellationToken);
        ExportColumn<ProposalListItem>[] columns =
        [
            new(l["Kind"], r => l.Enum(r.Kind).Value),
            new(l["Leader"], r => r.LeaderName),
            new(l["Unit"], r => r.Unit.Name),
            new(l["Proposed by"], r => l.Enum(r.Body).Value),
            new(l["To"], r => r.Recipient),
            new(l["Basis"], r => l.Enum(r.Basis).Value),
            new(l["Sent on"], r => r.SentOn),
            new(l["Feedback due"], r => r.FeedbackDueOn),
            new(l["Feedback on"], r => r.FeedbackOn),
            new(l["Status"], r => l.Enum(r.State).Value),
        ];
        return TableExport.ToFile(exportFormat, "proposals", columns, rows);
    }
}
