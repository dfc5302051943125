using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Web.Operations;

/// <summary>
/// Operator commands run instead of the web server (docs/operations.md):
/// <c>migrate</c> applies the migrations of the configured provider and seeds reference data;
/// <c>create-admin</c> creates the first administrator;
/// <c>generate-demo</c> fills an empty database with a synthetic province for measuring (docs/performance.md);
/// <c>backup</c> and <c>restore</c> copy the database out and back (<see cref="DatabaseBackup"/>).
/// </summary>
public static class Commands
{
    public const string Migrate = "migrate";
    public const string CreateAdmin = "create-admin";
    public const string GenerateDemo = "generate-demo";
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string VerifyAudit = "verify-audit";

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is Migrate or CreateAdmin or GenerateDemo or Backup or Restore or VerifyAudit;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        return args[0] switch
        {
            Migrate => await MigrateAsync(app),
            CreateAdmin => await CreateAdministratorAsync(app, ParseOptions(args.Skip(1))),
            GenerateDemo => await GenerateProvinceAsync(app, ParseOptions(args.Skip(1))),
            Backup => await BackupAsync(app, ParseOptions(args.Skip(1))),
            Restore => await RestoreAsync(app, ParseOptions(args.Skip(1))),
            VerifyAudit => await VerifyAuditAsync(app),
            _ => 2,
        };
    }

    /// <summary>
    /// Seals what is not sealed yet, then checks the audit trail's hash chain from its first entry: exit 0 when every link
    /// holds, 1 with the first broken link (docs/security.md, "Tamper-evident audit").
    /// </summary>
    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var chain = scope.ServiceProvider.GetRequiredService<Core.Auditing.AuditChainService>();
        await chain.SealAsync();
        var result = await chain.VerifyAsync();
        if (result.FirstBreak is { } broken)
        {
            Console.WriteLine($"The audit trail is broken at entry {broken.Sequence} (id {broken.Id}): {(broken.Kind == Core.Auditing.AuditBreakKind.Gap ? "an entry before it is missing" : "it, or the entry before it, was changed or moved")}. {result.Checked} entries before it hold.");
            return 1;
        }

        if (result.UnguardedTables.Count > 0)
        {
            Console.WriteLine($"The audit trail holds ({result.Checked} entries checked), but these tables no longer refuse writes from outside the app: {string.Join(", ", result.UnguardedTables)}.");
            return 1;
        }

        Console.WriteLine($"The audit trail is intact: {result.Checked} entries checked.");
        return 0;
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (db.Database.IsSqlite())
        {
            await SqliteDatabase.UseWriteAheadLogAsync(db);
        }

        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();

        // The first data-protection key, made now rather than by whichever instance starts first: every instance then shares it.
        _ = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(Migrate)).Protect("key ring");
        Console.WriteLine(pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }

    private static async Task<int> CreateAdministratorAsync(WebApplication app, Dictionary<string, string> options)
    {
        string Option(string name) => options.TryGetValue(name, out var value) ? value : "";
        var password = Option("password");
        if (password.Length == 0)
        {
            password = Environment.GetEnvironmentVariable("SECRECYDUTY_ADMIN_PASSWORD") ?? "";
        }

        if (password.Length == 0 && !Console.IsInputRedirected)
        {
            Console.Write("Password for the new administrator: ");
            password = ReadHidden();
        }

        var input = new CreateAccountInput
        {
            UserName = Option("user"),
            DisplayName = options.TryGetValue("name", out var name) ? name : Option("user"),
            Email = Option("email"),
            Password = password,
        };

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            Console.Error.WriteLine("The database has pending migrations: run the migrate command first.");
            return 1;
        }

        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        var accounts = ActivatorUtilities.CreateInstance<AccountService>(services, new FixedCurrentUser(null, null));
        var result = await accounts.CreateFirstAdministratorAsync(input, Option("unit-code"), Option("unit-name"));
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(string.IsNullOrEmpty(error.Field) ? error.Message : $"{error.Field}: {error.Message}");
            }

            Console.Error.WriteLine("Usage: create-admin --user NAME [--name DISPLAY] --unit-code CODE [--unit-name NAME] [--password P | env SECRECYDUTY_ADMIN_PASSWORD]");
            return 1;
        }

        Console.WriteLine($"Administrator {input.UserName} created.");
        return 0;
    }

    private static async Task<int> GenerateProvinceAsync(WebApplication app, Dictionary<string, string> options)
    {
        const string usage = "Usage: generate-demo [--units 10000] [--leaders 50000] [--years 5] [--seed 1]";
        var unknown = options.Keys.Except(["units", "leaders", "years", "seed"], StringComparer.OrdinalIgnoreCase).ToList();
        int? Number(string name, int fallback) =>
            !options.TryGetValue(name, out var value) ? fallback
            : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var units = Number("units", 10_000);
        var size = units is null ? null : new ProvinceSize(units.Value, Number("leaders", units.Value * 5) ?? -1, Number("years", 5) ?? -1, Number("seed", 1) ?? -1);
        var problems = unknown.Select(k => $"--{k} is not an option").Concat(size?.Problems() ?? ["--units must be a whole number"]).ToList();
        if (size is null || problems.Count > 0)
        {
            problems.ForEach(Console.Error.WriteLine);
            Console.Error.WriteLine(usage);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await SqliteDatabase.UseWriteAheadLogAsync(db);
        }

        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var generated = await scope.ServiceProvider.GetRequiredService<ProvinceGenerator>()
                .GenerateAsync(size, line => Console.WriteLine($"[{watch.Elapsed:mm\\:ss}] {line}"));
            foreach (var (table, rows) in generated.Tables)
            {
                Console.WriteLine($"{table,-22}{rows,12:N0}");
            }

            Console.WriteLine($"Generated in {generated.Elapsed:mm\\:ss}. Sign in as admin, officer, discipline, supervisor, cadre or leader with the password {ProvinceGenerator.Password}.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task<int> BackupAsync(WebApplication app, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("to", out var target) || target.Length == 0 || options.Count != 1)
        {
            await Console.Error.WriteLineAsync("Usage: backup --to FILE   (a new file; SQLite only: on SQL Server use BACKUP DATABASE)");
            return DatabaseBackup.Usage;
        }

        var (provider, connectionString, _) = Database(app);
        if (provider == DatabaseProvider.SqlServer)
        {
            await Console.Error.WriteLineAsync("On SQL Server, back up with the server's own BACKUP DATABASE (the path is the server's). Nothing was done here; the statement:");
            Console.WriteLine(DatabaseBackup.SqlServerBackupStatement(connectionString, target));
            return DatabaseBackup.Usage;
        }

        return await DatabaseBackup.BackupSqliteAsync(connectionString, target, Console.Out, Console.Error);
    }

    private static async Task<int> RestoreAsync(WebApplication app, Dictionary<string, string> options)
    {
        if (!options.TryGetValue("from", out var source) || source.Length == 0 || options.Count != 1)
        {
            await Console.Error.WriteLineAsync("Usage: restore --from FILE   (with every instance of the app stopped; SQLite only: on SQL Server use RESTORE DATABASE)");
            return DatabaseBackup.Usage;
        }

        var (provider, connectionString, migrations) = Database(app);
        if (provider == DatabaseProvider.SqlServer)
        {
            await Console.Error.WriteLineAsync("On SQL Server, restore with the server's own RESTORE DATABASE, with the app stopped. Nothing was done here; the statement:");
            Console.WriteLine(DatabaseBackup.SqlServerRestoreStatement(connectionString, source));
            return DatabaseBackup.Usage;
        }

        return await DatabaseBackup.RestoreSqliteAsync(
            connectionString, source, migrations, app.Services.GetRequiredService<TimeProvider>(), Console.Out, Console.Error);
    }

    private static (DatabaseProvider Provider, string ConnectionString, IReadOnlyCollection<string> Migrations) Database(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Provider, db.Database.GetConnectionString()!, [.. db.Database.GetMigrations()]);
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                options[key] = "";
            }
            else if (key is not null)
            {
                options[key] = arg;
                key = null;
            }
        }

        return options;
    }

    private static string ReadHidden()
    {
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string([.. chars]);
            }

            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
