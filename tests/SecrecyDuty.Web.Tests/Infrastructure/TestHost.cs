using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// One running application over its own data folder and database, started once and lent to one test at a time
/// (<see cref="TestApp.Rent"/>). On SQLite it keeps a copy of its database as it was right after start-up
/// (migrated, roles and the regulation catalogue seeded, and the demo province in Development), and
/// <see cref="Reset"/> puts that copy back, with the clock and the data folder, before each test
/// (docs/decisions/0013-shared-test-hosts-and-database-reset.md).
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    /// <summary>The test clock's "now" at the start of every test: 2026-11-27 09:00 in Beijing.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));

    private const string DatabaseFileName = "secrecyduty.db";
    private const string KeysFolderName = "keys";

    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("secrecyduty-test-");
    private readonly string _environment;
    private readonly Action<IWebHostBuilder>? _configure;
    private readonly string? _sqlServer;
    private readonly string? _sqlite;
    private readonly ResettableClock _clock = new();
    private SqliteConnection? _snapshot;

    private TestHost(string environment, Action<IWebHostBuilder>? configure)
    {
        _environment = environment;
        _configure = configure;
        if (TestDatabase.UsesSqlServer)
        {
            _sqlServer = TestDatabase.NewSqlServerDatabase();
        }
        else
        {
            _sqlite = $"Data Source={TestDatabase.CopySqliteTemplate(_dataDirectory.FullName, DatabaseFileName)}";
        }

        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public string Environment => _environment;

    public FakeTimeProvider Clock => _clock.Current;

    public string DataDirectory => _dataDirectory.FullName;

    /// <summary>
    /// Whether the next test may use this host after a <see cref="Reset"/>: on SQLite; never for a host with settings of
    /// its own. (Shared hosts run no scheduler: an import queued there waits in the database, which the reset empties.)
    /// </summary>
    public bool CanBeReused => _snapshot is not null;

    /// <summary>
    /// Starts the application. A host of the pool (no <paramref name="configure"/>, on SQLite) keeps a copy of its
    /// database as start-up left it; a host with settings of its own serves one test and is disposed after it.
    /// </summary>
    public static TestHost Start(string environment, Action<IWebHostBuilder>? configure = null)
    {
        var host = new TestHost(environment, configure);
        try
        {
            _ = host.Services; // Starts the host: migration and seeding run here.
            if (host._sqlite is not null && configure is null)
            {
                host._snapshot = new SqliteConnection("Data Source=:memory:");
                host._snapshot.Open();
                using var live = new SqliteConnection(host._sqlite);
                live.Open();
                live.BackupDatabase(host._snapshot);
            }

            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Puts the host back as it was right after start-up: the database from the snapshot (through SQLite's online
    /// backup, safe with the app's pooled connections still open), a new clock at <see cref="DefaultNow"/>, and the
    /// data folder holding only the database and the data-protection keys.
    /// </summary>
    public void Reset()
    {
        if (!CanBeReused)
        {
            throw new InvalidOperationException("This host cannot be reset: it is not on SQLite, or a test used its import job registry.");
        }

        using (var live = new SqliteConnection(_sqlite))
        {
            live.Open();
            _snapshot!.BackupDatabase(live);
        }

        _clock.Reset();
        foreach (var entry in _dataDirectory.EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith(DatabaseFileName, StringComparison.Ordinal) || entry.Name == KeysFolderName)
            {
                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("App:DataDirectory", _dataDirectory.FullName);
        builder.UseSetting("Logging:File:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // No scheduler under a host whose database is reset between tests; the scheduler's tests start hosts of their own.
        builder.UseSetting("Scheduler:Enabled", "false");

        // Production's sign-in hardening is off in the shared hosts (Development's default has no two-factor already), whose accounts sign in with a password only and
        // whose sign-ins come from one address far faster than a person's; the tests of two-factor sign-in and of the
        // rate limits start hosts of their own with these settings on (Security/SignInHardeningTests.cs).
        if (_environment != "Development")
        {
            builder.UseSetting("Security:RequireTwoFactor", "false");
        }

        builder.UseSetting("Security:SignInAttemptsPerAddressPerMinute", "1000000");
        builder.UseSetting("Security:SignInAttemptsPerAccountPerMinute", "1000000");
        if (_sqlServer is not null)
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:SqlServer", _sqlServer);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", _sqlite);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
            services.AddScoped<HttpCurrentUser>();
            services.AddScoped<ActingUser>();
            services.RemoveAll<ICurrentUser>();
            services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ActingUser>());

            // Passwords are hashed in production's format (PBKDF2, Identity V3) with one iteration instead of 100 000:
            // each account and each sign-in would otherwise cost about 0.1 s of CPU, a good part of the suite's time.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        });
        _configure?.Invoke(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _snapshot?.Dispose();
            if (_sqlServer is not null)
            {
                TestDatabase.DropSqlServerDatabase(_sqlServer);
            }

            DeleteDataDirectory();
        }
    }

    /// <summary>Removes the data folder (at the end of the run, for the hosts still in the pool).</summary>
    internal void DeleteDataDirectory()
    {
        if (_sqlite is not null)
        {
            using var connection = new SqliteConnection(_sqlite);
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>The host's <see cref="TimeProvider"/>: each test gets a new <see cref="FakeTimeProvider"/>, which cannot go back in time.</summary>
    private sealed class ResettableClock : TimeProvider
    {
        public FakeTimeProvider Current { get; private set; } = new(DefaultNow);

        public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;

        public override long TimestampFrequency => Current.TimestampFrequency;

        public void Reset() => Current = new FakeTimeProvider(DefaultNow);

        public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

        public override long GetTimestamp() => Current.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            Current.CreateTimer(callback, state, dueTime, period);
    }
}
