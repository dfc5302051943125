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
/// <c>generate-demo</c> fills an empty database with a synthetic province for measuring (docs/performance.md).
/// </summary>
public static class Commands
{
    public const string Migrate = "migrate";
    public const string CreateAdmin = "create-admin";
    public const string GenerateDemo = "generate-demo";

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] == Migrate || args[0] == CreateAdmin || args[0] == GenerateDemo);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        return args[0] switch
        {
            Migrate => await MigrateAsync(app),
            CreateAdmin => await CreateAdministratorAsync(app, ParseOptions(args.Skip(1))),
            GenerateDemo => await GenerateProvinceAsync(app, ParseOptions(args.Skip(1))),
            _ => 2,
        };
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
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
