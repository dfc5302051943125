using Microsoft.Extensions.Time.Testing;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>
/// The art. 2 scope of a posting composes into SQL Server queries too (no server runs here): the connection and the
/// commands are intercepted and answered with no rows.
/// </summary>
public sealed class ScopeSqlServerTranslationTests
{
    [Fact]
    public async Task Art2_the_leader_and_checklist_lists_filter_on_the_scope_of_postings_in_SQL_Server()
    {
        var commands = new SqlServerWithoutServer();
        await using var db = commands.CreateContext();
        var user = new FixedCurrentUser("u", 1, Roles.SecrecyOfficer);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)));
        var jurisdiction = new Jurisdiction(db, user);

        var leaders = await new LeaderService(db, jurisdiction, user, null!, null!, null!, clock).ListAsync(new LeaderFilter { InScope = false }, 1, 20);
        var checklists = await new ChecklistListService(db, jurisdiction, user, clock).IndexAsync(new ChecklistFilter { Status = ChecklistProgress.NotInScope }, 1, 20);

        Assert.Empty(leaders.Items);
        Assert.Empty(checklists.List.Items);
        Assert.Contains(commands.Commands, c => c.Contains("IsLargeOrMediumEnterprise", StringComparison.Ordinal) && c.Contains("[Leaders]", StringComparison.Ordinal));
        Assert.Contains(commands.Commands, c => c.Contains("IsLargeOrMediumEnterprise", StringComparison.Ordinal) && c.Contains("[DutyChecklists]", StringComparison.Ordinal));
    }
}
