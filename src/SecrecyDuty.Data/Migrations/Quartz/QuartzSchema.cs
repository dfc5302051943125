using System.Text.RegularExpressions;

namespace SecrecyDuty.Data.Migrations.Quartz;

/// <summary>
/// The tables of the Quartz.NET ADO.NET job store, created by the app's own migrations (one statement per
/// <c>migrationBuilder.Sql</c>) so that one <c>migrate</c> sets up the whole database on either provider. The scripts are
/// Quartz's own, as the Quartz package of that version embeds them for its <c>SchemaProvisioning</c> and the Quartz
/// repository publishes them (database/tables/tables_sqlite.sql, tables_sqlServer.sql), kept verbatim under the version
/// they belong to: a migration written against one version keeps creating that version's schema after an upgrade, and
/// the upgrade adds its own migration from Quartz's database/migrations scripts.
/// </summary>
public static partial class QuartzSchema
{
    /// <summary>The table prefix the scheduler is configured with (Quartz's default).</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>The statements of <paramref name="script"/> (for instance "quartz-4.7.3-sqlite"), the prefix filled in.</summary>
    public static IReadOnlyList<string> Statements(string script)
    {
        var name = $"SecrecyDuty.Data.Quartz.{script}.sql";
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Quartz schema script {name} is not embedded in {typeof(QuartzSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);

        // Quartz separates statements with a line reading exactly "--;;" and names the prefix {0} (and {1} where an
        // identifier cannot carry a schema); each piece is sent as one command, as Quartz itself sends it.
        return [.. text.Split("\n--;;\n")
            .Select(piece => piece.Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal).Trim())
            .Where(piece => piece.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))];
    }

    /// <summary>The tables <paramref name="script"/> creates, children first, for a migration's Down.</summary>
    public static IReadOnlyList<string> Tables(string script) =>
        [.. Statements(script)
            .Select(s => CreateTable().Match(s))
            .Where(m => m.Success)
            .Select(m => m.Groups["name"].Value)
            .Distinct(StringComparer.Ordinal)
            .Reverse()];

    [GeneratedRegex(@"CREATE TABLE (IF NOT EXISTS )?(?<name>QRTZ_[A-Z_]+)")]
    private static partial Regex CreateTable();
}
