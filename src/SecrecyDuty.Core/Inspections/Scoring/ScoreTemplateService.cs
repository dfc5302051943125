using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Inspections.Scoring;

/// <summary>
/// The checklist templates of scored inspections (docs/inspection-templates.md). Every signed-in account reads
/// them, as it reads the regulation catalogue; administrators and secrecy officers load a bureau's own
/// (<see cref="InspectionAccess.CanLoadTemplates"/>). A loaded version is never changed: a change is a new version, which becomes
/// current, while sheets scored under the old one keep referring to it.
/// </summary>
public sealed class ScoreTemplateService(ISecrecyDutyDb db, ICurrentUser user, IStringLocalizer<Messages> l, TimeProvider clock)
{
    /// <summary>The field an upload's errors are reported on.</summary>
    public const string Field = "TemplateFile";

    /// <summary>A template is a few dozen items: a larger file is the wrong file.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public bool CanLoad => InspectionAccess.CanLoadTemplates(user);

    /// <summary>Every loaded version, by code, the newest version first.</summary>
    public async Task<IReadOnlyList<ScoreTemplateListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var templates = await db.ScoreTemplates.AsNoTracking()
            .Select(t => new ScoreTemplateListItem(
                t.Id,
                t.Code,
                t.Version,
                t.Title,
                t.TitleEn,
                t.IsCurrent,
                t.LoadedAtUtc,
                t.LoadedBy,
                t.Categories.Count,
                t.Items.Count))
            .ToListAsync(cancellationToken);

        // Versions compare number by number (1.10 after 1.9), which SQL cannot; templates are few.
        return [.. templates
            .OrderBy(t => t.Code, StringComparer.Ordinal)
            .ThenByDescending(t => t.Version, RegulationVersion.Comparer)];
    }

    /// <summary>The template version <paramref name="id"/>; null when there is none.</summary>
    public async Task<ScoreTemplateDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var loaded = await ScoreTemplateStore.DefinitionAsync(db, id, cancellationToken);
        if (loaded is not { } found)
        {
            return null;
        }

        var record = await db.ScoreTemplates.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new { t.IsCurrent, t.SourceFile, t.LoadedAtUtc, t.LoadedBy })
            .SingleAsync(cancellationToken);
        return new ScoreTemplateDetails(id, record.IsCurrent, record.SourceFile, record.LoadedAtUtc, record.LoadedBy, found.Definition, found.ItemIds);
    }

    /// <summary>The current version of the template <paramref name="code"/>; null when none is loaded.</summary>
    public async Task<ScoreTemplateDetails?> GetCurrentAsync(string code, CancellationToken cancellationToken = default)
    {
        var id = await db.ScoreTemplates.AsNoTracking()
            .Where(t => t.Code == code && t.IsCurrent)
            .Select(t => (int?)t.Id)
            .SingleOrDefaultAsync(cancellationToken);
        return id is int found ? await GetAsync(found, cancellationToken) : null;
    }

    /// <summary>Loads an uploaded template file (see <see cref="LoadAsync(string, string, CancellationToken)"/>).</summary>
    /// <exception cref="AccessDeniedException">The account may not load templates.</exception>
    public async Task<Result<ScoreTemplateEdition>> LoadAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        InspectionAccess.RequireTemplateLoader(user);

        // One byte past the limit tells a file that is too large without reading all of it.
        var buffer = new byte[MaxFileBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxFileBytes)
        {
            return Result<ScoreTemplateEdition>.Failure(new FieldError(Field, l["A template file has at most {0} KB: choose the template's JSON file.", MaxFileBytes / 1024]));
        }

        string json;
        try
        {
            json = StrictUtf8.GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return Result<ScoreTemplateEdition>.Failure(new FieldError(Field, l["The file is not UTF-8 text: save it as UTF-8 and load it again."]));
        }

        return await LoadAsync(json.TrimStart('\uFEFF'), fileName, cancellationToken);
    }

    /// <summary>
    /// Checks <paramref name="json"/> with <see cref="ScoreTemplateLoader"/> against the regulation catalogue and adds it as
    /// a new version, current from now on. Every problem comes back as an error on <see cref="Field"/>, with its JSON path.
    /// A version already loaded, or older than one loaded, is refused: a loaded template only gets newer versions.
    /// </summary>
    /// <exception cref="AccessDeniedException">The account may not load templates.</exception>
    public async Task<Result<ScoreTemplateEdition>> LoadAsync(string json, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        InspectionAccess.RequireTemplateLoader(user);

        // Some browsers send the whole client path, with the client's separators; control and bidirectional characters
        // go as from every other name that comes in (a right-to-left override could disguise it).
        var path = Text.StripUnsafe(fileName ?? "", keepLineBreaks: false);
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (name.Length == 0)
        {
            return Result<ScoreTemplateEdition>.Failure(new FieldError(Field, l["A file has no name: give it a name and choose it again."]));
        }

        if (name.Length > ScoreTemplateLoader.SourceFileMaxLength)
        {
            return Result<ScoreTemplateEdition>.Failure(new FieldError(Field, l["A file name has at most {0} characters: rename {1} and choose it again.", ScoreTemplateLoader.SourceFileMaxLength, name]));
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            return Result<ScoreTemplateEdition>.Failure(new FieldError(Field, l["The file is empty: choose the template's JSON file."]));
        }

        var references = await ScoreTemplateStore.ReferencesAsync(db, cancellationToken);
        var loaded = ScoreTemplateLoader.Parse(name, json, references);
        if (!loaded.Succeeded)
        {
            return Result<ScoreTemplateEdition>.Failure([.. loaded.Problems.Select(p => new FieldError(Field, $"{p.Path}: {l[p.Message, [.. p.Arguments]]}"))]);
        }

        var definition = loaded.Template!;
        var versions = await db.ScoreTemplates
            .Where(t => t.Code == definition.Code)
            .Select(t => t.Version)
            .ToListAsync(cancellationToken);
        if (versions.Contains(definition.Version, StringComparer.Ordinal))
        {
            return Result<ScoreTemplateEdition>.Failure(new FieldError(
                Field, l["{0} version {1} is already loaded: give the changed file a higher version number.", definition.Code, definition.Version]));
        }

        var newest = versions.Max(RegulationVersion.Comparer);
        if (newest is not null && RegulationVersion.Comparer.Compare(definition.Version, newest) < 0)
        {
            return Result<ScoreTemplateEdition>.Failure(new FieldError(
                Field, l["{0} version {1} is older than the loaded version {2}: give the file a version number above {2}.", definition.Code, definition.Version, newest]));
        }

        var template = await ScoreTemplateStore.AddAsync(
            db,
            definition,
            name,
            clock.GetUtcNow().UtcDateTime,
            user.UserName ?? user.UserId ?? "",
            user.UnitId,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ScoreTemplateEdition>.Success(
            new ScoreTemplateEdition(template.Id, template.Code, template.Version, template.Title, template.TitleEn, template.IsCurrent));
    }
}
