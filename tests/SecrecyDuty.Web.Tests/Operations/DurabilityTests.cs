using System.Net;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using SecrecyDuty.Web.Tests.Units;

namespace SecrecyDuty.Web.Tests.Operations;

/// <summary>
/// Nothing acknowledged is lost (issue 14, "Durability"): SQLite in WAL mode with full synchronous commits and a busy
/// timeout; many writers at once each succeed or fail cleanly; a process killed mid-write restarts intact.
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task The_database_is_in_write_ahead_mode_with_commits_on_disk_and_the_default_busy_timeout()
    {
        using var app = TestApp.Rent();

        var (mode, synchronous, timeout, busyTimeout) = await PragmasAsync(app);

        Assert.Equal("wal", mode);
        Assert.Equal(2L, synchronous); // FULL: a commit is on disk before it is acknowledged.
        Assert.Equal(30, timeout);

        // SQLite's own busy handler waits, in steps of milliseconds, not Microsoft.Data.Sqlite's 150 ms sleeps (issue 10).
        Assert.Equal(30_000L, busyTimeout);
    }

    [Fact]
    public async Task The_busy_timeout_is_configured()
    {
        using var app = TestApp.StartOwn(b => b.UseSetting("Database:SqliteBusyTimeoutSeconds", "7"));

        var pragmas = await PragmasAsync(app);

        Assert.Equal(7, pragmas.Timeout);
        Assert.Equal(7_000L, pragmas.BusyTimeout);
    }

    [Fact]
    public async Task A_save_that_meets_another_connections_write_waits_for_its_commit_and_succeeds()
    {
        using var app = TestApp.Rent();
        using var holderScope = app.Services.CreateScope();
        var holder = holderScope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        holder.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "durability-holder", Xml = "<key/>" });
        await holder.SaveChangesAsync();

        // On a thread of its own: Microsoft.Data.Sqlite's async methods run synchronously, so the wait would block this one.
        var waiter = Task.Run(() => app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "durability-waiter", Xml = "<key/>" });
            await db.SaveChangesAsync();
        }));

        // While the first connection holds the write lock the second cannot have saved, nor given up (it waits up to 30 s).
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(waiter.IsCompleted);
        await transaction.CommitAsync();
        await waiter;

        var names = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking()
            .Where(k => k.FriendlyName!.StartsWith("durability-")).Select(k => k.FriendlyName!).ToListAsync());
        Assert.Equal(["durability-holder", "durability-waiter"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_transaction_of_the_app_takes_the_write_lock_when_it_begins()
    {
        // BEGIN IMMEDIATE, Microsoft.Data.Sqlite's default: a deferred transaction that read and then writes after another
        // connection's commit fails at once with SQLITE_BUSY_SNAPSHOT, for which SQLite's busy handler is never called.
        using var app = TestApp.Rent();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await using var other = new SqliteConnection(db.Database.GetConnectionString());
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 0;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "BEGIN IMMEDIATE;";
        command.CommandTimeout = 1;

        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY: the app's transaction holds the write lock though it wrote nothing yet.
    }

    [Fact]
    public async Task Twenty_concurrent_form_posts_that_write_each_succeed_and_every_acknowledged_write_is_there()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        var form = await TestApp.GetFormAsync(client, $"/Units/Create?parentId={p.City}", "#create-unit-form");

        var codes = Enumerable.Range(1, 20).Select(i => $"P-QS-C{i:00}").ToList();
        var responses = await Task.WhenAll(codes.Select(code => client.PostAsync("/Units/Create", form.With(
            ("Input.Code", code), ("Input.Name", "并发单位" + code), ("Input.Kind", "StateOrgan"), ("Input.Level", "County")).ToContent())));

        // Each is acknowledged with a redirect to the unit it created; none is a server error ("database is locked").
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.AsNoTracking()
            .Where(u => u.Code.StartsWith("P-QS-C")).Select(u => u.Code).ToListAsync());
        Assert.Equal(codes, stored.Order(StringComparer.Ordinal));
        var ancestries = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitAncestries.AsNoTracking()
            .CountAsync(a => a.Descendant!.Code.StartsWith("P-QS-C")));
        Assert.Equal(20 * 3, ancestries); // Each with its closure rows (itself, the city, the province), written in the same transaction.
    }

    [Fact]
    public async Task A_process_killed_during_writes_restarts_with_an_intact_database_and_every_acknowledged_write()
    {
        using var folder = new AppFolder();
        await folder.PrepareAsync();
        var root = Assert.Single(SeveralInstancesTests.Query(folder, "SELECT Id FROM Units WHERE Code = 'SF'"));
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();

        await using (var app = await AppProcess.StartAsync(folder))
        {
            using var client = app.CreateClient();
            var browser = new CookieSession();
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(client, "admin", AppFolder.AdminPassword)).StatusCode);
            var form = await browser.GetFormAsync(client, $"/Units/Create?parentId={root}", "#create-unit-form");
            using var enough = new CancellationTokenSource();

            // Four writers in a loop; the process is killed once 24 writes are acknowledged, while the others are under way.
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !enough.IsCancellationRequested; i++)
                {
                    var code = $"K{w}-{i:000}";
                    // The form's fields are one list that With changes in place: the writers take turns filling it in, or one
                    // writer's code replaces or drops another's (the "refused form" and 500 this test saw now and then).
                    HttpContent content;
                    lock (form)
                    {
                        content = form.With(("Input.Code", code), ("Input.Name", "写入中" + code), ("Input.Kind", "StateOrgan"), ("Input.Level", "County")).ToContent();
                    }

                    HttpResponseMessage response;
                    try
                    {
                        response = await browser.SendAsync(client, HttpMethod.Post, "/Units/Create", content);
                    }
                    catch (HttpRequestException)
                    {
                        return; // The process is gone: this write was never acknowledged.
                    }

                    if (response.StatusCode != HttpStatusCode.Redirect)
                    {
                        // The page shown again says why beside its fields: that is what a failure here needs to show.
                        var page = await response.Content.ReadAsStringAsync();
                        var said = string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(page, "data-valmsg-for=\"([^\"]+)\"[^>]*>([^<]+)<").Select(m => m.Groups[1].Value + ": " + m.Groups[2].Value));
                        Assert.Fail($"{code}: {(int)response.StatusCode} {said}\n{app.Output}");
                    }

                    acknowledged.Add(code);
                    if (acknowledged.Count >= 24)
                    {
                        await enough.CancelAsync();
                        await app.KillAsync();
                    }
                }
            })).ToList();
            await Task.WhenAll(writers);
        }

        // Restarted over the same files: SQLite recovers from its log, the app answers, nothing acknowledged is missing.
        await using (var restarted = await AppProcess.StartAsync(folder))
        {
            Assert.Equal(["ok"], SeveralInstancesTests.Query(folder, "PRAGMA integrity_check"));
            var stored = SeveralInstancesTests.Query(folder, "SELECT Code FROM Units WHERE Code LIKE 'K%'");
            Assert.True(acknowledged.Count >= 24);
            Assert.Empty(acknowledged.Except(stored));

            // Nothing half-written either: every unit has its closure rows.
            Assert.Equal(["0"], SeveralInstancesTests.Query(folder, "SELECT count(*) FROM Units u WHERE u.Code LIKE 'K%' AND (SELECT count(*) FROM UnitAncestries a WHERE a.DescendantId = u.Id) <> 2"));
        }
    }

    private static Task<(string Mode, long Synchronous, int Timeout, long BusyTimeout)> PragmasAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA busy_timeout;";
            var busyTimeout = (long)(await command.ExecuteScalarAsync())!;
            return (mode, synchronous, connection.DefaultTimeout, busyTimeout);
        });
}
