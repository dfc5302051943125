using MailKit.Security;

namespace SecrecyDuty.Web.Background;

/// <summary>The <c>Email</c> section (docs/configuration.md): off unless an operator sets an SMTP server.</summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    public bool Enabled { get; set; }

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's <see cref="SecureSocketOptions"/>).</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Empty: the server is used without authentication.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "";

    public string FromName { get; set; } = "SecrecyDuty";

    /// <summary>The app's public address, for the link in each message; none when empty.</summary>
    public string? AppUrl { get; set; }

    /// <summary>Attempts per message within one run before it waits for the next run.</summary>
    public int SendAttempts { get; set; } = 3;

    /// <summary>The wait after the first failed attempt, doubled after each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>When a run could not send everything: the job runs again after this long (a persistent Quartz trigger).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
