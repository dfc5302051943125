namespace SecrecyDuty.Core.Catalogue;

/// <summary>One thing wrong with a regulation file: which file, where in it (a JSON path such as
/// <c>$.dutyItems[3].article</c>) and what.</summary>
public sealed record RegulationFileProblem(string File, string Path, string Problem)
{
    public override string ToString() => $"{File}: {Path}: {Problem}";
}

/// <summary>What <see cref="RegulationLoader"/> made of a file: the regulation, or every problem found in it.</summary>
public sealed class RegulationLoadResult
{
    private RegulationLoadResult(RegulationDefinition? regulation, IReadOnlyList<RegulationFileProblem> problems)
    {
        Regulation = regulation;
        Problems = problems;
    }

    /// <summary>The file name the result is about (without its folder).</summary>
    public required string File { get; init; }

    /// <summary>Null when the file has problems.</summary>
    public RegulationDefinition? Regulation { get; }

    public IReadOnlyList<RegulationFileProblem> Problems { get; }

    public bool Succeeded => Problems.Count == 0;

    internal static RegulationLoadResult Loaded(string file, RegulationDefinition regulation) => new(regulation, []) { File = file };

    internal static RegulationLoadResult Rejected(string file, IReadOnlyList<RegulationFileProblem> problems) => new(null, problems) { File = file };
}

/// <summary>Thrown when regulation files cannot be loaded; the message lists every problem, one a line.</summary>
public sealed class RegulationFileException : Exception
{
    public RegulationFileException()
        : this([])
    {
    }

    public RegulationFileException(string message)
        : base(message)
    {
    }

    public RegulationFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegulationFileException(IReadOnlyList<RegulationFileProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    public IReadOnlyList<RegulationFileProblem> Problems { get; } = [];

    private static string Describe(IReadOnlyList<RegulationFileProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return "The regulation catalogue could not be loaded:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
    }
}
