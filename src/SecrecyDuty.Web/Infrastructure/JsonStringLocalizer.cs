using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// One string table per UI culture, merged from the embedded <c>Resources/{area}.{culture}.json</c> files (one
/// file per feature area, so features do not edit a shared file). Keys are the
/// English text, so English needs no table; a key missing from the Chinese table shows in English and is
/// caught by a test (docs/decisions/0005-localization.md).
/// </summary>
public sealed class JsonStringTables
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _tables;

    public JsonStringTables()
    {
        var assembly = typeof(JsonStringTables).Assembly;
        var tables = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in SupportedCultures.All)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            var suffix = $".{culture}.json";
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                    ?? throw new InvalidOperationException($"{name} is empty.");
                foreach (var (key, value) in entries)
                {
                    if (!merged.TryAdd(key, value) && merged[key] != value)
                    {
                        throw new InvalidOperationException($"{name}: the key \"{key}\" has another translation in another file.");
                    }
                }
            }

            tables[culture] = merged.ToFrozenDictionary(StringComparer.Ordinal);
        }

        _tables = tables.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, string> For(string culture) =>
        _tables.TryGetValue(culture, out var table) ? table : FrozenDictionary<string, string>.Empty;

    public string? Find(string key, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_tables.TryGetValue(c.Name, out var table) && table.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }
}

public sealed class JsonStringLocalizer(JsonStringTables tables) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = tables.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        tables.For(CultureInfo.CurrentUICulture.Name).Select(kv => new LocalizedString(kv.Key, kv.Value));
}

public sealed class JsonStringLocalizerFactory(JsonStringTables tables) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(tables);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

public static class SupportedCultures
{
    /// <summary>Simplified Chinese first: the users are Chinese officials.</summary>
    public const string Default = "zh-CN";

    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Default, English];

    /// <summary>Whether the request's language is English: pages then show the English texts of catalogue data and templates.</summary>
    public static bool CurrentIsEnglish => CultureInfo.CurrentUICulture.Name == English;

    /// <summary>A date as a Chinese official document writes it (2026年3月1日), or ISO in English; empty for none.</summary>
    public static string DocumentDate(DateOnly? date) =>
        date is not { } d ? ""
        : CurrentIsEnglish ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : d.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);

    public static Assembly ResourceAssembly => typeof(SupportedCultures).Assembly;
}
