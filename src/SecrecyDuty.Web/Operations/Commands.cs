using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Web.Operations;

/// <summary>
/// Operator commands run instead of the web server (docs/operations.md):
/// <c>migrate</c> applies the migrations of the configured provider and seeds reference data;
/// <c>create-admin</c> creates the first administrator.
/// </summary>
public static class Commands
{
    public const string Migrate = "migrate";
    public const string CreateAdmin = "create-admin";

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] == Migrate || args[0] == CreateAdmin);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        return args[0] switch
        {
            Migrate => await MigrateAsync(app),
            CreateAdmin => await CreateAdministratorAsync(app, ParseOptions(args.Skip(1))),
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
