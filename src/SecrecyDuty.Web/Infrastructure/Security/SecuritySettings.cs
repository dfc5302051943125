namespace SecrecyDuty.Web.Infrastructure.Security;

/// <summary>The settings of section <c>Security</c> (docs/configuration.md).</summary>
public sealed class SecuritySettings
{
    public const string Section = "Security";

    /// <summary>Minutes without a request after which a session ends (the sign-in cookie slides with each request).</summary>
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>
    /// Whether administrators and discipline officials must sign in with an authenticator app. Its default is on
    /// outside Development and off in Development, so that the demo accounts sign in with the printed password.
    /// </summary>
    public bool? RequireTwoFactor { get; set; }

    /// <summary>Sign-in attempts (password or second-factor code) allowed from one client address per minute.</summary>
    public int SignInAttemptsPerAddressPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts allowed for one user name per minute, from whatever addresses.</summary>
    public int SignInAttemptsPerAccountPerMinute { get; set; } = 10;
}
