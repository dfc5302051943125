using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Foundation;

public sealed partial class LocalizationTests
{
    [Fact]
    public async Task Simplified_Chinese_is_the_default_whatever_the_browser_asks_for()
    {
        using var app = TestApp.Rent();
        var client = app.CreateBrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var login = await TestApp.GetDocumentAsync(client, "/Account/Login");

        Assert.Equal("zh-CN", login.DocumentElement.GetAttribute("lang"));
        Assert.Equal("登录", login.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task English_is_selectable_and_remembered()
    {
        using var app = TestApp.Rent();
        var client = app.CreateBrowserClient();
        var form = await TestApp.GetFormAsync(client, "/Account/Login", "#culture-form");

        var switched = await client.PostAsync("/Culture?returnUrl=%2FAccount%2FLogin", form.With(("culture", "en")).ToContent());
        Assert.Equal("/Account/Login", switched.Headers.Location!.OriginalString);

        var login = await TestApp.GetDocumentAsync(client, "/Account/Login");
        Assert.Equal("en", login.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", login.QuerySelector("h1")!.TextContent);
        var again = await TestApp.GetDocumentAsync(client, "/Account/Login");
        Assert.Equal("Sign in", again.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_unsupported_culture_is_ignored()
    {
        using var app = TestApp.Rent();
        var client = app.CreateBrowserClient();
        var form = await TestApp.GetFormAsync(client, "/Account/Login", "#culture-form");

        await client.PostAsync("/Culture", form.With(("culture", "fr")).ToContent());

        Assert.Equal("zh-CN", (await TestApp.GetDocumentAsync(client, "/Account/Login")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Every_string_the_source_localizes_has_a_Chinese_translation()
    {
        var tables = new JsonStringTables();
        var chinese = tables.For("zh-CN");
        var keys = SourceFiles()
            .SelectMany(f => LocalizedLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value))))
            .ToList();

        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !chinese.ContainsKey(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.Empty(missing);
    }

    /// <summary>
    /// The keys built at run time ("UnitKind:" + kind) escape the test above: every value of every enum the pages
    /// name (<see cref="EnumText.Vocabularies"/>), every role and every record type of the audit trail must have a
    /// name in both languages, and no source builds such a key by hand, outside <see cref="EnumText"/>.
    /// </summary>
    [Fact]
    public void Every_name_built_at_run_time_has_a_translation_in_both_languages()
    {
        var tables = new JsonStringTables();
        var keys = EnumText.Vocabularies
            .SelectMany(v => Enum.GetValues(v.Type).Cast<object>().Select(value => EnumText.Key(v.Type, value, v.Prefix)))
            .Concat(Roles.All.Select(EnumText.RoleKey))
            .Concat(AuditedRecordTypes().Select(EnumText.EntityKey))
            .Concat(AuditedFields().Select(EnumText.FieldKey))
            .ToList();

        var missing = (
            from key in keys
            from culture in SupportedCultures.All
            where !(tables.For(culture).TryGetValue(key, out var name) && name.Length > 0)
            select $"{culture}: {key}").ToList();
        var builtByHand = SourceFiles()
            .SelectMany(f => KeyBuiltByHand().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.True(keys.Count > 100, $"{keys.Count} names");
        Assert.Empty(missing);
        Assert.Empty(builtByHand);
    }

    [Fact]
    public void Every_role_has_a_name_in_both_languages()
    {
        var tables = new JsonStringTables();
        foreach (var role in Roles.All)
        {
            Assert.True(tables.Find("Role:" + role, new CultureInfo("zh-CN")) is { Length: > 0 }, role);
            Assert.True(tables.Find("Role:" + role, new CultureInfo("en")) is { Length: > 0 }, role);
        }
    }

    [Fact]
    public async Task Identity_messages_are_translated()
    {
        using var app = TestApp.Rent();
        var describer = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Microsoft.AspNetCore.Identity.IdentityErrorDescriber>()));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("密码至少 12 个字符。", describer.PasswordTooShort(12).Description);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecrecyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SecrecyDuty.sln not found above the test binaries.");
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The class names the audit trail stores (AuditRecorder), and the import batch's own entry (ImportService).</summary>
    /// <summary>The fields the audit trail records of each audited record: its public scalar properties but the key.</summary>
    private static IEnumerable<string> AuditedFields() =>
        typeof(IAudited).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IAudited).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                // The version stamp (docs/decisions/0020) is left out of the trail, so it is never named there.
                .Where(p => !(typeof(IVersioned).IsAssignableFrom(t) && typeof(IVersioned).GetProperty(p.Name) is not null)))
            .Where(p => p.CanWrite && p.Name != "Id" && IsScalar(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Select(p => p.Name)
            .Distinct();

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(Guid);

    private static IEnumerable<string> AuditedRecordTypes() =>
        typeof(IAudited).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IAudited).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Append("Import");

    // L["literal"] or l["literal", args]: a whole literal key, not a concatenation.
    [GeneratedRegex("""\b[Ll]\["((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex LocalizedLiteral();

    // L["Prefix:" + value]: a key built by hand instead of through EnumText.
    [GeneratedRegex("""\b[Ll]\["\w+:"\s*\+""")]
    private static partial Regex KeyBuiltByHand();
}
