using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Infrastructure.Concurrency;

namespace SecrecyDuty.Web.Pages.Notifications;

/// <summary>The account's own choices: which kinds of notification, how by e-mail, in which language (issue 12).</summary>
public sealed class PreferencesModel(NotificationPreferenceService preferences, IStringLocalizer<Messages> l) : PageModel, IVersionedForm
{
    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    /// <summary>The version of the preferences (0: the defaults, never saved) the page was opened on (docs/decisions/0020-optimistic-concurrency.md).</summary>
    [BindProperty]
    public int Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Every kind, read from the enum at run time so that a kind added later is offered too.</summary>
    public static IReadOnlyList<NotificationKind> AllKinds { get; } = Enum.GetValues<NotificationKind>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await preferences.GetAsync(cancellationToken);
        Input = new PreferencesInput { Kinds = [.. current.Kinds], Email = current.Email, Language = current.Language };
        Version = current.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await preferences.SaveAsync(new NotificationPreferences(Input.Kinds, Input.Email, Input.Language, Version), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddResultErrors(result);
            Conflict = result.Conflict;
            return Page();
        }

        StatusMessage = l["Preferences saved."].Value;
        return RedirectToPage();
    }

    public sealed class PreferencesInput
    {
        /// <summary>The kinds ticked: unticked ones are switched off.</summary>
        public List<NotificationKind> Kinds { get; set; } = [];

        public EmailDelivery Email { get; set; }

        public string Language { get; set; } = NotificationPreferenceService.Languages[0];
    }
}
