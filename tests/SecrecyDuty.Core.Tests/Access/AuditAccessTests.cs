using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>Issue 3, "Audit trail": administrators read the audit trail of their jurisdiction, nobody else.</summary>
public sealed class AuditAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Issue3_only_administrators_read_the_audit_trail(string role, bool allowed) =>
        Rule(role, allowed, AuditAccess.CanReadAuditTrail, AuditAccess.RequireAuditReader);
}
