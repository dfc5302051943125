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
public sealed class NotificationPreferenceService(ISecrecyDutyDb db, ICurrentUser user, IValidator<NotificationPreferences> validator)
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
            Language(row?.Language));
    }

    /// <summary>Saves the account's choices; a kind, delivery or language the page does not offer is refused beside its field.</summary>
    public async Task<Result> SaveAsync(NotificationPreferences preferences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var userId = RequireUserId();
        var validation = await validator.ValidateAsync(preferences, cancellationToken);
        if (!validation.IsValid)
        {
            return Result.Failure(validation);
        }

        var row = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null)
        {
            row = new NotificationPreference { UserId = userId };
            db.NotificationPreferences.Add(row);
        }

        // Kinds are read from the enum at run time, so a kind added later is on until the account switches it off.
        row.MutedKinds = NotificationPreference.FormatKinds(Enum.GetValues<NotificationKind>().Except(preferences.Kinds));
        row.Email = preferences.Email;
        row.Language = Language(preferences.Language);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
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
