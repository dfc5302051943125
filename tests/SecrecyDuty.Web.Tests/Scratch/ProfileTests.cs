using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Scratch;

public sealed class ProfileTests
{
    private sealed class Timer : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public List<(double Ms, string Sql)> Commands { get; } = [];
        private readonly List<IDisposable> _subs = [];
        public void OnNext(DiagnosticListener value) { if (value.Name == DbLoggerCategory.Name) { lock (_subs) { _subs.Add(value.Subscribe(this)); } } }
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data)
            {
                lock (Commands) { Commands.Add((data.Duration.TotalMilliseconds, data.Command.CommandText)); }
            }
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    [Fact]
    public async Task Profile()
    {
        var units = int.Parse(Environment.GetEnvironmentVariable("PROFILE_UNITS") ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
        using var app = TestApp.StartOwn(_ => { });
        await app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(new ProvinceSize(Units: units, Leaders: units * 5, Years: 5, Seed: 1), _ => { }));
        var root = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync());
        var actor = new FixedCurrentUser("u", root, Roles.SecrecyOfficer);
        var timer = new Timer();
        using var sub = DiagnosticListener.AllListeners.Subscribe(timer);
        foreach (var name in new[] { "dash", "dash", "map", "map", "dash" })
        {
            timer.Commands.Clear();
            var watch = Stopwatch.StartNew();
            await app.InScopeAsync(async sp =>
            {
                var s = TestApp.ServiceFor<ComplianceService>(sp, actor);
                if (name == "dash") { await s.DashboardAsync(20); } else { await s.HeatMapAsync(2026, new ComplianceFilter(), 1, 50); }
            });
            Console.WriteLine($"PROFILE {name}: {watch.Elapsed.TotalMilliseconds:0.0} ms total, SQL {timer.Commands.Sum(c => c.Ms):0.0} ms in {timer.Commands.Count}");
            foreach (var (ms, sql) in timer.Commands)
            {
                Console.WriteLine($"PROFILE   {ms,7:0.0} {sql.Replace('\n', ' ')[..Math.Min(sql.Length, 140)]}");
            }
        }

        File.WriteAllText("/tmp/profile-sql.txt", string.Join("\n;;;;\n", timer.Commands.Select(c => c.Sql)));
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer", ProvinceGenerator.Password);
        foreach (var page in new[] { "/", "/", "/Compliance", "/Compliance", "/", "/Compliance" })
        {
            timer.Commands.Clear();
            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync(page);
            var body = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"PROFILE HTTP {page}: {(int)response.StatusCode} {watch.Elapsed.TotalMilliseconds:0.0} ms, SQL {timer.Commands.Sum(c => c.Ms):0.0} ms in {timer.Commands.Count}, {body.Length / 1024} KB");
            foreach (var (ms, sql) in timer.Commands.Where(c => c.Ms > 1))
            {
                Console.WriteLine($"PROFILE   {ms,7:0.0} {sql.Replace('\n', ' ')[..Math.Min(sql.Length, 140)]}");
            }
        }
    }
}
