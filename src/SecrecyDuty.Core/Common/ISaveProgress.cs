namespace SecrecyDuty.Core.Common;

/// <summary>
/// The rows one long SaveChanges has written so far, for a progress bar (the import writes tens of thousands in one
/// save). Only where the provider can tell rows: <see cref="ISecrecyDutyDb.TrackSaveProgress"/> returns none otherwise.
/// </summary>
public interface ISaveProgress : IDisposable
{
    /// <summary>Counts the rows written from now on, calling <paramref name="rowsWritten"/> every few hundred.</summary>
    void Start(Action<int> rowsWritten);
}
