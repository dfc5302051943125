using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Export;

namespace SecrecyDuty.Web.Pages.Leaders;

public sealed class IndexModel(LeaderService leaders, UnitLookupService units, IStringLocalizer<Messages> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "rank")]
    public LeaderRank? Rank { get; set; }

    [BindProperty(SupportsGet = true, Name = "partyMember")]
    public bool? PartyMember { get; set; }

    [BindProperty(SupportsGet = true, Name = "inScope")]
    public bool? InScope { get; set; }

    [BindProperty(SupportsGet = true, Name = "unitId")]
    public int? UnitId { get; set; }

    /// <summary>The unit filtered on; the picker posts 0 for none.</summary>
    public int? ChosenUnit => UnitId is > 0 ? UnitId : null;

    [BindProperty(SupportsGet = true, Name = "status")]
    public LeaderStatusFilter Status { get; set; } = LeaderStatusFilter.Active;

    [BindProperty(SupportsGet = true)]
    public ListParameters Parameters { get; set; } = new();

    public PagedList<LeaderListItem> Leaders { get; private set; } = null!;

    /// <summary>The unit filter: a search-as-you-type picker, never a drop-down of every unit (the picker posts 0 for none).</summary>
    public UnitPicker UnitFilter { get; private set; } = null!;

    public bool CanMaintain => leaders.CanMaintain;

    /// <summary>The list's address: its filters, sort and page (docs/architecture.md, "Conventions"). Rank reads from the top down.</summary>
    public ListQuery<LeaderSort> Query => new(
        Url,
        Parameters,
        LeaderSort.Name,
        new { q = Search, rank = Rank, partyMember = PartyMember, inScope = InScope, unitId = ChosenUnit, status = Status },
        LeaderSort.Rank);

    private LeaderFilter Filter => new()
    {
        Search = Search,
        Rank = Rank,
        PartyMember = PartyMember,
        InScope = InScope,
        UnitId = ChosenUnit,
        Status = Status,
        Sort = Query.Sort,
        Direction = Query.Direction,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Leaders = await leaders.ListAsync(Filter, Query.PageNumber, Paging.DefaultPageSize, cancellationToken);
        UnitFilter = new UnitPicker("unitId", l["Unit keeping the record"], ChosenUnit is { } id ? await units.FindAsync(id, UnitLookupScope.Jurisdiction, cancellationToken) : null);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.TryParse(format, out var exportFormat))
        {
            return BadRequest();
        }

        var rows = await leaders.ExportAsync(Filter, cancellationToken);
        ExportColumn<LeaderListItem>[] columns =
        [
            new(l["Full name"], r => r.Name),
            new(l["Staff number"], r => r.StaffNumber),
            new(l["Rank"], r => l.Enum(r.Rank).Value),
            new(l["Party member"], r => r.IsPartyMember ? l["Yes"].Value : l["No"].Value),
            new(l["In scope (art. 2)"], r => r.InScope ? l["Yes"].Value : l["No"].Value),
            new(l["Unit keeping the record"], r => r.UnitName),
            new(l["Phone"], r => r.Phone),
            new(l["E-mail"], r => r.Email),
            new(l["Status"], r => r.IsActive ? l["Active"].Value : l["Deactivated"].Value),
        ];
        return TableExport.ToFile(exportFormat, "leaders", columns, rows);
    }
}
