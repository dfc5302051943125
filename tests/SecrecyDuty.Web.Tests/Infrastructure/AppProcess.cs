using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// The built application run as an operator runs it: <c>dotnet SecrecyDuty.Web.dll</c> in a process of its own, over
/// a data folder of the test's (<see cref="AppFolder"/>). For what only a real process shows: two instances sharing one
/// database, a process killed mid-write, the operator commands.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far, for a failing assertion's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the web server over HTTPS (production cookies are Secure) on a free loopback port, with the folder's
    /// self-signed server certificate, and waits until it answers <c>/health</c>.
    /// </summary>
    public static async Task<AppProcess> StartAsync(AppFolder folder, params (string Name, string Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var address = new Uri($"https://127.0.0.1:{FreePort()}");
        var info = folder.StartInfo([], settings);
        info.Environment["ASPNETCORE_URLS"] = address.ToString();
        info.Environment["Kestrel__Certificates__Default__Path"] = folder.ServerCertificate;
        info.Environment["Kestrel__Certificates__Default__Password"] = AppFolder.ServerCertificatePassword;
        var process = new AppProcess(Process.Start(info)!, address);
        process._process.OutputDataReceived += (_, e) => process.Append(e.Data);
        process._process.ErrorDataReceived += (_, e) => process.Append(e.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        try
        {
            await process.WaitUntilHealthyAsync();
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs an operator command (<c>migrate</c>, <c>backup --to …</c>) to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(AppFolder folder, string[] arguments, params (string Name, string Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(folder);
        using var process = Process.Start(folder.StartInfo(arguments, settings))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', arguments)} did not end within {StartTimeout.TotalSeconds} s: {await output}{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    public HttpClient CreateClient() => new(Handler()) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>No redirects, no cookie container (<see cref="CookieSession"/>), and the test's self-signed server certificate trusted.</summary>
    private static HttpClientHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    };

    /// <summary>Ends the process at once, as kill -9 does: no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Ended already.
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>A free TCP port on the loopback address (the listener is closed before the app binds it).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient(Handler()) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} at start-up: {Output}");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not answer within {StartTimeout.TotalSeconds} s: {Output}");
    }
}

/// <summary>
/// A data folder for app processes (the SQLite file, logs), deleted with everything in it at the end of the test.
/// Production settings (HTTPS, secure cookies) on the loopback address, without the scheduler.
/// </summary>
public sealed class AppFolder : IDisposable
{
    public const string AdminPassword = "Admin-Password-2026";

    public const string ServerCertificatePassword = "server-certificate";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("secrecyduty-process-");

    public AppFolder() => ServerCertificate = CreateCertificate("https.pfx", "CN=127.0.0.1", ServerCertificatePassword);

    /// <summary>The HTTPS server's certificate (.pfx), self-signed.</summary>
    public string ServerCertificate { get; }

    public string Path => _directory.FullName;

    public string DatabasePath => System.IO.Path.Combine(Path, "secrecyduty.db");

    public string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    /// <summary>The environment every process of this folder starts with; a test adds its own settings.</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__File__Enabled"] = "false",
        ["Scheduler__Enabled"] = "false",
        ["Serilog__MinimumLevel__Default"] = "Warning",

        // Production requires an administrator to enrol an authenticator first (docs/security.md); these tests sign in
        // with the password to test what happens after it, as the shared hosts do.
        ["Security__RequireTwoFactor"] = "false",
    };

    /// <summary>Migrates and creates the administrator <c>admin</c> (<see cref="AdminPassword"/>) at the root unit SF.</summary>
    public async Task PrepareAsync()
    {
        var migrate = await AppProcess.RunAsync(this, ["migrate"]);
        Assert.True(migrate.ExitCode == 0, migrate.Output + migrate.Error);
        var admin = await AppProcess.RunAsync(
            this,
            ["create-admin", "--user", "admin", "--name", "系统管理员", "--unit-code", "SF", "--unit-name", "示范省"],
            ("SECRECYDUTY_ADMIN_PASSWORD", AdminPassword));
        Assert.True(admin.ExitCode == 0, admin.Output + admin.Error);
    }

    /// <summary>A self-signed certificate with its private key, as a .pfx file in the folder (for HTTPS, for encrypting data-protection keys).</summary>
    public string CreateCertificate(string fileName, string subject, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    internal ProcessStartInfo StartInfo(string[] arguments, (string Name, string Value)[] settings)
    {
        var app = System.IO.Path.Combine(AppContext.BaseDirectory, "SecrecyDuty.Web.dll");
        var info = new ProcessStartInfo("dotnet", [app, .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.Environment["App__DataDirectory"] = Path;
        foreach (var (name, value) in Settings)
        {
            info.Environment[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }

        return info;
    }
}

/// <summary>A browser's session by hand: the cookies a response set, sent back with each request (to any instance).</summary>
public sealed partial class CookieSession
{
    private readonly Dictionary<string, string> _cookies = [];

    public string this[string name] => _cookies[name];

    public bool Has(string name) => _cookies.ContainsKey(name);

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    /// <summary>The fields of a form (<c>Input.*</c> and the antiforgery token) on the page at <paramref name="url"/>.</summary>
    public async Task<FormFields> GetFormAsync(HttpClient client, string url, string formSelector)
    {
        var response = await SendAsync(client, HttpMethod.Get, url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        var document = await TestApp.ParseAsync(response);
        var form = document.QuerySelector(formSelector) as AngleSharp.Html.Dom.IHtmlFormElement
            ?? throw new InvalidOperationException($"{url} has no form {formSelector}");
        return FormFields.From(form);
    }

    /// <summary>Signs in through the login form of the instance <paramref name="client"/> talks to.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var form = await GetFormAsync(client, "/Account/Login", "#login-form");
        return await SendAsync(client, HttpMethod.Post, "/Account/Login", form.With(("Input.UserName", userName), ("Input.Password", password)).ToContent());
    }

    /// <summary>The id at the end of a redirect's location (<c>/Units/Details/42</c>).</summary>
    public static int IdOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return int.Parse(TrailingId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/(\d+)(?:\?|$)")]
    private static partial Regex TrailingId();
}
