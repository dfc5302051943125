using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Operations;
using SecrecyDuty.Web.Tests.Infrastructure;
using SecrecyDuty.Web.Tests.Units;

namespace SecrecyDuty.Web.Tests.Operations;

/// <summary>The <c>backup</c> and <c>restore</c> commands of docs/operations.md.</summary>
public sealed class BackupRestoreTests
{
    private static readonly TimeProvider Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestHost.DefaultNow);

    [Fact]
    public async Task A_backup_taken_while_writes_go_on_is_intact_and_holds_every_write_acknowledged_before_it()
    {
        using var app = TestApp.Rent();
        var p = await TestProvince.CreateAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.Root);
        var form = await TestApp.GetFormAsync(client, $"/Units/Create?parentId={p.City}", "#create-unit-form");
        var connectionString = await ConnectionStringAsync(app);
        using var folder = new AppFolder();
        var target = Path.Combine(folder.Path, "backups", "secrecyduty-backup.db");

        var acknowledged = new List<string>();
        async Task WriteAsync(string code)
        {
            var response = await client.PostAsync("/Units/Create", form.With(
                ("Input.Code", code), ("Input.Name", "备份中" + code), ("Input.Kind", "StateOrgan"), ("Input.Level", "County")).ToContent());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            lock (acknowledged)
            {
                acknowledged.Add(code);
            }
        }

        for (var i = 0; i < 5; i++)
        {
            await WriteAsync($"B-{i:00}");
        }

        string[] before;
        lock (acknowledged)
        {
            before = [.. acknowledged];
        }

        // Writers keep going while the backup runs.
        using var output = new StringWriter();
        using var error = new StringWriter();
        var writers = Task.WhenAll(Enumerable.Range(5, 10).Select(i => WriteAsync($"B-{i:00}")));
        var code = await DatabaseBackup.BackupSqliteAsync(connectionString, target, output, error);
        await writers;

        Assert.True(code == DatabaseBackup.Done, error.ToString());
        Assert.Contains("integrity check ok", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(["ok"], Query(target, "PRAGMA integrity_check"));
        Assert.Equal(["delete"], Query(target, "PRAGMA journal_mode"));
        Assert.False(File.Exists(target + "-wal"));
        var inBackup = Query(target, "SELECT Code FROM Units WHERE Code LIKE 'B-%'");
        Assert.Empty(before.Except(inBackup));
        Assert.Empty(inBackup.Except(acknowledged)); // and nothing that was not written
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        using var app = TestApp.Rent();
        using var folder = new AppFolder();
        var target = Path.Combine(folder.Path, "existing.db");
        await File.WriteAllTextAsync(target, "keep me");
        using var error = new StringWriter();

        var code = await DatabaseBackup.BackupSqliteAsync(await ConnectionStringAsync(app), target, TextWriter.Null, error);

        Assert.Equal(DatabaseBackup.Refused, code);
        Assert.Contains("exists already", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task A_backup_of_a_database_that_is_not_there_is_refused_and_creates_nothing()
    {
        using var folder = new AppFolder();
        var target = Path.Combine(folder.Path, "backup.db");
        using var error = new StringWriter();

        var code = await DatabaseBackup.BackupSqliteAsync(folder.ConnectionString, target, TextWriter.Null, error);

        Assert.Equal(DatabaseBackup.Refused, code);
        Assert.Contains("There is no database at", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DatabasePath));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_restore_is_refused_while_the_app_runs_over_the_database_and_nothing_changes()
    {
        using var app = TestApp.Rent();
        var connectionString = await ConnectionStringAsync(app);
        using var folder = new AppFolder();
        var backup = Path.Combine(folder.Path, "backup.db");
        Assert.Equal(DatabaseBackup.Done, await DatabaseBackup.BackupSqliteAsync(connectionString, backup, TextWriter.Null, TextWriter.Null));
        var database = SqliteDatabase.FilePath(connectionString);
        using var error = new StringWriter();

        var code = await DatabaseBackup.RestoreSqliteAsync(connectionString, backup, await MigrationsAsync(app), Clock, TextWriter.Null, error);

        Assert.Equal(DatabaseBackup.Refused, code);
        Assert.Contains("stop every instance", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(Path.GetDirectoryName(database)!), f => f.Contains("before-restore", StringComparison.Ordinal) || f.Contains(".restoring", StringComparison.Ordinal));
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Roles.AnyAsync()));
    }

    public static TheoryData<string, string> NotBackups => new()
    {
        { "random bytes", "is not a readable SQLite database" },
        { "an HTML page", "is not a readable SQLite database" },
        { "a truncated database", "" },
        { "a damaged database", "" },
        { "another application's SQLite database", "not one of SecrecyDuty" },
        { "a database of a newer version", "newer version of the app" },
        { "an empty file", "not one of SecrecyDuty" },
    };

    [Theory]
    [MemberData(nameof(NotBackups))]
    public async Task A_file_that_is_not_an_intact_backup_of_this_app_is_refused_and_nothing_changes(string what, string message)
    {
        using var folder = new AppFolder();
        var database = folder.DatabasePath;
        File.Copy(TestDatabase.CopySqliteTemplate(folder.Path, "template.db"), database);
        var good = Path.Combine(folder.Path, "good.db");
        Assert.Equal(DatabaseBackup.Done, await DatabaseBackup.BackupSqliteAsync(folder.ConnectionString, good, TextWriter.Null, TextWriter.Null));
        var bad = Path.Combine(folder.Path, "bad.db");
        await File.WriteAllBytesAsync(bad, what switch
        {
            "random bytes" => RandomNumberGenerator.GetBytes(64 * 1024),
            "an HTML page" => "<html><script>alert(1)</script></html>"u8.ToArray(),
            "a truncated database" => (await File.ReadAllBytesAsync(good))[..(int)(new FileInfo(good).Length / 2)],
            "a damaged database" => Damaged(await File.ReadAllBytesAsync(good)),
            "an empty file" => [],
            _ => [],
        });
        if (what == "another application's SQLite database")
        {
            Execute(bad, "CREATE TABLE Orders (Id INTEGER PRIMARY KEY, Total REAL);");
        }
        else if (what == "a database of a newer version")
        {
            File.Copy(good, bad, overwrite: true);
            Execute(bad, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0');");
        }

        var hash = SHA256.HashData(await File.ReadAllBytesAsync(database));
        using var error = new StringWriter();

        var code = await DatabaseBackup.RestoreSqliteAsync(folder.ConnectionString, bad, Migrations(), Clock, TextWriter.Null, error);

        Assert.True(code == DatabaseBackup.Refused, what);
        Assert.Contains("cannot be restored", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(database)));
        Assert.Equal(
            ["bad.db", "good.db", "https.pfx", "secrecyduty.db", "template.db"],
            Directory.GetFiles(folder.Path).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_commands_back_up_a_running_app_and_restore_it_once_stopped_keeping_the_replaced_database_aside()
    {
        using var folder = new AppFolder();
        await folder.PrepareAsync();
        var backup = Path.Combine(folder.Path, "nightly.db");
        var root = Assert.Single(SeveralInstancesTests.Query(folder, "SELECT Id FROM Units WHERE Code = 'SF'"));

        await using (var app = await AppProcess.StartAsync(folder))
        {
            using var client = app.CreateClient();
            var browser = new CookieSession();
            await browser.SignInAsync(client, "admin", AppFolder.AdminPassword);
            var form = await browser.GetFormAsync(client, $"/Units/Create?parentId={root}", "#create-unit-form");
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(client, HttpMethod.Post, "/Units/Create", form.With(
                ("Input.Code", "SF-BEFORE"), ("Input.Name", "备份前"), ("Input.Kind", "StateOrgan"), ("Input.Level", "County")).ToContent())).StatusCode);

            var backedUp = await AppProcess.RunAsync(folder, ["backup", "--to", backup]);
            Assert.True(backedUp.ExitCode == 0, backedUp.Error);

            Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(client, HttpMethod.Post, "/Units/Create", form.With(
                ("Input.Code", "SF-AFTER"), ("Input.Name", "备份后"), ("Input.Kind", "StateOrgan"), ("Input.Level", "County")).ToContent())).StatusCode);

            var refused = await AppProcess.RunAsync(folder, ["restore", "--from", backup]);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("stop every instance", refused.Error, StringComparison.Ordinal);
        }

        var restored = await AppProcess.RunAsync(folder, ["restore", "--from", backup]);
        Assert.True(restored.ExitCode == 0, restored.Error);
        var aside = Assert.Single(Directory.GetFiles(folder.Path, "secrecyduty.db.before-restore-*"));
        Assert.Contains(aside, restored.Output, StringComparison.Ordinal);
        Assert.Equal(["SF-AFTER"], Query(aside, "SELECT Code FROM Units WHERE Code = 'SF-AFTER'"));

        await using (var app = await AppProcess.StartAsync(folder))
        {
            Assert.Equal(["ok"], SeveralInstancesTests.Query(folder, "PRAGMA integrity_check"));
            Assert.Equal(["SF", "SF-BEFORE"], SeveralInstancesTests.Query(folder, "SELECT Code FROM Units ORDER BY Code"));
            var browser = new CookieSession();
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(client, "admin", AppFolder.AdminPassword)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(client, HttpMethod.Get, "/Units")).StatusCode);
        }
    }

    [Fact]
    public async Task On_sql_server_the_commands_print_the_servers_own_statements_and_do_nothing()
    {
        const string connectionString = "Server=db;Database=SecrecyDuty;User Id=app;Password=x;Encrypt=True";

        Assert.Equal(
            "BACKUP DATABASE [SecrecyDuty] TO DISK = N'D:\\backup\\o''brien.bak' WITH COPY_ONLY, CHECKSUM, INIT;",
            DatabaseBackup.SqlServerBackupStatement(connectionString, "D:\\backup\\o'brien.bak"));
        Assert.Equal(
            "RESTORE DATABASE [SecrecyDuty] FROM DISK = N'D:\\backup\\a.bak' WITH CHECKSUM, REPLACE;",
            DatabaseBackup.SqlServerRestoreStatement(connectionString, "D:\\backup\\a.bak"));
        await Task.CompletedTask;
    }

    private static byte[] Damaged(byte[] database)
    {
        // Overwrites the middle pages (tables and indexes) with garbage, keeping the header: it opens, and its check fails.
        var damaged = (byte[])database.Clone();
        for (var i = 4096 * 3; i < Math.Min(damaged.Length, 4096 * 12); i++)
        {
            damaged[i] = (byte)(i * 7);
        }

        return damaged;
    }

    private static Task<string> ConnectionStringAsync(TestApp app) =>
        app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Database.GetConnectionString()!));

    private static Task<IReadOnlyCollection<string>> MigrationsAsync(TestApp app) =>
        app.InScopeAsync(sp => Task.FromResult<IReadOnlyCollection<string>>([.. sp.GetRequiredService<AppDbContext>().Database.GetMigrations()]));

    private static List<string> Migrations()
    {
        using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=:memory:").Options);
        return [.. db.Database.GetMigrations()];
    }

    private static List<string> Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
