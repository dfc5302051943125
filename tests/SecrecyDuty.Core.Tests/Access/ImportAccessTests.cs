using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Import;
using static SecrecyDuty.Core.Tests.Access.AccessAssert;

namespace SecrecyDuty.Core.Tests.Access;

/// <summary>Issue 3, "Master data", Import (docs/import.md): administrators and secrecy officers import; the others are refused.</summary>
public sealed class ImportAccessTests
{
    private const string Officer = Roles.SecrecyOfficer;

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.CadreOfficial, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.UnitLeader, false)]
    public void Issue3_administrators_and_secrecy_officers_import_master_data(string role, bool allowed) =>
        Rule(role, allowed, ImportAccess.CanImport, ImportAccess.RequireImporter);

    [Fact]
    public void An_import_needs_an_account_with_an_id_to_own_its_job() =>
        Assert.False(ImportAccess.CanImport(new AnonymousOfficer()));

    /// <summary>A principal that says it is signed in as a secrecy officer but carries no account id.</summary>
    private sealed class AnonymousOfficer : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public string? UserId => null;

        public string? UserName => null;

        public int? UnitId => 1;

        public IReadOnlyCollection<string> Roles => [Officer];

        public bool IsInRole(string role) => role == Officer;
    }
}
