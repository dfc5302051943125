using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>What a form field binds to, read from the page model's bound properties and handler parameters.</summary>
internal enum FieldKind
{
    Text,
    Secret,
    Number,
    Id,
    IdList,
    Date,
    Enum,
    Bool,
    File,
    Unbound,
}

/// <summary>The kinds of record an id field or route value names; a forged id is one of these outside the account's reach.</summary>
internal enum RecordType
{
    Unit,
    Leader,
    Posting,
    Activity,
    EvidenceFile,
    Inspection,
    Finding,
    Order,
    Incident,
    IncidentPerson,
    Proposal,
    Account,
    ChecklistItem,
    Notification,
    Member,
    Cadre,
    ImportRun,
}

/// <summary>One hostile value for one field, and whether the app may accept it.</summary>
internal sealed record Variant(string Name, string? Value, bool MayBeAccepted = false, bool IsForged = false, bool IsMarkup = false);

/// <summary>A POST handler of a page, from the app's endpoint data.</summary>
internal sealed record PostHandler(string Key, string Page, string? Handler, IReadOnlyList<Regex> Routes, CompiledPageActionDescriptor Descriptor, HandlerMethodDescriptor Method);

/// <summary>
/// The engine of <see cref="HostileInputTests"/>: the POST handlers of the app, their forms as the pages render them,
/// the hostile variants of each field, the database's state before and after (SQLite's <c>data_version</c> says
/// whether anything was committed at all; every row, compared, says what), and its restoration after a variant the app
/// saved (SQLite's online backup, as the shared hosts reset their database).
/// </summary>
internal sealed partial class HostileInputSweep : IAsyncDisposable
{
    public const string Script = "<script>alert(1)</script>";
    public const string Sql = "'; DROP TABLE Units;--";
    public const int OverLongLength = 100_000;

    private readonly TestApp _app;
    private readonly SqliteConnection _watch;
    private readonly SqliteConnection _saved;
    private readonly string _connectionString;
    private readonly string _openingsTable;
    private readonly string _auditTable;
    private long _version;

    private HostileInputSweep(TestApp app, string connectionString, string openingsTable, string auditTable)
    {
        _app = app;
        _connectionString = connectionString;
        _openingsTable = openingsTable;
        _auditTable = auditTable;
        _watch = new SqliteConnection(connectionString);
        _watch.Open();
        _saved = new SqliteConnection("Data Source=:memory:");
        _saved.Open();
    }

    public int Restores { get; private set; }

    public int Requests { get; set; }

    /// <summary>Where the sweep's time goes, for its log.</summary>
    public Stopwatch RowsTime { get; } = new();

    public Stopwatch RestoreTime { get; } = new();

    public Stopwatch RequestTime { get; } = new();

    public static async Task<HostileInputSweep> StartAsync(TestApp app)
    {
        var (connectionString, openings, audit) = await app.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return Task.FromResult((
                db.Database.GetConnectionString()!,
                db.Model.FindEntityType(typeof(IncidentOpening))!.GetTableName()!,
                db.Model.FindEntityType(typeof(AuditEntry))!.GetTableName()!));
        });
        return new HostileInputSweep(app, connectionString, openings, audit);
    }

    /// <summary>Every row of the database as <see cref="SaveAsync"/> kept it.</summary>
    public Dictionary<string, List<string>> Baseline { get; private set; } = [];

    /// <summary>Keeps the database as it is now; <see cref="Restore"/> puts it back.</summary>
    public async Task SaveAsync()
    {
        using (var live = new SqliteConnection(_connectionString))
        {
            live.Open();
            live.BackupDatabase(_saved);
        }

        _version = DataVersion();
        Baseline = await RowsAsync();
    }

    /// <summary>Whether anything was committed since <see cref="SaveAsync"/> or the last <see cref="Restore"/> (one PRAGMA, no table read).</summary>
    public bool Committed() => DataVersion() != _version;

    public void Restore()
    {
        RestoreTime.Start();
        using (var live = new SqliteConnection(_connectionString))
        {
            live.Open();
            _saved.BackupDatabase(live);
        }

        Restores++;
        _version = DataVersion();
        RestoreTime.Stop();
    }

    private long DataVersion()
    {
        using var command = _watch.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Every row of every table, as text, except the openings of incident files (opening a file is recorded on purpose,
    /// and a refused form shows the file again) and the audit trail's sign-ins (every sign-in is audited on purpose).
    /// </summary>
    public async Task<Dictionary<string, List<string>>> RowsAsync()
    {
        RowsTime.Start();
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t != _openingsTable))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = table == _auditTable
                ? $"SELECT * FROM \"{table}\" WHERE \"Action\" NOT IN ('{AuditAction.SignIn}', '{AuditAction.SignInFailed}')"
                : $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join("\u001f", values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            snapshot[table] = rows;
        }

        RowsTime.Stop();
        return snapshot;
    }

    /// <summary>The tables whose rows differ between two snapshots.</summary>
    public static List<string> Changed(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => !before.TryGetValue(t, out var b) || !after.TryGetValue(t, out var a) || !b.SequenceEqual(a, StringComparer.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>The rows added ("+") and removed ("-") between two snapshots, by table, except the audit trail's.</summary>
    public Dictionary<string, List<string>> Delta(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        Changed(before, after).Where(t => t != _auditTable).ToDictionary(
            t => t,
            t =>
            {
                var old = before.GetValueOrDefault(t) ?? [];
                var now = after.GetValueOrDefault(t) ?? [];
                return now.Except(old, StringComparer.Ordinal).Select(r => "+" + r).Concat(old.Except(now, StringComparer.Ordinal).Select(r => "-" + r)).ToList();
            },
            StringComparer.Ordinal);

    /// <summary>Whether two deltas hold the same rows.</summary>
    public static bool SameDelta(Dictionary<string, List<string>> a, Dictionary<string, List<string>> b) =>
        a.Keys.Order(StringComparer.Ordinal).SequenceEqual(b.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && a.All(t => t.Value.SequenceEqual(b[t.Key], StringComparer.Ordinal));

    /// <summary>Every POST handler of every page the app maps.</summary>
    public async Task<List<PostHandler>> PostHandlersAsync()
    {
        var loader = _app.Services.GetRequiredService<PageLoader>();
        var routes = new Dictionary<string, List<Regex>>(StringComparer.Ordinal);
        var pages = new Dictionary<string, CompiledPageActionDescriptor>(StringComparer.Ordinal);
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var pattern = RouteParameter().Replace(Regex.Escape("/" + endpoint.RoutePattern.RawText!.TrimStart('/')), "[^/]+");
            if (!routes.TryGetValue(descriptor.ViewEnginePath, out var list))
            {
                routes[descriptor.ViewEnginePath] = list = [];
                pages[descriptor.ViewEnginePath] = await loader.LoadAsync(descriptor, endpoint.Metadata);
            }

            list.Add(new Regex("^" + pattern + "$", RegexOptions.IgnoreCase));
        }

        return [.. pages.SelectMany(p => p.Value.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => new PostHandler($"POST {p.Key}{(h.Name is null ? "" : "?handler=" + h.Name)}", p.Key, h.Name, routes[p.Key], p.Value, h)))
            .DistinctBy(h => h.Key)
            .OrderBy(h => h.Key, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\\\{[^}]+\}")]
    private static partial Regex RouteParameter();

    /// <summary>The form (and the button, for a handler posted by a button's <c>formaction</c>) that posts to <paramref name="handler"/>.</summary>
    public static (IHtmlFormElement Form, string Action)? FindForm(IHtmlDocument document, string pageUrl, PostHandler handler)
    {
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
        {
            var actions = new List<string> { WebUtility.HtmlDecode(form.GetAttribute("action") ?? pageUrl) };
            actions.AddRange(form.Elements.Where(e => e.HasAttribute("formaction")).Select(e => WebUtility.HtmlDecode(e.GetAttribute("formaction")!)));
            foreach (var action in actions.Select(a => a.Length == 0 ? pageUrl : a))
            {
                var path = action.Split('?')[0];
                var query = action.Contains('?', StringComparison.Ordinal) ? Query(action) : [];
                var named = query.FirstOrDefault(q => string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase)).Value;
                if (handler.Routes.Any(r => r.IsMatch(path)) && string.Equals(named ?? "", handler.Handler ?? "", StringComparison.OrdinalIgnoreCase))
                {
                    return (form, action);
                }
            }
        }

        return null;
    }

    public static List<KeyValuePair<string, string>> Query(string url) =>
        !url.Contains('?', StringComparison.Ordinal) ? [] :
        [.. url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""))];

    /// <summary>The fields a browser would post from the form, in order, with the values the page shows.</summary>
    public static List<KeyValuePair<string, string>> Values(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "checkbox" or "radio" or "file" or "reset" or "image"):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is "checkbox" or "radio" && input.IsChecked:
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)).DefaultIfEmpty(new(select.Name, select.Value ?? "")));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        return fields;
    }

    /// <summary>Every field name of the form (checked or not, files too, and a named button's, which posts its value), in order.</summary>
    public static List<(string Name, IElement Element)> Names(IHtmlFormElement form) =>
        [.. form.Elements
            .Select(e => (Name: e.GetAttribute("name") ?? "", Element: e))
            .Where(e => e.Name.Length > 0 && e.Element is IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement or IHtmlButtonElement
                && !(e.Element is IHtmlInputElement { Type: "button" or "reset" or "image" }))
            .DistinctBy(e => e.Name)];

    /// <summary>The CLR type <paramref name="field"/> binds to, through the page's bound properties and the handler's parameters; null when nothing binds it.</summary>
    public static Type? BoundType(PostHandler handler, string field)
    {
        var roots = handler.Descriptor.BoundProperties
            .Select(p => (Name: p.BindingInfo?.BinderModelName ?? p.Name, Type: p.ParameterType))
            .Concat(handler.Method.Parameters.Select(p => (Name: p.BindingInfo?.BinderModelName ?? p.Name, Type: p.ParameterType)))
            .OrderByDescending(r => r.Name.Length);
        foreach (var (name, type) in roots)
        {
            if (string.Equals(field, name, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }

            if (field.StartsWith(name, StringComparison.OrdinalIgnoreCase) && field.Length > name.Length && field[name.Length] is '.' or '[')
            {
                return Walk(type, field[name.Length..]);
            }
        }

        return null;
    }

    private static Type? Walk(Type type, string path)
    {
        var current = type;
        foreach (Match segment in PathSegment().Matches(path))
        {
            if (segment.Value.StartsWith('['))
            {
                current = ElementType(current);
            }
            else
            {
                current = current.GetProperty(segment.Value[1..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            }

            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    [GeneratedRegex(@"\.\w+|\[[^\]]*\]")]
    private static partial Regex PathSegment();

    public static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable ? enumerable.GetGenericArguments()[0]
        : null;

    /// <summary>The kind of value a field of <paramref name="type"/> named <paramref name="name"/> holds.</summary>
    public static FieldKind KindOf(Type? type, string name, string inputType)
    {
        if (type is null)
        {
            return FieldKind.Unbound;
        }

        var last = LastSegment(name);
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(IFormFile) || (ElementType(plain) is { } e && e == typeof(IFormFile)) || plain == typeof(IFormFileCollection))
        {
            return FieldKind.File;
        }

        if (plain == typeof(string))
        {
            return inputType == "password" ? FieldKind.Secret : IsIdName(last) ? FieldKind.Id : FieldKind.Text;
        }

        if (plain == typeof(bool))
        {
            return FieldKind.Bool;
        }

        if (plain.IsEnum)
        {
            return FieldKind.Enum;
        }

        if (plain == typeof(DateOnly) || plain == typeof(DateTime) || plain == typeof(DateTimeOffset))
        {
            return FieldKind.Date;
        }

        if (plain == typeof(Guid))
        {
            return FieldKind.Id;
        }

        if (plain.IsPrimitive || plain == typeof(decimal))
        {
            return IsIdName(last) ? FieldKind.Id : FieldKind.Number;
        }

        if (typeof(IEnumerable).IsAssignableFrom(plain) && ElementType(plain) is { } element)
        {
            var inner = Nullable.GetUnderlyingType(element) ?? element;
            if (inner.IsPrimitive && IsIdName(last))
            {
                return FieldKind.IdList;
            }

            return KindOf(element, name, inputType);
        }

        return FieldKind.Unbound;
    }

    public static string LastSegment(string name)
    {
        var last = name[(name.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? last : last[..bracket];
    }

    private static bool IsIdName(string last) =>
        last == "id" || last.EndsWith("Id", StringComparison.Ordinal) || last.EndsWith("Ids", StringComparison.Ordinal);

    /// <summary>
    /// The hostile values for a field of <paramref name="kind"/>: over-long, of the wrong type, script and SQL text, missing,
    /// empty, and an id of a record outside the account's reach (<paramref name="forged"/>, when there is one).
    /// </summary>
    public static List<Variant> VariantsFor(FieldKind kind, Type? type, string? forged, string inputType = "")
    {
        // An over-long value is otherwise a good one (a password with digits, both cases and a symbol, an e-mail address
        // with its @, a phone number of digits), so that only its length can refuse it.
        var overLong = (kind, inputType) switch
        {
            (FieldKind.Text, "email") => OverLong("a")[..(OverLongLength - 12)] + "@example.com",
            (FieldKind.Text, "tel") => OverLong("0"),
            (FieldKind.Text, _) => OverLong("超长文本overlong"),
            (FieldKind.Secret, _) => OverLong("超长密码Overlong-2026"),
            _ => OverLong("9"),
        };
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        var wide = plain == typeof(decimal) || plain == typeof(long) || plain == typeof(double);
        var textual = plain == typeof(string) || (plain is not null && ElementType(plain) == typeof(string));
        var variants = new List<Variant> { new("over-long", overLong), new("missing", null, MayBeAccepted: true) };
        switch (kind)
        {
            case FieldKind.Text:
                variants.Add(new("script", Script, MayBeAccepted: true, IsMarkup: true));
                variants.Add(new("SQL", Sql, MayBeAccepted: true, IsMarkup: true));
                variants.Add(new("empty", "", MayBeAccepted: true));
                break;
            case FieldKind.Secret:
                variants.Add(new("script", Script, MayBeAccepted: true));
                variants.Add(new("empty", "", MayBeAccepted: true));
                break;
            case FieldKind.Number:
                variants.AddRange([new("abc", "abc"), new("-1", "-1"), new("2^31", "2147483648", MayBeAccepted: wide), new("2^31-1", "2147483647", MayBeAccepted: true), new("empty", "", MayBeAccepted: true)]);
                break;
            case FieldKind.Id or FieldKind.IdList:
                // An id that does not exist (-1, 2^31-1) may be answered as not found, as a forged one is.
                variants.AddRange([new("abc", textual ? Script : "abc"), new("-1", "-1", IsForged: true), new("2^31", "2147483648"), new("2^31-1", "2147483647", IsForged: true), new("empty", "", MayBeAccepted: true)]);
                if (kind == FieldKind.IdList)
                {
                    variants.Add(new("1,2", "1,2"));
                }

                break;
            case FieldKind.Date:
                variants.AddRange([new("abc", "abc"), new("2026-02-30", "2026-02-30"), new("-1", "-1"), new("9999-12-31", "9999-12-31", MayBeAccepted: true), new("0001-01-01", "0001-01-01", MayBeAccepted: true), new("empty", "", MayBeAccepted: true)]);
                break;
            case FieldKind.Enum:
                variants.AddRange([new("abc", "abc"), new("1,2", "1,2"), new("-1", "-1"), new("999", "999"), new("2^31", "2147483648"), new("empty", "", MayBeAccepted: true)]);
                break;
            case FieldKind.Bool:
                variants.Add(new("abc", "abc"));
                break;
        }

        if (forged is not null)
        {
            variants.Add(new("forged id", forged, IsForged: true));
        }

        return variants;
    }

    public static string OverLong(string unit)
    {
        var text = new StringBuilder(OverLongLength + unit.Length);
        while (text.Length < OverLongLength)
        {
            text.Append(unit);
        }

        return text.ToString(0, OverLongLength);
    }

    /// <summary>The fields as a form body, with <paramref name="name"/> set to <paramref name="values"/> (none: missing).</summary>
    public static FormUrlEncodedContent Body(List<KeyValuePair<string, string>> fields, string? name = null, IEnumerable<string>? values = null)
    {
        var posted = name is null ? fields : [.. fields.Where(f => f.Key != name)];
        if (name is not null && values is not null)
        {
            var at = fields.FindIndex(f => f.Key == name);
            var replacement = values.Select(v => new KeyValuePair<string, string>(name, v)).ToList();
            posted.InsertRange(at < 0 || at > posted.Count ? posted.Count : at, replacement);
        }

        return new FormUrlEncodedContent(posted);
    }

    /// <summary>The messages a page shows for <paramref name="field"/> (beside it) and above its forms (the summaries).</summary>
    public static (List<string> Beside, List<string> Summary, List<string> Elsewhere) Messages(IHtmlDocument page, string field)
    {
        var beside = page.QuerySelectorAll("[data-valmsg-for]")
            .Where(e => string.Equals(e.GetAttribute("data-valmsg-for"), field, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        var summary = page.QuerySelectorAll(".validation-summary-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        var elsewhere = page.QuerySelectorAll("[data-valmsg-for]")
            .Where(e => !string.Equals(e.GetAttribute("data-valmsg-for"), field, StringComparison.OrdinalIgnoreCase))
            .Select(e => $"{e.GetAttribute("data-valmsg-for")}: {e.TextContent.Trim()}")
            .Where(t => !t.EndsWith(": ", StringComparison.Ordinal))
            .Concat(page.QuerySelectorAll(".field-validation-error:not([data-valmsg-for]), .invalid-feedback, [id$='-error']").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))
            .ToList();
        return (beside, summary, elsewhere);
    }

    public async ValueTask DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _saved.DisposeAsync();
    }
}
