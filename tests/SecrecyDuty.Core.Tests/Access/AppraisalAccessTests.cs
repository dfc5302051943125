using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>
/// Arts. 9–10, docs/decisions/0009-appraisal-visibility.md: the secrecy office writes the secrecy organization's opinion,
/// the cadre official grades and finalizes; appraisals are personnel records, which a unit leader's role reads only for
/// himself or herself. (The leader's own duty report section and "never one's own appraisal" depend on the leader, not the
/// role: the web tests prove them.)
/// </summary>
public sealed class AppraisalAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, true)]
    [InlineData(Roles.DisciplineOfficial, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.UnitLeader, false)]
    public void Appraisals_are_personnel_records_a_unit_leader_reads_none_of_the_jurisdiction(string role, bool allowed) =>
        Rule(role, allowed, AppraisalAccess.CanReadJurisdiction);

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Art9_only_the_secrecy_office_writes_the_secrecy_organizations_opinion(string role, bool allowed) =>
        Rule(role, allowed, AppraisalAccess.CanWriteOrganizationOpinion);

    [Theory]
    [InlineData(Roles.Administrator, false)]
    [InlineData(Roles.SecrecyOfficer, false)]
    [InlineData(Roles.CadreOfficial, true)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Art9_art10_only_the_cadre_official_grades_and_finalizes(string role, bool allowed) =>
        Rule(role, allowed, AppraisalAccess.CanDecide);

    [Fact]
    public void A_unit_leader_who_is_also_a_secrecy_officer_reads_the_jurisdiction_through_the_officer_role() =>
        Assert.True(AppraisalAccess.CanReadJurisdiction(new FixedCurrentUser("u", 1, Roles.UnitLeader, Roles.SecrecyOfficer)));
}
