namespace SecrecyDuty.Web.Infrastructure;

/// <summary>The web layer's log events, source-generated so that disabled levels cost nothing.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{UserName} signed in")]
    public static partial void SignedIn(ILogger logger, string userName);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Sign-in refused for {UserName}: locked out")]
    public static partial void LockedOut(ILogger logger, string userName);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Sign-in failed for {UserName}")]
    public static partial void SignInFailed(ILogger logger, string userName);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Access denied to {Path} for {UserName}")]
    public static partial void AccessDenied(ILogger logger, string path, string? userName);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    public static partial void DatabaseMigrated(ILogger logger, SecrecyDuty.Data.DatabaseProvider provider);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Data-protection keys are stored in the database unencrypted: whoever reads the database can forge sign-in cookies. Set {Setting} to a certificate (docs/configuration.md)")]
    public static partial void DataProtectionKeysUnencrypted(ILogger logger, string setting);
}
