using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Inspections;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>
/// Art. 8: the secrecy office inspects the units of its jurisdiction; art. 15: the inspected unit reports its
/// rectification. The overseeing roles read inspections only.
/// </summary>
public sealed class InspectionAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void Art8_the_secrecy_office_conducts_inspections_and_verifies_rectification(string role, bool allowed) =>
        Rule(role, allowed, InspectionAccess.CanConduct, InspectionAccess.RequireConductor);

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.UnitLeader, true)] // own unit only (InspectionAccess.ReportableUnitIds)
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void Art15_the_unit_reports_its_rectification(string role, bool allowed) =>
        Rule(role, allowed, InspectionAccess.CanReportRectification, InspectionAccess.RequireReporter);

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void A_secrecy_bureau_loads_its_own_scored_checklist_template(string role, bool allowed) =>
        Rule(role, allowed, InspectionAccess.CanLoadTemplates, InspectionAccess.RequireTemplateLoader);
}
