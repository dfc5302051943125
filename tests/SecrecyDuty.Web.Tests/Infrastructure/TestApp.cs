using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecrecyDuty.Core.Access;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// The whole application for one test, in the "Testing" environment (production settings: secure cookies, HTTPS; no
/// demo data) or another: a running <see cref="TestHost"/> lent by <see cref="Rent"/> with its database, clock and
/// data folder reset to how start-up left them, and taken back when the test disposes it. Each test still sees only
/// what it writes; hosts are started once per configuration and per test running at the same time, not per test
/// (docs/decisions/0013-shared-test-hosts-and-database-reset.md).
/// </summary>
public sealed class TestApp : IDisposable
{
    public const string Password = "Test-Password-2026";

    private static readonly Dictionary<string, Stack<TestHost>> Idle = [];
    private static readonly List<TestHost> Started = [];

    private readonly TestHost _host;
    private bool _disposed;

    static TestApp() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteIdleHosts();

    private TestApp(TestHost host) => _host = host;

    /// <summary>
    /// A host of <paramref name="environment"/> for this test alone: an idle one reset to its start-up state, else a
    /// new one. Under SQL Server (<see cref="TestDatabase.UsesSqlServer"/>) every test gets a new host over a new database.
    /// </summary>
    public static TestApp Rent(string environment = "Testing")
    {
        if (TestDatabase.UsesSqlServer)
        {
            return new TestApp(TestHost.Start(environment));
        }

        var host = TakeIdle(environment) ?? StartPooled(environment);
        host.Reset();
        return new TestApp(host);
    }

    /// <summary>A host of its own for a test that changes the host's settings or services; disposed after the test.</summary>
    public static TestApp StartOwn(Action<IWebHostBuilder> configure, string environment = "Testing") =>
        new(TestHost.Start(environment, configure));

    /// <summary>
    /// Settings of a host of its own that runs the scheduler (the shared hosts do not), without the reminder and compliance
    /// runs at start-up (a test triggers the job it looks at), over <paramref name="databaseFile"/> when given (a second host
    /// over a first one's database, as after a restart).
    /// </summary>
    public static Action<IWebHostBuilder> WithScheduler(string? databaseFile = null) => builder =>
    {
        builder.UseSetting("Scheduler:Enabled", "true");
        builder.UseSetting("Reminders:RunAtStartup", "false");
        builder.UseSetting("Compliance:RefreshAtStartup", "false");
        if (databaseFile is not null)
        {
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={databaseFile}");
        }
    };

    public FakeTimeProvider Clock => _host.Clock;

    public string DataDirectory => _host.DataDirectory;

    public IServiceProvider Services => _host.Services;

    public HttpClient CreateBrowserClient() =>
        _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>A client that keeps no cookies and follows no redirects: it sends only what a test puts on each request (a replayed cookie).</summary>
    public HttpClient CreateClientWithoutCookies() => _host.CreateDefaultClient(new Uri("https://localhost"));

    /// <summary>Runs <paramref name="work"/> in a scope, acting as a fixed account (null: the system itself).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync<bool>(async sp =>
        {
            await work(sp);
            return true;
        });

    /// <summary>A browser signed in as the account <paramref name="userName"/> (with <see cref="Password"/>).</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = CreateBrowserClient();
        await SignInAsync(client, userName);
        return client;
    }

    /// <summary>A browser signed in as a new account <paramref name="userName"/> in <paramref name="role"/> at <paramref name="unitId"/>.</summary>
    public async Task<HttpClient> SignedInAsAsync(string userName, string role, int unitId)
    {
        await new ProvinceBuilder(this).WithAccount(userName, role, unitId).BuildAsync();
        return await SignedInAsync(userName);
    }

    /// <summary>Resolves a service in <paramref name="scope"/> acting as <paramref name="actor"/>, as a request by that account would.</summary>
    public static T ServiceFor<T>(IServiceProvider scope, ICurrentUser actor)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.GetRequiredService<ActingUser>().Actor = actor;
        return scope.GetRequiredService<T>();
    }

    /// <summary>Signs in through the login form, as a person would; returns the response to the POST.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await GetFormAsync(client, "/Account/Login", "#login-form");
        return await client.PostAsync("/Account/Login", form.With(("Input.UserName", userName), ("Input.Password", password)).ToContent());
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>The fields of a form on a page, antiforgery token included.</summary>
    public static async Task<FormFields> GetFormAsync(HttpClient client, string url, string formSelector)
    {
        var document = await GetDocumentAsync(client, url);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"{url} has no form {formSelector}");
        return FormFields.From(form);
    }

    /// <summary>Gives the host back for the next test, or disposes it when it cannot be reset.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_host.CanBeReused)
        {
            lock (Idle)
            {
                Started.Remove(_host);
            }

            _host.Dispose();
            return;
        }

        lock (Idle)
        {
            if (!Idle.TryGetValue(_host.Environment, out var idle))
            {
                Idle[_host.Environment] = idle = new Stack<TestHost>();
            }

            idle.Push(_host);
        }
    }

    private static TestHost StartPooled(string environment)
    {
        var host = TestHost.Start(environment);
        lock (Idle)
        {
            Started.Add(host);
        }

        return host;
    }

    private static TestHost? TakeIdle(string environment)
    {
        lock (Idle)
        {
            return Idle.TryGetValue(environment, out var idle) && idle.TryPop(out var host) ? host : null;
        }
    }

    /// <summary>At the end of the run: the hosts' data folders (the process ends; the hosts need no orderly stop).</summary>
    private static void DeleteIdleHosts()
    {
        lock (Idle)
        {
            foreach (var host in Started)
            {
                host.DeleteDataDirectory();
            }
        }
    }
}

/// <summary>Form fields as a browser would post them.</summary>
public sealed class FormFields
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private FormFields(List<KeyValuePair<string, string>> fields) => _fields = fields;

    public static FormFields From(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "checkbox" or "radio"):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is "checkbox" or "radio" && input.IsChecked:
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        return new FormFields(fields);
    }

    public string this[string name] => _fields.First(f => f.Key == name).Value;

    /// <summary>Sets (or adds) the given fields.</summary>
    public FormFields With(params (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            _fields.RemoveAll(f => f.Key == name);
            _fields.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Sets a field that takes several values (ticked checkboxes of one name).</summary>
    public FormFields WithEach(string name, params string[] values)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public FormFields Without(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    public FormUrlEncodedContent ToContent() => new(_fields);
}
