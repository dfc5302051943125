using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class TreeModel(UnitService units) : PageModel
{
    public IReadOnlyList<UnitTreeBranch> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Roots = await units.TreeAsync(cancellationToken);

    /// <summary>The units right below one unit, as list items for the tree to insert (wwwroot/js/unit-tree.js).</summary>
    public async Task<IActionResult> OnGetChildrenAsync(int id, CancellationToken cancellationToken) =>
        await units.ChildrenAsync(id, cancellationToken) is { } children ? Partial("_TreeNodes", children) : NotFound();
}
