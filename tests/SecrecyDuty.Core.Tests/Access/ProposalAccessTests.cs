using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Proposals;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>
/// Art. 17: the secrecy office proposes, the cadre-management organ's officials record the feedback; unit leaders read
/// no proposal. Art. 10: the secrecy office records commendations.
/// </summary>
public sealed class ProposalAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void Art17_the_secrecy_office_proposes(string role, bool allowed) =>
        Rule(role, allowed, ProposalAccess.CanPropose, ProposalAccess.RequireProposer);

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.CadreOfficial, true)]
    [InlineData(Roles.SecrecyOfficer, false)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void Art17_the_cadre_management_organ_records_its_feedback(string role, bool allowed) =>
        Rule(role, allowed, ProposalAccess.CanRecordFeedback, ProposalAccess.RequireFeedbackRecorder);

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.DisciplineOfficial, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.CadreOfficial, true)]
    [InlineData(Roles.UnitLeader, false)]
    public void Proposals_are_read_within_the_jurisdiction_never_by_unit_leaders(string role, bool allowed) =>
        Rule(role, allowed, ProposalAccess.CanReadProposals, ProposalAccess.RequireProposalReader);

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void Art10_the_secrecy_office_records_commendations(string role, bool allowed) =>
        Rule(role, allowed, ProposalAccess.CanCommend, ProposalAccess.RequireCommender);
}
