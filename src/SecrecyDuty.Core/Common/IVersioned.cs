namespace SecrecyDuty.Core.Common;

/// <summary>
/// A record people edit through forms, under optimistic concurrency (docs/decisions/0020-optimistic-concurrency.md):
/// each save raises <see cref="Version"/> by one and stamps who saved it and when (the app's DbContext does both, for
/// every such record), and an update is written only while the stored version is still the one the editor saw.
/// </summary>
public interface IVersioned
{
    /// <summary><see cref="Versions.First"/> when created; a concurrency token: every update compares it.</summary>
    int Version { get; set; }

    /// <summary>When the record was last saved (created or changed); null for a record saved before versions were kept.</summary>
    DateTime? SavedAtUtc { get; set; }

    /// <summary>The sign-in name of the account that saved it last, as the audit trail names it; "(system)" for jobs and commands.</summary>
    string? SavedBy { get; set; }

    /// <summary>
    /// Whether a change of <paramref name="propertyName"/> alone leaves the record as its editors see it, so that it raises
    /// no version: an account's sign-in bookkeeping. None by default.
    /// </summary>
    bool IsBookkeeping(string propertyName) => false;
}
