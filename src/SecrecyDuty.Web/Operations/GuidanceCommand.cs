using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Data.Seeding;

namespace SecrecyDuty.Web.Operations;

/// <summary>
/// The <c>guidance</c> command (docs/sanction-guidance.md): reads one incident case as JSON on standard input
/// and writes <see cref="SanctionGuidance"/>'s answer as JSON on standard output. It runs before the web host
/// is built and needs no database: the texts come from the regulation files beside the app.
/// Exit codes: 0 guidance written; 2 the case is malformed (the message names the field); 1 the regulation
/// files cannot be read.
/// </summary>
public static class GuidanceCommand
{
    public const string Name = "guidance";

    public static readonly JsonSerializerOptions InputOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        Converters = { new ExactEnumConverterFactory() },
    };

    public static readonly JsonSerializerOptions OutputOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Chinese texts stay readable; the output is JSON for programs, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(TextReader input, TextWriter output, TextWriter error) =>
        Run(input, output, error, CatalogueSeeder.DefaultDirectory);

    public static int Run(TextReader input, TextWriter output, TextWriter error, string regulationsDirectory)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var regulation = LoadRegulation(regulationsDirectory, error);
        if (regulation is null)
        {
            return 1;
        }

        SanctionCase? c;
        try
        {
            c = JsonSerializer.Deserialize<SanctionCase>(input.ReadToEnd(), InputOptions);
        }
        catch (JsonException e)
        {
            error.WriteLine($"The case is not valid: {(string.IsNullOrEmpty(e.Path) ? "$" : e.Path)}: {Reason(e.Message)}");
            return 2;
        }

        if (c is null)
        {
            error.WriteLine("The case is not valid: $: give one JSON object (docs/sanction-guidance.md).");
            return 2;
        }

        var problems = SanctionGuidance.Check(c, regulation);
        if (problems.Count > 0)
        {
            foreach (var (path, problem) in problems)
            {
                error.WriteLine($"The case is not valid: {path}: {problem}");
            }

            return 2;
        }

        output.WriteLine(JsonSerializer.Serialize(SanctionGuidance.For(c, regulation), OutputOptions));
        return 0;
    }

    /// <summary>The newest version of the regulation that carries sanction rules.</summary>
    private static RegulationDefinition? LoadRegulation(string directory, TextWriter error)
    {
        var (regulation, problems) = RegulationLoader.NewestWithSanctionRules(directory);
        foreach (var problem in problems)
        {
            error.WriteLine(problem.ToString());
        }

        if (regulation is null)
        {
            error.WriteLine($"No regulation file with sanction rules could be read from {directory}.");
        }

        return regulation;
    }

    /// <summary>System.Text.Json's message without its own "Path: … | LineNumber: …" tail.</summary>
    private static string Reason(string message)
    {
        var tail = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return tail < 0 ? message : message[..tail];
    }

    /// <summary>Enums read from their exact names only (no other casing, no numbers), as the contract states.</summary>
    private sealed class ExactEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ExactEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class ExactEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal))
            {
                return Enum.Parse<T>(value);
            }

            var given = reader.TokenType == JsonTokenType.String ? $"\"{value}\"" : reader.TokenType.ToString();
            throw new JsonException($"{given} is not a {typeof(T).Name}; use one of {string.Join(", ", Enum.GetNames<T>())}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
