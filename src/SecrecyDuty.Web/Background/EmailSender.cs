using MailKit.Net.Smtp;
using MimeKit;

namespace SecrecyDuty.Web.Background;

/// <summary>Sends one message over SMTP with MailKit, a new connection per run of the e-mail job.</summary>
public interface IEmailSender
{
    Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Task> sent, CancellationToken cancellationToken);
}

public sealed class SmtpEmailSender(EmailSettings settings) : IEmailSender
{
    /// <summary>Sends the messages over one connection, calling <paramref name="sent"/> after each, so that what went out is recorded at once.</summary>
    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Task> sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(sent);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Tls, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        foreach (var message in messages)
        {
            await client.SendAsync(message, cancellationToken);
            await sent(message);
        }

        await client.DisconnectAsync(true, cancellationToken);
    }
}
