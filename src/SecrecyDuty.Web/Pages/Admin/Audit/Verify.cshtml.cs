using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Core.Auditing;

namespace SecrecyDuty.Web.Pages.Admin.Audit;

/// <summary>
/// Checks the audit trail's hash chain and says whether it holds, or where it first breaks (issue 14, tamper-evident audit).
/// Reads only: the entries not sealed yet are counted, and sealed by the scheduler's job within a minute.
/// </summary>
public sealed class VerifyModel(AuditChainService chain) : PageModel
{
    public AuditVerification Result { get; private set; } = new(0, 0, null, null);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await chain.VerifyAsync(cancellationToken);
}
