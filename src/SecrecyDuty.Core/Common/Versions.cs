namespace SecrecyDuty.Core.Common;

/// <summary>The versioning rule of optimistic concurrency, pure (docs/decisions/0020-optimistic-concurrency.md).</summary>
public static class Versions
{
    /// <summary>
    /// The version of a new record, and of every record that existed before versions were kept (the migration gives
    /// them this one), so that 0 never names a stored record.
    /// </summary>
    public const int First = 1;

    /// <summary>The version a form carries for a record that does not exist yet (a unit's first secrecy organization).</summary>
    public const int None = 0;

    /// <summary>
    /// Whether an edit made on the version <paramref name="seen"/> may be saved over what is stored: the stored version
    /// is still that one, or, for a form opened on no record (<see cref="None"/>), there is still none. A form that sent
    /// no version (0) is never saved over a stored record.
    /// </summary>
    /// <param name="stored">The stored record's version; null when there is no record.</param>
    /// <param name="seen">The version the form was opened on.</param>
    public static bool Allows(int? stored, int seen) => stored is int current ? current >= First && seen == current : seen == None;

    /// <summary>The version a save gives a record stored at <paramref name="version"/>.</summary>
    public static int Next(int version) => version < First ? First : version + 1;
}
