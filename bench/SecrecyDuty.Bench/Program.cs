using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace SecrecyDuty.Bench;

/// <summary>
/// The province-scale benchmark (docs/performance.md): builds the app in Release, generates the synthetic province at
/// full size and at a tenth (or reuses them), starts the app on loopback for each, signs in as each role, drives
/// concurrent load at the main pages, and writes the latencies, throughput, SQL commands per request, page sizes, peak
/// memory and start-up time into docs/performance.md, with two baselines: a fixed-string page (the framework's floor)
/// and the dashboard's aggregate as one hand-written SQL query (the data's floor).
/// </summary>
internal static partial class Program
{
    private const string Password = "Demo-Password-2026";
    // SECRECYDUTY_BENCH_PORT: another port, so that two worktrees can measure at once without meeting on 5391.
    private static readonly int Port = int.TryParse(Environment.GetEnvironmentVariable("SECRECYDUTY_BENCH_PORT"), out var port) ? port : 5391;
    private static readonly string BaseAddress = $"https://127.0.0.1:{Port}";

    private static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("Usage: bench/run [--units 10000] [--seconds 8] [--concurrency 4] [--fresh] [--pages 'dashboard|heat map'] [--import 50000]");
            return 2;
        }

        var root = FindRoot();
        var app = Path.Combine(root, "bench", "out", "app");
        Console.WriteLine("Publishing the app (Release)…");
        if (await RunAsync("dotnet", ["publish", Path.Combine(root, "src", "SecrecyDuty.Web"), "-c", "Release", "-o", app, "--nologo", "-v", "quiet"], root, []) != 0)
        {
            return 1;
        }

        if (options.Import > 0)
        {
            return await ImportAsync(app, root, options);
        }

        var results = new List<SizeResult>();
        foreach (var units in options.Pages is null ? new[] { Math.Max(10, options.Units / 10), options.Units } : [options.Units])
        {
            var data = Path.Combine(root, "bench", "data", $"u{units}");
            var db = Path.Combine(data, "secrecyduty.db");
            if (options.Fresh || !File.Exists(db))
            {
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }

                Console.WriteLine($"Generating a province of {units} units…");
                var watch = Stopwatch.StartNew();
                if (await RunAsync("dotnet", [Path.Combine(app, "SecrecyDuty.Web.dll"), "generate-demo", "--units", $"{units}", "--leaders", $"{units * 5}", "--years", "5"], app, AppEnvironment(data)) != 0)
                {
                    return 1;
                }

                Console.WriteLine($"Generated in {watch.Elapsed:mm\\:ss}.");
            }

            results.Add(await MeasureAsync(app, data, db, units, options));
        }

        if (options.Pages is not null)
        {
            foreach (var page in results.SelectMany(r => r.Pages))
            {
                Console.WriteLine($"{page.Name}: p50 {page.P50:0.0} / p95 {page.P95:0.0} / p99 {page.P99:0.0} ms, {page.Throughput:0}/s, {page.SqlCommands} SQL, {page.Bytes / 1024.0:0.0} KB, {page.Errors} errors");
            }

            Console.WriteLine($"peak memory {results[0].PeakMemoryMegabytes:0} MB; SQL floor {results[0].SqlFloorMilliseconds:0.0} ms");
            return 0;
        }

        var report = Report(results, options);
        var docs = Path.Combine(root, "docs", "performance.md");
        File.WriteAllText(docs, Replace(File.ReadAllText(docs), report));
        Console.WriteLine(report);
        Console.WriteLine($"Written to {docs}.");
        return 0;
    }

    private static async Task<SizeResult> MeasureAsync(string app, string data, string db, int units, Options options)
    {
        var ids = Ids.Read(db);
        var certificate = Certificate(app);
        var start = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(app, "SecrecyDuty.Web.dll")])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = BaseAddress,
                ["Kestrel__Certificates__Default__Path"] = certificate,
                ["Kestrel__Certificates__Default__Password"] = CertificatePassword,
                ["Diagnostics__CountSqlCommands"] = "true",
                ["Diagnostics__FloorPage"] = "true",
            },
        }.With(AppEnvironment(data)))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var probe = new HttpClient(Session.Handler(), disposeHandler: true) { BaseAddress = new Uri(BaseAddress) };
            TimeSpan? startup = null;
            while (start.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    var answer = await probe.GetAsync("/Account/Login");
                    if (answer.StatusCode == HttpStatusCode.OK)
                    {
                        startup = start.Elapsed;
                        break;
                    }

                    throw new InvalidOperationException($"The app answered {(int)answer.StatusCode} to the sign-in page.");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50);
                }
            }

            if (startup is null)
            {
                throw new InvalidOperationException("The app did not answer within 60 s.");
            }

            var officer = await Session.SignInAsync("officer");
            var discipline = await Session.SignInAsync("discipline");
            var leader = await Session.SignInAsync("leader");
            var anonymous = new Session();
            var year = DateTime.Now.Year;
            var pages = new List<(string Name, Session Session, Func<Session, Task<Sample>> Request)>
            {
                ("fixed-string page (floor)", anonymous, s => s.GetAsync("/diagnostics/floor")),
                ("home dashboard (officer)", officer, s => s.GetAsync("/")),
                ("heat map /Compliance", officer, s => s.GetAsync("/Compliance")),
                ("unit page", officer, s => s.GetAsync($"/Units/Details/{ids.Unit}")),
                ("/Leaders?q=王", officer, s => s.GetAsync("/Leaders?q=%E7%8E%8B")),
                ("/Inspections with filters", officer, s => s.GetAsync($"/Inspections?year={year - 1}")),
                ("incident file", discipline, s => s.GetAsync($"/Incidents/Details/{ids.Incident}")),
                ("appraisal print view", officer, s => s.GetAsync($"/Appraisals/Leader/{ids.AppraisedLeader}/Print?year={year - 1}")),
                ("/Units/Tree", officer, s => s.GetAsync("/Units/Tree")),
                ("/Checklists", officer, s => s.GetAsync("/Checklists")),
                ("/Activities", officer, s => s.GetAsync("/Activities")),
                ("unit leader's home", leader, s => s.GetAsync("/")),
                ("reminder digest (officer)", officer, s => s.GetAsync("/Notifications/Digest")),
                ("record a briefing (POST)", officer, s => s.RecordBriefingAsync(ids.Unit, ids.PrincipalPosting)),
            };

            var results = new List<PageResult>();
            foreach (var (name, session, request) in pages.Where(p => options.Pages is null || options.Pages.Split('|').Any(n => p.Name.Contains(n, StringComparison.Ordinal)) || p.Name.StartsWith("fixed", StringComparison.Ordinal)))
            {
                Console.WriteLine($"  {units} units: {name}…");
                results.Add(await LoadAsync(name, session, request, options));
            }

            var sqlFloor = SqlFloor(db, year);
            return new SizeResult(units, startup.Value, PeakMemoryMegabytes(process.Id), sqlFloor, results);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Issue 10's import target: a workbook of <see cref="Options.Import"/> leaders (MiniExcel, the sheet and headers of
    /// the template, units of the province) imported for real by the secrecy officer through the import page, timed from
    /// the upload to the job's end, on a fresh copy of the tenth province.
    /// </summary>
    private static async Task<int> ImportAsync(string app, string root, Options options)
    {
        var source = Path.Combine(root, "bench", "data", $"u{Math.Max(10, options.Units / 10)}");
        var data = Path.Combine(root, "bench", "data", "import");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(source, "secrecyduty.db*"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        var db = Path.Combine(data, "secrecyduty.db");
        List<string> codes;
        using (var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Code FROM Units WHERE IsActive = 1 ORDER BY Id";
            using var reader = command.ExecuteReader();
            codes = [];
            while (reader.Read())
            {
                codes.Add(reader.GetString(0));
            }
        }

        var rows = Enumerable.Range(1, options.Import).Select(i => new Dictionary<string, object>
        {
            ["人员编号"] = $"IMP-{i:000000}",
            ["姓名"] = $"导入{i}",
            ["职级"] = "县处级",
            ["是否中共党员"] = i % 5 == 0 ? "否" : "是",
            ["联系电话"] = "",
            ["电子邮箱"] = "",
            ["所在单位代码"] = codes[i % codes.Count],
        });
        var workbook = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(workbook, new Dictionary<string, object> { ["领导干部"] = rows });
        Console.WriteLine($"Workbook of {options.Import} leader rows: {workbook.Length / 1024.0 / 1024.0:0.0} MB.");

        var certificate = Certificate(app);
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(app, "SecrecyDuty.Web.dll")])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = BaseAddress,
                ["Kestrel__Certificates__Default__Path"] = certificate,
                ["Kestrel__Certificates__Default__Password"] = CertificatePassword,
            },
        }.With(AppEnvironment(data)))!;
        process.OutputDataReceived += (_, e) => Console.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => Console.Error.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Session? officer = null;
            for (var watch = Stopwatch.StartNew(); officer is null && watch.Elapsed < TimeSpan.FromSeconds(60);)
            {
                try
                {
                    officer = await Session.SignInAsync("officer");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            var cpuBefore = CpuSeconds(process.Id);
            var (elapsed, status) = await officer!.ImportAsync(workbook.ToArray(), "leaders.xlsx");

            // The app's CPU time says what the import costs when the machine is shared, where the elapsed time cannot.
            Console.WriteLine($"Import of {options.Import} leader rows: {elapsed.TotalSeconds:0.0} s ({CpuSeconds(process.Id) - cpuBefore:0.0} s of the app's CPU time), {status}; peak memory {PeakMemoryMegabytes(process.Id):0} MB; load average {File.ReadAllText("/proc/loadavg")[..14]}.");
            return 0;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Two warm-up seconds, then <see cref="Options.Seconds"/> of <see cref="Options.Concurrency"/> users in a loop.</summary>
    private static async Task<PageResult> LoadAsync(string name, Session session, Func<Session, Task<Sample>> request, Options options)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            await request(session);
        }

        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            var mine = new List<Sample>();
            while (clock.Elapsed < TimeSpan.FromSeconds(options.Seconds))
            {
                mine.Add(await request(session));
            }

            return mine;
        });
        foreach (var mine in await Task.WhenAll(workers))
        {
            samples.AddRange(mine);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var latencies = samples.Select(s => s.Milliseconds).Order().ToList();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return new PageResult(
            name,
            Percentile(0.50),
            Percentile(0.95),
            Percentile(0.99),
            samples.Count / elapsed,
            samples.Select(s => s.SqlCommands).Order().ElementAt(samples.Count / 2),
            samples.Max(s => s.Bytes),
            samples.Count(s => !s.Succeeded));
    }

    /// <summary>The dashboard's yearly duty aggregate for every unit as one hand-written query: the data's floor.</summary>
    private static double SqlFloor(string db, int year)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH counts AS (
                SELECT u.Id,
                       SUM(CASE WHEN a.Kind = 'Briefing' THEN 1 ELSE 0 END) AS Briefings,
                       SUM(CASE WHEN a.Kind = 'MemberMeeting' THEN 1 ELSE 0 END) AS Meetings,
                       SUM(CASE WHEN a.Kind = 'Training' THEN 1 ELSE 0 END) AS Trainings
                FROM Units u LEFT JOIN Activities a ON a.UnitId = u.Id AND a.Date >= $from AND a.Date <= $to
                WHERE u.IsActive = 1
                GROUP BY u.Id)
            SELECT COUNT(*), SUM(Briefings >= 2 AND Meetings >= 2 AND Trainings >= 1),
                   SUM((Briefings < 2) + (Meetings < 2) + (Trainings < 1))
            FROM counts
            """;
        command.Parameters.AddWithValue("$from", $"{year}-01-01");
        command.Parameters.AddWithValue("$to", $"{year}-12-31");
        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private const string CertificatePassword = "bench";

    /// <summary>The thumbprint of the loopback certificate the benchmark made: the only one its clients accept.</summary>
    private static string _loopbackThumbprint = "";

    /// <summary>
    /// A self-signed certificate for 127.0.0.1: the app runs with its production settings, whose cookies are HTTPS-only, so
    /// the benchmark speaks HTTPS as a deployment behind TLS would.
    /// </summary>
    private static string Certificate(string app)
    {
        var path = Path.Combine(app, "bench-loopback.pfx");
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(30));
        _loopbackThumbprint = certificate.GetCertHashString();
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    /// <summary>The process's user and system CPU time so far (<c>/proc/PID/stat</c>, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100;
    }

    private static double PeakMemoryMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture) / 1024;
    }

    private static string Report(List<SizeResult> sizes, Options options)
    {
        var full = sizes[^1];
        var tenth = sizes[0];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.Now:yyyy-MM-dd HH:mm}: {Environment.ProcessorCount} cores, {TotalMemoryGigabytes():0.#} GiB, {OsName()}, .NET {Environment.Version}; {options.Concurrency} concurrent users, {options.Seconds} s per page after 2 s of warm-up; Release build, SQLite.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| page | {full.Units} units: p50 / p95 / p99 ms | requests/s | SQL commands | largest HTML | {tenth.Units} units: p50 / p95 ms | latency ×, 10× data | target |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var page in full.Pages)
        {
            var small = tenth.Pages.Single(p => p.Name == page.Name);
            var limit = page.Name.StartsWith("home dashboard", StringComparison.Ordinal) || page.Name.StartsWith("heat map", StringComparison.Ordinal) ? 300 : 150;
            var met = page.P95 <= limit && page.Bytes <= 300 * 1024 && page.P95 <= 2 * Math.Max(small.P95, 1) ? "met" : "missed";
            var errors = page.Errors + small.Errors > 0 ? $" ({page.Errors + small.Errors} errors)" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {page.Name}{errors} | {page.P50:0.#} / {page.P95:0.#} / {page.P99:0.#} | {page.Throughput:0} | {page.SqlCommands} (at {tenth.Units}: {small.SqlCommands}) | {page.Bytes / 1024.0:0.#} KB | {small.P50:0.#} / {small.P95:0.#} | {page.P95 / Math.Max(small.P95, 0.1):0.0} | p95 ≤ {limit} ms, ≤ 300 KB, ≤ 2×: {met} |");
        }

        text.AppendLine();
        foreach (var size in sizes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {size.Units} units: first answer {size.Startup.TotalSeconds:0.0} s after start; peak memory {size.PeakMemoryMegabytes:0} MB; the dashboard's aggregate as one hand-written SQL query takes {size.SqlFloorMilliseconds:0.0} ms (the dashboard's p50 is {size.Pages.Single(p => p.Name.StartsWith("home dashboard", StringComparison.Ordinal)).P50 / Math.Max(size.SqlFloorMilliseconds, 0.1):0.0}× that).");
        }

        return text.ToString();
    }

    private static string Replace(string document, string report)
    {
        const string start = "<!-- bench:start -->";
        const string end = "<!-- bench:end -->";
        var from = document.IndexOf(start, StringComparison.Ordinal);
        var to = document.IndexOf(end, StringComparison.Ordinal);
        return from < 0 || to < from
            ? document + Environment.NewLine + start + Environment.NewLine + report + end + Environment.NewLine
            : document[..(from + start.Length)] + Environment.NewLine + report + document[to..];
    }

    private static Dictionary<string, string> AppEnvironment(string data) => new()
    {
        ["App__DataDirectory"] = data,
        ["App__SeedDemoData"] = "false",
        ["App__HttpsRedirection"] = "false",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Serilog__MinimumLevel__Default"] = "Warning",
        ["Logging__File__Enabled"] = "false",

        // The daily reminder job runs at its hour, not during the measurement.
        ["Reminders__RunAtStartup"] = "false",

        // Production asks administrators and discipline officials for an authenticator code (docs/security.md); the
        // benchmark's accounts sign in with a password only, as in Development.
        ["Security__RequireTwoFactor"] = "false",
    };

    private static async Task<int> RunAsync(string file, string[] arguments, string directory, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory }.With(environment);
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static ProcessStartInfo With(this ProcessStartInfo info, Dictionary<string, string> environment)
    {
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecrecyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from within the repository.");
    }

    private static double TotalMemoryGigabytes() =>
        double.Parse(Digits().Match(File.ReadLines("/proc/meminfo").First()).Value, CultureInfo.InvariantCulture) / 1024 / 1024;

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "Linux"
            : Environment.OSVersion.ToString();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary><see cref="Pages"/>: a probe while working on some pages (their names contain it): the full size only, nothing written.</summary>
    /// <summary><see cref="Import"/>: measure an import of that many leader rows instead (on a copy of the tenth province).</summary>
    private sealed record Options(int Units, int Seconds, int Concurrency, bool Fresh, string? Pages = null, int Import = 0)
    {
        public static Options? Parse(string[] args)
        {
            var (units, seconds, concurrency, fresh) = (10_000, 8, 4, false);
            string? pages = null;
            var import = 0;
            for (var i = 0; i < args.Length; i++)
            {
                int Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
                switch (args[i])
                {
                    case "--units": units = Next(); break;
                    case "--seconds": seconds = Next(); break;
                    case "--concurrency": concurrency = Next(); break;
                    case "--fresh": fresh = true; break;
                    case "--pages" when i + 1 < args.Length: pages = args[++i]; break;
                    case "--import": import = Next(); break;
                    default: return null;
                }
            }

            return units >= 100 && seconds > 0 && concurrency > 0 && import >= 0 ? new Options(units, seconds, concurrency, fresh, pages, import) : null;
        }
    }

    private sealed record Sample(double Milliseconds, int SqlCommands, long Bytes, bool Succeeded);

    private sealed record PageResult(string Name, double P50, double P95, double P99, double Throughput, int SqlCommands, long Bytes, int Errors);

    private sealed record SizeResult(int Units, TimeSpan Startup, double PeakMemoryMegabytes, double SqlFloorMilliseconds, List<PageResult> Pages);

    /// <summary>
    /// The records the pages open: a county's party committee (and its current principal leader's posting, present at the
    /// briefings the benchmark records), an incident file, a leader appraised last year.
    /// </summary>
    private sealed record Ids(int Unit, int PrincipalPosting, int Incident, int AppraisedLeader)
    {
        public static Ids Read(string db)
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
            connection.Open();
            int Scalar(string sql)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            var unit = Scalar("SELECT Id FROM Units WHERE Code = 'G-P01-C01'");
            return new Ids(
                unit,
                Scalar($"SELECT Id FROM Postings WHERE UnitId = {unit} AND Role = 'PrincipalLeader' AND \"To\" IS NULL ORDER BY Id LIMIT 1"),
                Scalar("SELECT Id FROM Incidents ORDER BY Id LIMIT 1"),
                Scalar($"SELECT LeaderId FROM Appraisals WHERE Year = {DateTime.Now.Year - 1} ORDER BY Id LIMIT 1"));
        }
    }

    /// <summary>
    /// A signed-in browser: cookies kept by hand (the app marks them Secure outside Development, and the benchmark speaks
    /// plain HTTP on loopback), the antiforgery token of its last form.
    /// </summary>
    private sealed partial class Session
    {
        private static readonly HttpClient Client = new(Handler()) { BaseAddress = new Uri(BaseAddress) };
        private readonly Dictionary<string, string> _cookies = [];
        private string _token = "";

        /// <summary>No cookie container, no redirects followed, and the loopback certificate the benchmark made itself accepted.</summary>
        public static SocketsHttpHandler Handler() => new()
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 64,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _loopbackThumbprint },
        };

        public static async Task<Session> SignInAsync(string userName)
        {
            var session = new Session();
            await session.GetAsync("/Account/Login", keepToken: true);
            var response = await session.SendAsync(HttpMethod.Post, "/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = Password,
                ["__RequestVerificationToken"] = session._token,
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode}.");
            }

            // The token of the sign-in form belongs to no one; forms after it need one of the signed-in account.
            session._token = "";
            return session;
        }

        public async Task<Sample> GetAsync(string path, bool keepToken = false)
        {
            var watch = Stopwatch.StartNew();
            var response = await SendAsync(HttpMethod.Get, path, null);
            var body = await response.Content.ReadAsStringAsync();
            var sample = Measure(watch, response, body.Length, response.StatusCode == HttpStatusCode.OK);
            if (keepToken && Token().Match(body) is { Success: true } match)
            {
                _token = match.Groups[1].Value;
            }

            return sample;
        }

        /// <summary>Records a briefing of the unit heard by its principal leader (P5.3): a form post that the app validates and saves.</summary>
        public async Task<Sample> RecordBriefingAsync(int unitId, int principalPosting)
        {
            if (_token.Length == 0)
            {
                await GetAsync("/Activities/Create", keepToken: true);
            }

            var watch = Stopwatch.StartNew();
            var response = await SendAsync(HttpMethod.Post, "/Activities/Create", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Kind"] = "Briefing",
                ["Input.UnitId"] = unitId.ToString(CultureInfo.InvariantCulture),
                ["Input.Date"] = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Input.Title"] = "听取保密组织的情况汇报",
                ["Input.Presenters"] = "保密办主任",
                ["Input.Topics"] = "保密工作总体情况",
                ["Input.PostingIds"] = principalPosting.ToString(CultureInfo.InvariantCulture),
                ["__RequestVerificationToken"] = _token,
            }));
            var body = await response.Content.ReadAsStringAsync();
            return Measure(watch, response, body.Length, response.StatusCode == HttpStatusCode.Redirect);
        }

        /// <summary>Uploads a workbook for real (not a dry run) and polls the job until it ends: the time, and its last status.</summary>
        public async Task<(TimeSpan Elapsed, string Status)> ImportAsync(byte[] workbook, string fileName)
        {
            await GetAsync("/Import", keepToken: true);
            var watch = Stopwatch.StartNew();
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(workbook), "Input.File", fileName },
                { new StringContent("false"), "Input.DryRun" },
                { new StringContent(_token), "__RequestVerificationToken" },
            };
            var response = await SendAsync(HttpMethod.Post, "/Import", form);
            var location = response.Headers.Location?.OriginalString ?? "";
            var id = Regex.Match(location, "id=([0-9a-fA-F-]{36})").Groups[1].Value;
            if (id.Length == 0)
            {
                return (watch.Elapsed, $"not started: {(int)response.StatusCode} {location}");
            }

            var phase = "";
            while (true)
            {
                var status = await SendAsync(HttpMethod.Get, $"/Import?handler=Status&id={id}", null);
                var body = await status.Content.ReadAsStringAsync();

                // Where the time goes: the moment each phase of the job (reading, checking, writing) is first seen.
                var seen = Regex.Match(body, "\"phase\":\"([A-Za-z]+)\"").Groups[1].Value;
                if (seen.Length > 0 && seen != phase)
                {
                    phase = seen;
                    Console.WriteLine($"  {watch.Elapsed.TotalSeconds,6:0.0} s: {phase}");
                }

                if (body.Contains("\"done\":true", StringComparison.Ordinal) || status.StatusCode != HttpStatusCode.OK)
                {
                    return (watch.Elapsed, body);
                }

                await Task.Delay(100);
            }
        }

        private static Sample Measure(Stopwatch watch, HttpResponseMessage response, long bytes, bool succeeded) =>
            new(
                watch.Elapsed.TotalMilliseconds,
                response.Headers.TryGetValues("X-Sql-Commands", out var values) && int.TryParse(values.First(), CultureInfo.InvariantCulture, out var n) ? n : 0,
                bytes,
                succeeded);

        private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            lock (_cookies)
            {
                if (_cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
                }
            }

            var response = await Client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                lock (_cookies)
                {
                    foreach (var pair in setCookies.Select(c => c.Split(';', 2)[0].Split('=', 2)).Where(p => p.Length == 2))
                    {
                        _cookies[pair[0]] = pair[1];
                    }
                }
            }

            return response;
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex Token();
    }
}
