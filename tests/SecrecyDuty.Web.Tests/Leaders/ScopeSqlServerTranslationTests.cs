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

    [Fact]
    public async Task The_leaders_search_by_the_start_is_a_LIKE_in_SQL_Server_without_the_code_point_range_of_SQLite()
    {
        var commands = new SqlServerWithoutServer();
        await using var db = commands.CreateContext();
        var user = new FixedCurrentUser("u", 1, Roles.SecrecyOfficer);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)));

        var leaders = await new LeaderService(db, new Jurisdiction(db, user), user, null!, null!, null!, clock).ListAsync(new LeaderFilter { Search = "王" }, 1, 20);

        Assert.Empty(leaders.Items);
        var search = Assert.Single(commands.Commands, c => c.Contains("ORDER BY", StringComparison.Ordinal) && c.Contains("[StaffNumber] LIKE", StringComparison.Ordinal));
        Assert.Contains("[l].[Name] LIKE", search, StringComparison.Ordinal);
        Assert.DoesNotContain("[l].[Name] >=", search, StringComparison.Ordinal);
    }
}
