using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Infrastructure;

/// <summary>
/// The app on a real loopback port (Kestrel), in Development with its demo province, over its own fresh
/// SQLite file; and a headless Chromium from Debian's packages driven by Playwright.
/// </summary>
public sealed partial class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("secrecyduty-browser-");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SECRECYDUTY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool BrowserInstalled => File.Exists(ChromiumPath);

    public static bool BrowserRequired => Environment.GetEnvironmentVariable("SECRECYDUTY_REQUIRE_BROWSER") == "1";

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!BrowserInstalled)
        {
            // Reached only when a browser is required (see BrowserFactAttribute): fail with the reason.
            throw new InvalidOperationException($"Chromium is required (SECRECYDUTY_REQUIRE_BROWSER=1) but {ChromiumPath} does not exist.");
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // "localhost" rather than 127.0.0.1: Chromium treats it as a secure context for cookies.
        BaseAddress = new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A page in a new browser context (its own cookies) with a desktop window of 1280 × 900.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(1280, 900);

    /// <summary>A page in a new browser context with a window of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Saves a screenshot of what the window shows under artifacts/screenshots (or SECRECYDUTY_SCREENSHOTS), scrolled
    /// to <paramref name="around"/> when given, or of the whole page with <paramref name="fullPage"/>. The user guide
    /// shows some of these pictures (docs/user-guide/regenerate copies them): names are lowercase words and digits
    /// joined by hyphens, written as literals so that <c>UserGuideTests</c> finds which test takes which picture.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, ILocator? around = null, bool fullPage = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!ScreenshotName().IsMatch(name))
        {
            throw new ArgumentException($"A screenshot's name is lowercase words and digits joined by hyphens: \"{name}\".", nameof(name));
        }

        if (around is not null)
        {
            // The element at the top of the window, below a little of what precedes it; at once, not by Bootstrap's smooth
            // scrolling, which would still be under way when the picture is taken.
            await around.First.EvaluateAsync("e => { e.scrollIntoView({ block: 'start', behavior: 'instant' }); window.scrollBy({ top: -60, behavior: 'instant' }); }");
        }
        else if (!fullPage)
        {
            await page.EvaluateAsync("() => window.scrollTo({ top: 0, behavior: 'instant' })");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory(), name + ".png"), FullPage = fullPage });
    }

    /// <summary>Saves a file beside the screenshots (a printed PDF, say).</summary>
    public static Task SaveArtifactAsync(string name, byte[] content) =>
        File.WriteAllBytesAsync(Path.Combine(ArtifactsDirectory(), name), content);

    /// <summary>artifacts/screenshots under the repository, or SECRECYDUTY_SCREENSHOTS; created when missing.</summary>
    private static string ArtifactsDirectory()
    {
        var directory = Environment.GetEnvironmentVariable("SECRECYDUTY_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }

    public async new Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("App:DataDirectory", _dataDirectory.FullName);
        builder.UseSetting("Logging:File:Enabled", "false");

        // The reminder job's start-up run writes while the first journey starts; the journeys do not test reminders.
        builder.UseSetting("Reminders:RunAtStartup", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", "Data Source={DataDirectory}/secrecyduty.db");
    }

    /// <summary>The folder holding SecrecyDuty.sln, above the test's binaries.</summary>
    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecrecyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ScreenshotName();
}
