using System.Globalization;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// One thing wrong with a template file: which file, where in it (a JSON path such as
/// <c>$.categories[1].items[3].points</c>) and what. <see cref="Message"/> is one of <see cref="ScoreTemplateProblems"/>,
/// a template whose <see cref="Arguments"/> fill it: the log gets <see cref="Problem"/>, in English; a page shows
/// the message localized.
/// </summary>
public sealed record ScoreTemplateFileProblem(string File, string Path, string Message, IReadOnlyList<string> Arguments)
{
    public string Problem => string.Format(CultureInfo.InvariantCulture, Message, [.. Arguments]);

    public override string ToString() => $"{File}: {Path}: {Problem}";
}

/// <summary>What <see cref="ScoreTemplateLoader"/> made of a file: the template, or every problem found in it.</summary>
public sealed class ScoreTemplateLoadResult
{
    private ScoreTemplateLoadResult(string file, ScoreTemplateDefinition? template, IReadOnlyList<ScoreTemplateFileProblem> problems)
    {
        File = file;
        Template = template;
        Problems = problems;
    }

    /// <summary>The file name the result is about (without its folder).</summary>
    public string File { get; }

    /// <summary>Null when the file has problems.</summary>
    public ScoreTemplateDefinition? Template { get; }

    public IReadOnlyList<ScoreTemplateFileProblem> Problems { get; }

    public bool Succeeded => Problems.Count == 0;

    internal static ScoreTemplateLoadResult Loaded(string file, ScoreTemplateDefinition template) => new(file, template, []);

    internal static ScoreTemplateLoadResult Rejected(string file, IReadOnlyList<ScoreTemplateFileProblem> problems) => new(file, null, problems);
}

/// <summary>Thrown when the shipped template files cannot be loaded; the message lists every problem, one a line.</summary>
public sealed class ScoreTemplateFileException : Exception
{
    public ScoreTemplateFileException()
        : this([])
    {
    }

    public ScoreTemplateFileException(string message)
        : base(message)
    {
    }

    public ScoreTemplateFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScoreTemplateFileException(IReadOnlyList<ScoreTemplateFileProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    public IReadOnlyList<ScoreTemplateFileProblem> Problems { get; } = [];

    private static string Describe(IReadOnlyList<ScoreTemplateFileProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return "The inspection templates could not be loaded:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
    }
}

/// <summary>
/// Every problem the loader and the seeder report, as English templates that are also the keys of their
/// translations (Resources/scoring.*.json; a test checks that each has its Chinese).
/// </summary>
public static class ScoreTemplateProblems
{
    public const string CannotRead = "cannot be read: {0}";
    public const string NotJson = "is not valid JSON ({0}): {1}";
    public const string WrongType = "must be a JSON {0}, not {1}";
    public const string UnknownField = "is not a field of this object; the fields are {0}";
    public const string Missing = "is missing";
    public const string Empty = "is empty";
    public const string TooLong = "is {0} characters long; at most {1} fit";
    public const string NotCode = "\"{0}\" is not a code: use letters, digits, dots and hyphens, beginning with a letter or digit";
    public const string NotVersion = "\"{0}\" is not a version: use numbers separated by dots, such as 1.0 or 2.1";
    public const string TooFew = "has {0}; give at least {1}";
    public const string TooMany = "has {0}; at most {1} fit";
    public const string TooManyItems = "hold {0} items in all; at most {1} fit";
    public const string DuplicateCode = "duplicate code \"{0}\": {1} has it already";
    public const string NotPositive = "is {0}: it must be more than 0";
    public const string Negative = "is {0}: it cannot be less than 0";
    public const string TooManyDecimals = "is {0}: give at most {1} decimal places";
    public const string TooLarge = "is {0}: at most {1} fits";
    public const string DeductionOverPoints = "is {0}, more than the item's points ({1}): one defect loses at most the item's points";
    public const string NotUnitKind = "\"{0}\" is not a unit kind; the kinds are {1}";
    public const string RepeatedUnitKind = "repeats {0}: name each kind once";
    public const string MinimumOutOfRange = "is {0}: a minimum percentage lies between 0 and 100";
    public const string GradesNotDescending = "is {0}, not below the band before it ({1}): list the bands from the highest minimum down, without two at the same minimum";
    public const string GradesNotFromZero = "the last band's minimum is {0}: it must be 0, so that every percentage has a grade";
    public const string UnknownDutyCode = "refers to \"{0}\", which is not a duty item or rule area of the regulation catalogue";
    public const string UnknownDeficiencyCode = "refers to \"{0}\", which is not a deficiency of the regulation catalogue";
    public const string SameVersionTwice = "{0} version {1} is also in {2}: give each version one file";

    /// <summary>Every template above, for the translation test.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(ScoreTemplateProblems).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
