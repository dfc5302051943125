using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// Reads a scored checklist template (the format is in docs/inspection-templates.md) into a checked
/// <see cref="ScoreTemplateDefinition"/>, or reports every problem in it, each naming the file, the JSON path
/// inside it and what is wrong. <see cref="Parse(string, string, ScoreTemplateReferences?)"/> is pure;
/// <see cref="Load"/> only adds reading the file.
/// </summary>
public static partial class ScoreTemplateLoader
{
    // The column sizes of Data/Configurations/ScoreTemplateConfiguration.cs: a longer text would only fail at insert.
    public const int TemplateCodeMaxLength = 64;
    public const int VersionMaxLength = 32;
    public const int TitleMaxLength = 200;
    public const int TitleEnMaxLength = 300;
    public const int SourceFileMaxLength = 260;
    public const int LoadedByMaxLength = 256;

    /// <summary>Category, item, duty and deficiency codes (the catalogue's codes have the same size).</summary>
    public const int CodeMaxLength = 16;
    public const int GradeCodeMaxLength = 32;
    public const int GradeLabelMaxLength = 50;
    public const int GradeLabelEnMaxLength = 100;
    public const int CategoryNameMaxLength = 200;
    public const int CategoryNameEnMaxLength = 300;
    public const int ItemTextMaxLength = 1000;

    /// <summary>Points and deductions: decimal(6, 2) columns, and never more than <see cref="MaxPoints"/>.</summary>
    public const int PointsPrecision = 6;
    public const int PointsScale = 2;
    public const int MaxPoints = 1000;

    /// <summary>Grade minimums have the percentage's own precision: one decimal.</summary>
    public const int MinimumScale = 1;

    public const int MinGrades = 2;
    public const int MaxGrades = 10;
    public const int MaxCategories = 50;
    public const int MaxItems = 500;

    private static readonly string[] TemplateFields = ["code", "version", "title", "titleEn", "grades", "categories"];
    private static readonly string[] GradeFields = ["minimum", "code", "label", "labelEn"];
    private static readonly string[] CategoryFields = ["code", "name", "nameEn", "items"];
    private static readonly string[] ItemFields =
        ["code", "text", "textEn", "points", "deductionPerDefect", "extraPerOccurrence", "veto", "unitKinds", "dutyCode", "deficiencyCode"];

    /// <summary>Reads and parses the file at <paramref name="path"/>; problems name the file without its folder.</summary>
    public static ScoreTemplateLoadResult Load(string path, ScoreTemplateReferences? references = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        try
        {
            return Parse(file, File.ReadAllText(path, Encoding.UTF8), references);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ScoreTemplateLoadResult.Rejected(file, [new ScoreTemplateFileProblem(file, "$", ScoreTemplateProblems.CannotRead, [e.Message])]);
        }
    }

    /// <param name="file">The name to give in problems.</param>
    /// <param name="json">The file's content.</param>
    /// <param name="references">
    /// The catalogue codes items may refer to; null checks only that duty and deficiency codes are codes.
    /// </param>
    public static ScoreTemplateLoadResult Parse(string file, string json, ScoreTemplateReferences? references = null)
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
            return ScoreTemplateLoadResult.Rejected(file, [new ScoreTemplateFileProblem(file, "$", ScoreTemplateProblems.NotJson, [where, Reason(e.Message)])]);
        }

        using (document)
        {
            var reader = new Reader(file, references);
            var template = reader.Template(document.RootElement);
            return reader.Problems.Count == 0 && template is not null
                ? ScoreTemplateLoadResult.Loaded(file, template)
                : ScoreTemplateLoadResult.Rejected(file, reader.Problems);
        }
    }

    /// <summary>System.Text.Json's message without its own "LineNumber: … | BytePositionInLine: …" tail.</summary>
    private static string Reason(string message)
    {
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (tail < 0 ? message : message[..tail]).TrimEnd('.', ' ') + ".";
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    // Codes become HTML anchors and stable identifiers in records, as the catalogue's do.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]*$")]
    private static partial Regex CodePattern();

    private sealed class Reader(string file, ScoreTemplateReferences? references)
    {
        // Where each code was first seen; case-insensitive, like SQL Server's unique indexes. Items share one
        // list across categories: a score sheet refers to an item by its code within the template.
        private readonly Dictionary<string, string> _gradeCodes = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _categoryCodes = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _itemCodes = new(StringComparer.OrdinalIgnoreCase);

        public List<ScoreTemplateFileProblem> Problems { get; } = [];

        public void Report(string path, string message, params string[] arguments) =>
            Problems.Add(new ScoreTemplateFileProblem(file, path, message, arguments));

        public ScoreTemplateDefinition? Template(JsonElement root)
        {
            var f = Fields.Of(this, root, "$", TemplateFields);
            if (f is null)
            {
                return null;
            }

            var code = f.Code("code", TemplateCodeMaxLength);
            var version = f.Text("version", VersionMaxLength);
            if (version is not null && !RegulationVersion.IsValid(version))
            {
                f.Fail("version", ScoreTemplateProblems.NotVersion, version);
            }

            var title = f.Text("title", TitleMaxLength);
            var titleEn = f.Text("titleEn", TitleEnMaxLength);
            var grades = f.List("grades", Grade, MinGrades, MaxGrades, out var gradesClean);
            if (gradesClean)
            {
                CheckBands(grades, f.PathOf("grades"));
            }

            var categories = f.List("categories", Category, 1, MaxCategories, out _);
            var items = categories.Sum(c => c.Items.Count);
            if (items > MaxItems)
            {
                f.Fail("categories", ScoreTemplateProblems.TooManyItems, items.ToString(CultureInfo.InvariantCulture), MaxItems.ToString(CultureInfo.InvariantCulture));
            }

            return f.Failed || Problems.Count > 0
                ? null
                : new ScoreTemplateDefinition(code!, version!, title!, titleEn!, grades, categories);
        }

        /// <summary>The bands must cover 0–100 without overlap: minimums strictly descending, the last one 0.</summary>
        private void CheckBands(List<ScoreGradeDefinition> grades, string path)
        {
            for (var i = 1; i < grades.Count; i++)
            {
                if (grades[i].Minimum >= grades[i - 1].Minimum)
                {
                    Report($"{path}[{i}].minimum", ScoreTemplateProblems.GradesNotDescending, Show(grades[i].Minimum), Show(grades[i - 1].Minimum));
                }
            }

            if (grades.Count > 0 && grades[^1].Minimum != 0)
            {
                Report($"{path}[{grades.Count - 1}].minimum", ScoreTemplateProblems.GradesNotFromZero, Show(grades[^1].Minimum));
            }
        }

        private ScoreGradeDefinition? Grade(JsonElement element, string path)
        {
            var f = Fields.Of(this, element, path, GradeFields);
            if (f is null)
            {
                return null;
            }

            var minimum = f.Number("minimum", MinimumScale, required: true);
            if (minimum is < 0 or > 100)
            {
                f.Fail("minimum", ScoreTemplateProblems.MinimumOutOfRange, Show(minimum.Value));
            }

            var code = UniqueCode(f, GradeCodeMaxLength, _gradeCodes);
            var label = f.Text("label", GradeLabelMaxLength);
            var labelEn = f.Text("labelEn", GradeLabelEnMaxLength);
            return f.Failed ? null : new ScoreGradeDefinition(minimum!.Value, code!, label!, labelEn!);
        }

        private ScoreCategoryDefinition? Category(JsonElement element, string path)
        {
            var f = Fields.Of(this, element, path, CategoryFields);
            if (f is null)
            {
                return null;
            }

            var code = UniqueCode(f, CodeMaxLength, _categoryCodes);
            var name = f.Text("name", CategoryNameMaxLength);
            var nameEn = f.Text("nameEn", CategoryNameEnMaxLength);
            var items = f.List("items", Item, 1, MaxItems, out _);
            return f.Failed ? null : new ScoreCategoryDefinition(code!, name!, nameEn!, items);
        }

        private ScoreItemDefinition? Item(JsonElement element, string path)
        {
            var f = Fields.Of(this, element, path, ItemFields);
            if (f is null)
            {
                return null;
            }

            var code = UniqueCode(f, CodeMaxLength, _itemCodes);
            var text = f.Text("text", ItemTextMaxLength);
            var textEn = f.Text("textEn", ItemTextMaxLength);
            var points = f.Amount("points", positive: true, required: true);
            var perDefect = f.Amount("deductionPerDefect", positive: true, required: true);
            if (perDefect > points)
            {
                f.Fail("deductionPerDefect", ScoreTemplateProblems.DeductionOverPoints, Show(perDefect!.Value), Show(points!.Value));
            }

            var extra = f.Amount("extraPerOccurrence", positive: false, required: false);
            var veto = f.Flag("veto");
            var unitKinds = f.UnitKinds("unitKinds");
            var dutyCode = f.Has("dutyCode") ? f.Code("dutyCode", CodeMaxLength) : null;
            if (dutyCode is not null && references is not null && !references.DutyCodes.Contains(dutyCode))
            {
                f.Fail("dutyCode", ScoreTemplateProblems.UnknownDutyCode, dutyCode);
            }

            var deficiencyCode = f.Code("deficiencyCode", CodeMaxLength);
            if (deficiencyCode is not null && references is not null && !references.DeficiencyCodes.Contains(deficiencyCode))
            {
                f.Fail("deficiencyCode", ScoreTemplateProblems.UnknownDeficiencyCode, deficiencyCode);
            }

            return f.Failed
                ? null
                : new ScoreItemDefinition(code!, text!, textEn!, points!.Value, perDefect!.Value, extra ?? 0, veto, unitKinds, dutyCode, deficiencyCode!);
        }

        private static string? UniqueCode(Fields f, int maxLength, Dictionary<string, string> seen)
        {
            var code = f.Code("code", maxLength);
            if (code is null)
            {
                return null;
            }

            if (seen.TryGetValue(code, out var first))
            {
                f.Fail("code", ScoreTemplateProblems.DuplicateCode, code, first);
                return null;
            }

            seen.Add(code, f.PathOf("code"));
            return code;
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

        /// <summary>True once any problem was found in this object or below it.</summary>
        public bool Failed { get; private set; }

        /// <summary>The object's fields, or null (reported) when <paramref name="element"/> is not an object.</summary>
        public static Fields? Of(Reader reader, JsonElement element, string path, string[] known)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                reader.Report(path, ScoreTemplateProblems.WrongType, "object", Describe(element.ValueKind));
                return null;
            }

            var fields = new Fields(reader, element, path);
            foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
            {
                fields.Fail(property.Name, ScoreTemplateProblems.UnknownField, string.Join(", ", known));
            }

            return fields;
        }

        public string PathOf(string name) => $"{_path}.{name}";

        public void Fail(string name, string message, params string[] arguments)
        {
            _reader.Report(PathOf(name), message, arguments);
            Failed = true;
        }

        /// <summary>Present and not null.</summary>
        public bool Has(string name) => _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        public string? Text(string name, int maxLength)
        {
            if (!_element.TryGetProperty(name, out var value))
            {
                Fail(name, ScoreTemplateProblems.Missing);
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Fail(name, ScoreTemplateProblems.WrongType, "string", Describe(value.ValueKind));
                return null;
            }

            // Escaped or not, control and bidirectional characters are stripped as from every text that comes in.
            var text = Common.Text.StripUnsafe(value.GetString()!);
            if (string.IsNullOrWhiteSpace(text))
            {
                Fail(name, ScoreTemplateProblems.Empty);
                return null;
            }

            if (text.Length > maxLength)
            {
                Fail(name, ScoreTemplateProblems.TooLong, text.Length.ToString(CultureInfo.InvariantCulture), maxLength.ToString(CultureInfo.InvariantCulture));
                return null;
            }

            return text;
        }

        public string? Code(string name, int maxLength)
        {
            var code = Text(name, maxLength);
            if (code is not null && !CodePattern().IsMatch(code))
            {
                Fail(name, ScoreTemplateProblems.NotCode, code);
                return null;
            }

            return code;
        }

        /// <summary>Points or a deduction: a number with at most <see cref="PointsScale"/> decimals, up to <see cref="MaxPoints"/>.</summary>
        public decimal? Amount(string name, bool positive, bool required)
        {
            var amount = Number(name, PointsScale, required);
            if (amount is not decimal a)
            {
                return null;
            }

            if (positive && a <= 0)
            {
                Fail(name, ScoreTemplateProblems.NotPositive, Show(a));
                return null;
            }

            if (a < 0)
            {
                Fail(name, ScoreTemplateProblems.Negative, Show(a));
                return null;
            }

            if (a > MaxPoints)
            {
                Fail(name, ScoreTemplateProblems.TooLarge, Show(a), MaxPoints.ToString(CultureInfo.InvariantCulture));
                return null;
            }

            return a;
        }

        public decimal? Number(string name, int scale, bool required)
        {
            if (!Has(name))
            {
                if (required)
                {
                    Fail(name, ScoreTemplateProblems.Missing);
                }

                return null;
            }

            var value = _element.GetProperty(name);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                Fail(name, ScoreTemplateProblems.WrongType, "number", value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value.ValueKind));
                return null;
            }

            if (decimal.Round(number, scale) != number)
            {
                Fail(name, ScoreTemplateProblems.TooManyDecimals, value.GetRawText(), scale.ToString(CultureInfo.InvariantCulture));
                return null;
            }

            return number;
        }

        /// <summary>An optional true/false, false when left out.</summary>
        public bool Flag(string name)
        {
            if (!Has(name))
            {
                return false;
            }

            var value = _element.GetProperty(name);
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Fail(name, ScoreTemplateProblems.WrongType, "boolean", Describe(value.ValueKind));
                return false;
            }

            return value.GetBoolean();
        }

        /// <summary>An optional list of <see cref="UnitKind"/> names, each once; empty (or left out) is every kind.</summary>
        public List<UnitKind> UnitKinds(string name)
        {
            var kinds = new List<UnitKind>();
            if (!Has(name))
            {
                return kinds;
            }

            var value = _element.GetProperty(name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                Fail(name, ScoreTemplateProblems.WrongType, "array", Describe(value.ValueKind));
                return kinds;
            }

            var names = Enum.GetNames<UnitKind>();
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                var path = $"{PathOf(name)}[{index++}]";
                if (element.ValueKind != JsonValueKind.String)
                {
                    _reader.Report(path, ScoreTemplateProblems.WrongType, "string", Describe(element.ValueKind));
                    Failed = true;
                    continue;
                }

                var text = element.GetString()!;
                if (!names.Contains(text, StringComparer.Ordinal))
                {
                    _reader.Report(path, ScoreTemplateProblems.NotUnitKind, text, string.Join(", ", names));
                    Failed = true;
                    continue;
                }

                var kind = Enum.Parse<UnitKind>(text);
                if (kinds.Contains(kind))
                {
                    _reader.Report(path, ScoreTemplateProblems.RepeatedUnitKind, text);
                    Failed = true;
                    continue;
                }

                kinds.Add(kind);
            }

            return kinds;
        }

        /// <summary>
        /// A required array of <paramref name="min"/>–<paramref name="max"/> objects, each read by <paramref name="read"/>;
        /// <paramref name="clean"/> tells whether every element was read without a problem.
        /// </summary>
        public List<T> List<T>(string name, Func<JsonElement, string, T?> read, int min, int max, out bool clean)
            where T : class
        {
            clean = false;
            if (!_element.TryGetProperty(name, out var value))
            {
                Fail(name, ScoreTemplateProblems.Missing);
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Fail(name, ScoreTemplateProblems.WrongType, "array", Describe(value.ValueKind));
                return [];
            }

            var count = value.GetArrayLength();
            if (count < min)
            {
                Fail(name, ScoreTemplateProblems.TooFew, count.ToString(CultureInfo.InvariantCulture), min.ToString(CultureInfo.InvariantCulture));
            }
            else if (count > max)
            {
                Fail(name, ScoreTemplateProblems.TooMany, count.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
                return [];
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

            clean = _reader.Problems.Count == problems;
            Failed |= !clean;
            return items;
        }

        // JSON's own names for its kinds: the same words in a Chinese and an English message.
        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };
    }
}
