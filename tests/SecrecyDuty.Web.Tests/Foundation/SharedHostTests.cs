using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>Runs alone, after the parallel tests: the pool is quiet, so a test gets back the host the one before it used.</summary>
[CollectionDefinition(nameof(SharedHostTests), DisableParallelization = true)]
public sealed class SharedHostTestsDefinition;

/// <summary>Tests share hosts (docs/decisions/0013-shared-test-hosts-and-database-reset.md) yet each sees only what it writes.</summary>
[Collection(nameof(SharedHostTests))]
public sealed class SharedHostTests
{
    private static IServiceProvider? _previousHost;

    [Theory]
    [InlineData("first")]
    [InlineData("second")]
    public async Task What_a_test_leaves_on_its_host_is_gone_for_the_next_test_on_the_same_host(string run)
    {
        using var app = TestApp.Rent();
        if (!TestDatabase.UsesSqlServer && Interlocked.Exchange(ref _previousHost, app.Services) is { } previous)
        {
            Assert.Same(previous, app.Services);
        }

        // Nothing of the other run: no row, the clock at its default, no stray file, the start-up data intact.
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.CountAsync()));
        Assert.Equal(TestHost.DefaultNow, app.Clock.GetUtcNow());
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "left-behind")));
        Assert.Equal(6, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Roles.CountAsync()));

        // What this run leaves behind: a unit and an account, a moved clock, a file, a deleted seed row.
        await app.Province()
            .WithUnit("LEFT-" + run, "留下的单位")
            .WithAccount("left-" + run, Core.Accounts.Roles.SecrecyOfficer, "LEFT-" + run)
            .BuildAsync();
        app.Clock.Advance(TimeSpan.FromDays(40));
        Directory.CreateDirectory(Path.Combine(app.DataDirectory, "left-behind"));
        await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Roles.Where(r => r.Name == Core.Accounts.Roles.Supervisor).ExecuteDeleteAsync());
        Assert.Equal(TestHost.DefaultNow.AddDays(40), app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
