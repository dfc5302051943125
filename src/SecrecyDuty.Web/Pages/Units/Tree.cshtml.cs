using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Web.Pages.Units;

public sealed class TreeModel(UnitService units) : PageModel
{
    public IReadOnlyList<UnitTreeNode> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Roots = await units.TreeAsync(cancellationToken);
}
