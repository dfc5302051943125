using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using MimeKit;
using Quartz;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// Sends the stored notifications by e-mail (issue 12; docs/reminders.md, "E-mail"): per account, the urgent kinds each in
/// a message of its own and the rest in one digest, in the account's language, as its preferences say. The reminder job
/// starts it after each run, so no request ever waits on SMTP. What has gone out is recorded on each notification right
/// after its message (<see cref="NotificationEmailService.MarkSentAsync"/>), and Quartz runs the job on one instance at a
/// time, so nothing is sent twice. A failure is retried with a doubling wait, logged, and never thrown into the scheduler;
/// what is still unsent is tried again by a persistent one-off trigger after <see cref="EmailSettings.RetryAfter"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class EmailJob(
    IServiceScopeFactory scopes,
    EmailSettings settings,
    IEmailSender sender,
    IStringLocalizer<Messages> l,
    TimeProvider clock,
    ILogger<EmailJob> logger) : IJob
{
    public static readonly JobKey Key = new("email", "secrecyduty");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!settings.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationEmailService>();
        var pending = await outbox.PendingAsync(cancellationToken);
        var messages = new Dictionary<MimeMessage, long[]>();
        foreach (var account in pending)
        {
            foreach (var (message, ids) in Compose(account))
            {
                messages[message] = ids;
            }
        }

        if (messages.Count == 0)
        {
            return;
        }

        var unsent = messages.Keys.ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sender.SendAsync([.. unsent], async message =>
                {
                    await outbox.MarkSentAsync(messages[message], cancellationToken);
                    unsent.Remove(message);
                }, cancellationToken);
                Sent(logger, messages.Count);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt >= settings.SendAttempts)
                {
                    GaveUp(logger, ex, unsent.Count, attempt, settings.RetryAfter);
                    await ScheduleRetryAsync(context.Scheduler, cancellationToken);
                    return;
                }

                var wait = settings.RetryDelay * Math.Pow(2, attempt - 1);
                AttemptFailed(logger, ex, attempt, unsent.Count, wait);
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    /// <summary>The account's messages, each with the notifications it carries: one per immediate notification, one digest for the rest.</summary>
    private List<(MimeMessage Message, long[] Ids)> Compose(PendingEmail account)
    {
        // The localizer reads the current UI culture; an async-local, so setting it here concerns this job alone.
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(account.Language);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            var result = new List<(MimeMessage, long[])>();
            foreach (var item in account.Immediate)
            {
                result.Add((Message(account, l["SecrecyDuty reminder: {0} – {1}", l.Enum(item.Kind), item.Subject], [item]), [item.Id]));
            }

            if (account.ForDigest is { Count: > 0 } digest)
            {
                var today = LocalDate.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                result.Add((Message(account, l["SecrecyDuty daily digest for {0}: {1} items", today, digest.Count], digest), [.. digest.Select(n => n.Id)]));
            }

            return result;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private MimeMessage Message(PendingEmail account, string subject, IReadOnlyList<PendingNotification> items)
    {
        var body = new StringBuilder()
            .AppendLine(l["Dear {0},", account.DisplayName])
            .AppendLine()
            .AppendLine(l["These items need your attention:"]);
        foreach (var item in items)
        {
            var due = l["due {0}", item.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
            body.AppendLine(CultureInfo.InvariantCulture, $"- {l.Enum(item.Kind)}: {l.Enum(item.RecordType)} {item.Subject} ({due})");
        }

        body.AppendLine();
        if (!string.IsNullOrWhiteSpace(settings.AppUrl))
        {
            body.AppendLine(l["Open your notifications: {0}", settings.AppUrl.TrimEnd('/') + "/Notifications"]);
        }

        body.AppendLine(l["Choose what you receive under Notifications, Preferences."]);
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body.ToString() } };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(account.DisplayName, account.Address));
        return message;
    }

    private async Task ScheduleRetryAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(Scheduler.EmailRetry)
            .ForJob(Key)
            .StartAt(DateTimeOffset.UtcNow + settings.RetryAfter)
            .Build();

        // One pending retry at most: a later failure moves it rather than adding another.
        if (await scheduler.GetTrigger(Scheduler.EmailRetry, cancellationToken) is not null)
        {
            await scheduler.RescheduleJob(Scheduler.EmailRetry, trigger, cancellationToken);
        }
        else
        {
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail: {Count} messages sent")]
    private static partial void Sent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail: attempt {Attempt} failed with {Unsent} messages unsent; next attempt in {Wait}")]
    private static partial void AttemptFailed(ILogger logger, Exception exception, int attempt, int unsent, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail: {Unsent} messages unsent after {Attempts} attempts; the job runs again in {RetryAfter}")]
    private static partial void GaveUp(ILogger logger, Exception exception, int unsent, int attempts, TimeSpan retryAfter);
}
