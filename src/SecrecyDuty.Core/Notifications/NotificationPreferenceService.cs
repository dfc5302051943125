using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Notifications;

/// <summary>
/// The signed-in account's own notification preferences (issue 12): which kinds, how by e-mail, in which language. Like
/// the notifications themselves, every account reads and writes its own and nobody else's.
/// </summary>
public sealed class NotificationPreferenceService(ISecrecyDutyDb db, ICurrentUser user, IValidator<NotificationPreferences> validator, IStringLocalizer<Messages> l)
{
    /// <summary>The languages an e-mail can be written in; null or anything else means the first, Chinese.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "en"];

    public async Task<NotificationPreferences> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = RequireUserId();
        var row = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var muted = row?.Muted() ?? new HashSet<NotificationKind>();
        return new NotificationPreferences(
            [.. Enum.GetValues<NotificationKind>().Where(k => !muted.Contains(k))],
            row?.Email ?? EmailDelivery.Standard,
            Language(row?.Language),
            row?.Version ?? Versions.None);
    }

    /// <summary>
    /// Saves the account's choices over the version the page was opened on (<see cref="NotificationPreferences.Version"/>; a
    /// conflict when the account saved them elsewhere since, in another window); a kind, delivery or language the page does
    /// not offer is refused beside its field.
    /// </summary>
    public async Task<Result> SaveAsync(NotificationPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var userId = RequireUserId();
        var row = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (!Versions.Allows(row?.Version, preferences.Version))
        {
            return await ConflictAsync(userId, preferences, cancellationToken);
        }

        var validation = await validator.ValidateAsync(preferences, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var isNew = row is null;
        if (row is null)
        {
            row = new NotificationPreference { UserId = userId };
            db.NotificationPreferences.Add(row);
        }

        // Kinds are read from the enum at run time, so a kind added later is on until the account switches it off.
        row.MutedKinds = NotificationPreference.FormatKinds(Enum.GetValues<NotificationKind>().Except(preferences.Kinds));
        row.Email = preferences.Email;
        row.Language = Language(preferences.Language);
        var saved = isNew
            ? await db.TrySaveNewAsync(ct => db.NotificationPreferences.AnyAsync(p => p.UserId == userId, ct), cancellationToken)
            : await db.TrySaveOverAsync(row, preferences.Version, cancellationToken);
        return saved ? Result.Success() : await ConflictAsync(userId, preferences, cancellationToken);
    }

    /// <summary>The preferences as stored now beside the form's: nothing was saved.</summary>
    private async Task<Result> ConflictAsync(string userId, NotificationPreferences yours, CancellationToken cancellationToken)
    {
        var row = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var conflict = await db.ConflictAsync(row is null ? VersionStamp.None : new VersionStamp(row.Version, row.SavedAtUtc, row.SavedBy), cancellationToken);
        var muted = row?.Muted() ?? new HashSet<NotificationKind>();
        string LanguageName(string? language) => Language(language) == "en" ? l["Language:en"] : l["Language:zh-CN"];
        return Result.Failure(conflict
            .Field(l["Kinds you want"], Enum.GetValues<NotificationKind>().Where(k => !muted.Contains(k)).ToList(), yours.Kinds.Distinct().Order().ToList())
            .Field(l["E-mail delivery"], row?.Email ?? EmailDelivery.Standard, yours.Email)
            .Field(l["Language of e-mail"], LanguageName(row?.Language), LanguageName(yours.Language)));
    }

    /// <summary>A supported language, Chinese for anything else.</summary>
    public static string Language(string? language) =>
        Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? Languages[0];

    private string RequireUserId()
    {
        AccessDeniedException.ThrowUnless(user.IsAuthenticated && user.UserId is not null);
        return user.UserId!;
    }
}

public sealed class NotificationPreferencesValidator : AbstractValidator<NotificationPreferences>
{
    public NotificationPreferencesValidator(IStringLocalizer<Messages> l)
    {
        ArgumentNullException.ThrowIfNull(l);
        RuleForEach(x => x.Kinds).IsInEnum().WithMessage(l["Choose among the kinds listed."]);
        RuleFor(x => x.Email).IsInEnum().WithMessage(l["Choose one of the ways of e-mail listed."]);
        RuleFor(x => x.Language)
            .Must(language => NotificationPreferenceService.Languages.Contains(language, StringComparer.Ordinal))
            .WithMessage(l["Choose Chinese or English."]);
    }
}
