using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Incidents;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>Incident files are the most restricted records: secrecy officers register, discipline officials decide, nobody else reads.</summary>
public sealed class IncidentAccessTests
{
    [Theory]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.Administrator, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void The_secrecy_office_registers_incidents(string role, bool allowed) =>
        Rule(role, allowed, IncidentAccess.CanRegister, IncidentAccess.RequireRegistrar);

    [Theory]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.DisciplineOfficial, true)]
    [InlineData(Roles.Administrator, false)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void Only_secrecy_officers_and_discipline_officials_read_incident_files(string role, bool allowed) =>
        Rule(role, allowed, IncidentAccess.CanReadIncidents, IncidentAccess.RequireIncidentReader);

    [Theory]
    [InlineData(Roles.DisciplineOfficial, true)]
    [InlineData(Roles.SecrecyOfficer, false)]
    [InlineData(Roles.Administrator, false)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    public void Discipline_officials_record_the_decisions(string role, bool allowed) =>
        Rule(role, allowed, IncidentAccess.CanDecide, IncidentAccess.RequireDecider);
}
