using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Inspections.Scoring;

namespace SecrecyDuty.Core.Tests.Inspections.Scoring;

/// <summary>Issue 8: a secrecy bureau loads its own checklist template; only administrators and secrecy officers load templates.</summary>
public sealed class ScoreTemplateAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.SecrecyOfficer, true)]
    [InlineData(Roles.UnitLeader, false)]
    [InlineData(Roles.DisciplineOfficial, false)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.CadreOfficial, false)]
    public void Who_loads_templates(string role, bool canLoad)
    {
        var user = new FixedCurrentUser("u1", 1, role);

        Assert.Equal(canLoad, ScoreTemplateAccess.CanLoad(user));
        if (!canLoad)
        {
            Assert.Throws<AccessDeniedException>(() => ScoreTemplateAccess.RequireLoader(user));
        }
    }

    [Fact]
    public void Nobody_signed_out_loads_templates()
    {
        Assert.Throws<AccessDeniedException>(() => ScoreTemplateAccess.RequireLoader(new FixedCurrentUser(null, null, Roles.Administrator)));
    }
}
