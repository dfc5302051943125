using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecrecyDuty.Core.Catalogue;

/// <summary>
/// Reads a regulation file (the format is in docs/regulation-catalogue.md) into a checked
/// <see cref="RegulationDefinition"/>, or reports every problem in it, each naming the file, the JSON path
/// inside it and what is wrong. <see cref="Parse"/> is pure; <see cref="Load"/> only adds reading the file.
/// </summary>
public static partial class RegulationLoader
{
    // The column sizes of Data/Configurations/CatalogueConfiguration.cs: a longer text would only fail at insert.
    public const int RegulationCodeMaxLength = 64;
    public const int VersionMaxLength = 32;
    public const int TitleMaxLength = 200;
    public const int TitleEnMaxLength = 300;
    public const int CodeMaxLength = 16;
    public const int SourceMaxLength = 100;
    public const int LabelMaxLength = 50;
    public const int ItemTextMaxLength = 1000;
    public const int RuleAreaNameMaxLength = 200;
    public const int RuleAreaNameEnMaxLength = 300;
    public const int RangeMaxLength = 500;

    private static readonly string[] RegulationFields = ["code", "version", "title", "titleEn", "articles", "dutyItems", "ruleAreas", "deficiencies", "sanctionRules"];
    private static readonly string[] ArticleFields = ["code", "part", "source", "label", "text", "summaryEn"];
    /// <summary>The numbers of equal periods a year divides into by whole months.</summary>
    private static readonly int[] PeriodsPerYear = [1, 2, 3, 4, 6, 12];

    private static readonly string[] DutyItemFields = ["code", "article", "holder", "text", "summaryEn", "minimumPerYear", "expectedPerYear", "expectedPeriodsPerYear"];
    private static readonly string[] RuleAreaFields = ["code", "article", "name", "nameEn"];
    private static readonly string[] DeficiencyFields = ["code", "article", "text", "summaryEn"];
    private static readonly string[] SanctionRuleFields = ["code", "article", "condition", "conditionEn", "administrative", "administrativeEn", "party", "partyEn"];

    /// <summary>
    /// The newest version, among the regulation files of <paramref name="directory"/>, that carries sanction rules (the
    /// sanction guidance's texts), with the problems of the files that could not be read.
    /// </summary>
    public static (RegulationDefinition? Regulation, IReadOnlyList<RegulationFileProblem> Problems) NewestWithSanctionRules(string directory)
    {
        var results = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList()
            : [];
        var regulation = results
            .Where(r => r.Succeeded && r.Regulation!.SanctionRules.Count > 0)
            .Select(r => r.Regulation!)
            .OrderByDescending(r => r.Version, RegulationVersion.Comparer)
            .FirstOrDefault();
        return (regulation, [.. results.SelectMany(r => r.Problems)]);
    }

    /// <summary>Reads and parses the file at <paramref name="path"/>; problems name the file without its folder.</summary>
    public static RegulationLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        try
        {
            return Parse(file, File.ReadAllText(path, Encoding.UTF8));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RegulationLoadResult.Rejected(file, [new RegulationFileProblem(file, "$", $"cannot be read: {e.Message}")]);
        }
    }

    /// <param name="file">The name to give in problems.</param>
    /// <param name="json">The file's content.</param>
    public static RegulationLoadResult Parse(string file, string json)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var where = $"line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}";
            return RegulationLoadResult.Rejected(file, [new RegulationFileProblem(file, "$", $"is not valid JSON ({where}): {Reason(e.Message)}")]);
        }

        using (document)
        {
            var reader = new Reader(file);
            var regulation = reader.Regulation(document.RootElement);
            return reader.Problems.Count == 0 && regulation is not null
                ? RegulationLoadResult.Loaded(file, regulation)
                : RegulationLoadResult.Rejected(file, reader.Problems);
        }
    }

    /// <summary>System.Text.Json's message without its own "LineNumber: … | BytePositionInLine: …" tail.</summary>
    private static string Reason(string message)
    {
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (tail < 0 ? message : message[..tail]).TrimEnd('.', ' ') + ".";
    }

    // Codes become HTML anchors (/Regulation#P5.3) and stable identifiers in records.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]*$")]
    private static partial Regex CodePattern();

    private sealed class Reader(string file)
    {
        // Where each code was first seen. Article codes are unique among articles; item codes among all the
        // item lists together, since items share one page of anchors (/Regulation#P5.3). A sanction rule may
        // share its article's code (IM30 is both), as the article's anchor is "article-IM30".
        // Case-insensitive, like SQL Server's unique indexes.
        private readonly Dictionary<string, string> _articleCodes = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _itemCodes = new(StringComparer.OrdinalIgnoreCase);

        public List<RegulationFileProblem> Problems { get; } = [];

        public void Report(string path, string problem) => Problems.Add(new RegulationFileProblem(file, path, problem));

        public RegulationDefinition? Regulation(JsonElement root)
        {
            var f = Fields.Of(this, root, "$", RegulationFields);
            if (f is null)
            {
                return null;
            }

            var code = f.Code("code", RegulationCodeMaxLength);
            var version = f.Text("version", VersionMaxLength);
            if (version is not null && !RegulationVersion.IsValid(version))
            {
                f.Fail("version", $"\"{version}\" is not a version: use numbers separated by dots, such as 1.0 or 2.1");
            }

            var title = f.Text("title", TitleMaxLength);
            var titleEn = f.Text("titleEn", TitleEnMaxLength);

            // Articles first: the other lists refer to them by code.
            var articles = f.List("articles", Article, atLeastOne: true);
            var dutyItems = f.List("dutyItems", DutyItem, atLeastOne: false);
            var ruleAreas = f.List("ruleAreas", RuleArea, atLeastOne: false);
            var deficiencies = f.List("deficiencies", Deficiency, atLeastOne: false);
            var sanctionRules = f.List("sanctionRules", SanctionRule, atLeastOne: false);
            return f.Failed
                ? null
                : new RegulationDefinition(code!, version!, title!, titleEn!, articles, dutyItems, ruleAreas, deficiencies, sanctionRules);
        }

        private ArticleDefinition? Article(JsonElement element, string path)
        {
            var f = Fields.Of(this, element, path, ArticleFields);
            if (f is null)
            {
                return null;
            }

            var code = UniqueCode(f, _articleCodes);
            var part = f.Choice<ArticlePart>("part");
            var source = f.OptionalText("source", SourceMaxLength);
            if (part == ArticlePart.Appendix && !f.Has("source"))
            {
                f.Fail("source", "is missing: an appendix provision names the law it comes from");
            }

            var label = f.Text("label", LabelMaxLength);
            var text = f.Text("text", int.MaxValue);
            var summaryEn = f.Text("summaryEn", int.MaxValue);
            return f.Failed ? null : new ArticleDefinition(code!, part!.Value, source ?? "", label!, text!, summaryEn!);
        }

        private DutyItemDefinition? DutyItem(JsonElement element, string path)
        {
            var f = Fields.Of(this, element, path, DutyItemFields);
            if (f is null)
            {
                return null;
            }

            var code = UniqueCode(f, _itemCodes);
            var article = ArticleReference(f);
            var holder = f.Choice<DutyHolder>("holder");
            var text = f.Text("text", ItemTextMaxLength);
            var summaryEn = f.Text("summaryEn", ItemTextMaxLength);
            var minimum = f.TimesAYear("minimumPerYear");
            var expected = f.TimesAYear("expectedPerYear");
            if (minimum > expected)
            {
                f.Fail("minimumPerYear", $"is {minimum}, more than expectedPerYear ({expected}): the least that satisfies the item cannot exceed what is expected");
            }

            var periods = f.TimesAYear("expectedPeriodsPerYear");
            if (periods is int p)
            {
                if (!PeriodsPerYear.Contains(p))
                {
                    f.Fail("expectedPeriodsPerYear", $"is {p}: the year divides into 1, 2, 3, 4, 6 or 12 equal periods");
                }
                else if (expected is not int e)
                {
                    f.Fail("expectedPeriodsPerYear", "needs expectedPerYear: the periods spread what the practice expects a year");
                }
                else if (e % p != 0)
                {
                    f.Fail("expectedPeriodsPerYear", $"is {p}, which does not divide expectedPerYear ({e}) into equal periods");
                }
            }

            return f.Failed ? null : new DutyItemDefinition(code!, article!, holder!.Value, text!, summaryEn!, minimum, expected, periods);
        }

        private RuleAreaDefinition? RuleArea(JsonElement element, string path)
        {
            var f = Fields.Of(this, element, path, RuleAreaFields);
            if (f is null)
            {
                return null;
            }

            var code = UniqueCode(f, _itemCodes);
            var article = ArticleReference(f);
            var name = f.Text("name", RuleAreaNameMaxLength);
            var nameEn = f.Text("nameEn", RuleAreaNameEnMaxLength);
            return f.Failed ? null : new RuleAreaDefinition(code!, article!, name!, nameEn!);
        }

        private DeficiencyDefinition? Deficiency(JsonElement element, string path)
        {
            var f = Fields.Of(this, element, path, DeficiencyFields);
            if (f is null)
            {
                return null;
            }

            var code = UniqueCode(f, _itemCodes);
            var article = ArticleReference(f);
            var text = f.Text("text", ItemTextMaxLength);
            var summaryEn = f.Text("summaryEn", ItemTextMaxLength);
            return f.Failed ? null : new DeficiencyDefinition(code!, article!, text!, summaryEn!);
        }

        private SanctionRuleDefinition? SanctionRule(JsonElement element, string path)
        {
            var f = Fields.Of(this, element, path, SanctionRuleFields);
            if (f is null)
            {
                return null;
            }

            var code = UniqueCode(f, _itemCodes);
            var article = ArticleReference(f);
            var condition = f.Text("condition", ItemTextMaxLength);
            var conditionEn = f.Text("conditionEn", ItemTextMaxLength);
            var administrative = f.OptionalText("administrative", RangeMaxLength);
            var administrativeEn = f.OptionalText("administrativeEn", RangeMaxLength);
            var party = f.OptionalText("party", RangeMaxLength);
            var partyEn = f.OptionalText("partyEn", RangeMaxLength);
            f.BothOrNeither("administrative", "administrativeEn");
            f.BothOrNeither("party", "partyEn");
            if (!f.Has("administrative") && !f.Has("administrativeEn") && !f.Has("party") && !f.Has("partyEn"))
            {
                f.FailHere("states no consequence: give administrative/administrativeEn, party/partyEn, or both");
            }

            return f.Failed
                ? null
                : new SanctionRuleDefinition(code!, article!, condition!, conditionEn!, administrative, administrativeEn, party, partyEn);
        }

        private static string? UniqueCode(Fields f, Dictionary<string, string> seen)
        {
            var code = f.Code("code", CodeMaxLength);
            if (code is null)
            {
                return null;
            }

            if (seen.TryGetValue(code, out var first))
            {
                f.Fail("code", $"duplicate code \"{code}\": {first} has it already");
                return null;
            }

            seen.Add(code, f.PathOf("code"));
            return code;
        }

        private string? ArticleReference(Fields f)
        {
            var article = f.Text("article", CodeMaxLength);
            if (article is not null && !_articleCodes.Keys.Contains(article, StringComparer.Ordinal))
            {
                f.Fail("article", $"refers to the article \"{article}\", which is not among the file's articles");
                return null;
            }

            return article;
        }
    }

    /// <summary>The fields of one JSON object, read with problems reported against their paths.</summary>
    private sealed class Fields
    {
        private readonly Reader _reader;
        private readonly JsonElement _element;
        private readonly string _path;

        private Fields(Reader reader, JsonElement element, string path)
        {
            _reader = reader;
            _element = element;
            _path = path;
        }

        /// <summary>True once any problem was found in this object.</summary>
        public bool Failed { get; private set; }

        /// <summary>The object's fields, or null (reported) when <paramref name="element"/> is not an object.</summary>
        public static Fields? Of(Reader reader, JsonElement element, string path, string[] known)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                reader.Report(path, $"must be an object, not {Describe(element.ValueKind)}");
                return null;
            }

            var fields = new Fields(reader, element, path);
            foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
            {
                fields.Fail(property.Name, $"is not a field of this object; the fields are {string.Join(", ", known)}");
            }

            return fields;
        }

        public string PathOf(string name) => $"{_path}.{name}";

        public void Fail(string name, string problem)
        {
            _reader.Report(PathOf(name), problem);
            Failed = true;
        }

        public void FailHere(string problem)
        {
            _reader.Report(_path, problem);
            Failed = true;
        }

        /// <summary>Present and not null.</summary>
        public bool Has(string name) => _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        public string? Text(string name, int maxLength)
        {
            if (!_element.TryGetProperty(name, out var value))
            {
                Fail(name, "is missing");
                return null;
            }

            return CheckText(name, value, maxLength);
        }

        public string? OptionalText(string name, int maxLength) =>
            Has(name) ? CheckText(name, _element.GetProperty(name), maxLength) : null;

        public string? Code(string name, int maxLength)
        {
            var code = Text(name, maxLength);
            if (code is not null && !CodePattern().IsMatch(code))
            {
                Fail(name, $"\"{code}\" is not a code: use letters, digits, dots and hyphens, beginning with a letter or digit");
                return null;
            }

            return code;
        }

        public T? Choice<T>(string name)
            where T : struct, Enum
        {
            var text = Text(name, int.MaxValue);
            if (text is null)
            {
                return null;
            }

            if (!Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
            {
                Fail(name, $"\"{text}\" is not one of {string.Join(", ", Enum.GetNames<T>())}");
                return null;
            }

            return Enum.Parse<T>(text);
        }

        /// <summary>An optional frequency: a whole number of times a year, at least 1.</summary>
        public int? TimesAYear(string name)
        {
            if (!Has(name))
            {
                return null;
            }

            var value = _element.GetProperty(name);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var times))
            {
                Fail(name, $"must be a whole number of times a year, not {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value.ValueKind))}");
                return null;
            }

            if (times < 1)
            {
                Fail(name, $"is {times}: a frequency is at least 1 a year (leave the field out when the item has none)");
                return null;
            }

            return times;
        }

        public List<T> List<T>(string name, Func<JsonElement, string, T?> read, bool atLeastOne)
            where T : class
        {
            if (!_element.TryGetProperty(name, out var value))
            {
                Fail(name, atLeastOne ? "is missing" : "is missing (give [] when there are none)");
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Fail(name, $"must be an array, not {Describe(value.ValueKind)}");
                return [];
            }

            if (atLeastOne && value.GetArrayLength() == 0)
            {
                Fail(name, "is empty: give at least one");
            }

            var items = new List<T>();
            var index = 0;
            var problems = _reader.Problems.Count;
            foreach (var element in value.EnumerateArray())
            {
                if (read(element, $"{PathOf(name)}[{index}]") is { } item)
                {
                    items.Add(item);
                }

                index++;
            }

            Failed |= _reader.Problems.Count > problems;
            return items;
        }

        public void BothOrNeither(string chinese, string english)
        {
            if (Has(chinese) && !Has(english))
            {
                Fail(english, $"is missing: {chinese} is given, and every text has its English");
            }
            else if (Has(english) && !Has(chinese))
            {
                Fail(chinese, $"is missing: {english} is given without the Chinese original");
            }
        }

        private string? CheckText(string name, JsonElement value, int maxLength)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                Fail(name, $"must be a string, not {Describe(value.ValueKind)}");
                return null;
            }

            var text = value.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                Fail(name, "is empty");
                return null;
            }

            if (text.Length > maxLength)
            {
                Fail(name, $"is {text.Length} characters long; at most {maxLength} fit");
                return null;
            }

            return text;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            _ => "null",
        };
    }
}
