using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// The whole application over its own database (see <see cref="TestDatabase"/>), in the "Testing"
/// environment: production settings (secure cookies, HTTPS), no demo data unless asked for.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026";

    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("secrecyduty-test-");
    private readonly string _environment;
    private readonly string? _sqlServer;
    private readonly string? _sqlite;

    public TestApp(string environment = "Testing")
    {
        _environment = environment;
        if (TestDatabase.UsesSqlServer)
        {
            _sqlServer = TestDatabase.NewSqlServerDatabase();
        }
        else
        {
            _sqlite = TestDatabase.CopySqliteTemplate(_dataDirectory.FullName);
        }

        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)));

    public string DataDirectory => _dataDirectory.FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("App:DataDirectory", _dataDirectory.FullName);
        builder.UseSetting("Logging:File:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (_sqlServer is not null)
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("ConnectionStrings:SqlServer", _sqlServer);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_sqlite}");
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddScoped<HttpCurrentUser>();
            services.AddScoped<ActingUser>();
            services.RemoveAll<ICurrentUser>();
            services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ActingUser>());
        });
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

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

    /// <summary>Creates a unit (under <paramref name="parentId"/>) straight in the database.</summary>
    public Task<int> AddUnitAsync(string code, string name, int? parentId = null) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var unit = new Unit { Code = code, Name = name, CreatedAtUtc = Clock.GetUtcNow().UtcDateTime };
            await UnitTree.AddAsync(db, unit, parentId);
            await db.SaveChangesAsync();
            return unit.Id;
        });

    /// <summary>Creates an account with <see cref="Password"/> straight through Identity.</summary>
    public Task<string> AddUserAsync(string userName, string role, int unitId, string? displayName = null) =>
        InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = displayName ?? userName, UnitId = unitId, LockoutEnabled = true };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return user.Id;
        });

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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_sqlServer is not null)
            {
                TestDatabase.DropSqlServerDatabase(_sqlServer);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                _dataDirectory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open on some platforms: the temp folder is cleaned by the OS.
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

    public FormFields Without(string name)
    {
        _fields.RemoveAll(f => f.Key == name);
        return this;
    }

    public FormUrlEncodedContent ToContent() => new(_fields);
}
