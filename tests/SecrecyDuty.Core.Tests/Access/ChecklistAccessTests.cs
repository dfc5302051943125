using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>
/// Arts. 4–7 and 9, docs/decisions/0009-appraisal-visibility.md: the secrecy office reviews and generates checklists; the
/// roles that review or oversee them read the jurisdiction's; a unit leader's role alone reads his or her own (and, as
/// the principal leader, the team's progress: <see cref="ChecklistAccess.ReadablePostings"/>, tested in the web tests).
/// </summary>
public sealed class ChecklistAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, true)]
    [InlineData(Roles.DisciplineOfficial, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.UnitLeader, false)]
    public void Art5_a_unit_leaders_role_alone_reads_no_checklist_of_the_jurisdiction_with_its_opinion(string role, bool allowed) =>
        Rule(role, allowed, ChecklistAccess.CanReadJurisdiction);

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Art9_the_secrecy_office_reviews_checklists_with_the_organizations_opinion(string role, bool allowed) =>
        Rule(role, allowed, ChecklistAccess.CanReview, ChecklistAccess.RequireReviewer);

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Arts4_7_the_secrecy_office_generates_missing_checklists_in_bulk(string role, bool allowed) =>
        Rule(role, allowed, ChecklistAccess.CanGenerate, ChecklistAccess.RequireGenerator);

    [Fact]
    public void A_unit_leader_who_is_also_a_secrecy_officer_reads_the_jurisdictions_checklists_through_that_role()
    {
        Assert.True(ChecklistAccess.CanReadJurisdiction(new FixedCurrentUser("u", 1, Roles.UnitLeader, Roles.SecrecyOfficer)));
        Assert.False(ChecklistAccess.CanReadJurisdiction(new FixedCurrentUser(null, null, Roles.SecrecyOfficer)));
    }
}
