using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Data.Writes;

/// <summary>
/// Counts the commands EF Core executes for one context, through its DiagnosticSource events, so that the
/// one long SaveChanges of an import can show progress. Only where one command is one row: SQLite does not
/// batch, so its count is exact; a provider that batches (SQL Server) would show a count of batches, and
/// gets no counter at all (<see cref="AppDbContext.TrackSaveProgress"/>).
/// </summary>
/// <remarks>
/// EF Core decides whether a context's commands need events at most once a second (its logging cache
/// time) and remembers "no" for that second: the subscription is made before the import's first query, so
/// that the answer is "yes" from the start; commands are counted only from <see cref="Start"/> on.
/// </remarks>
internal sealed class CommandCounter : ISaveProgress, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string CommandExecuting = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting";
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private const int ReportEvery = 500;

    private readonly DbContext _context;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _listeners;
    private Action<int>? _report;
    private int _count;

    public CommandCounter(DbContext context)
    {
        _context = context;
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Counts the commands from now on, calling <paramref name="rowsWritten"/> every few hundred.</summary>
    public void Start(Action<int> rowsWritten)
    {
        _count = 0;
        Volatile.Write(ref _report, rowsWritten);
    }

    /// <summary>
    /// EF Core writes to its own listener, or to the application's (ASP.NET Core registers one as the
    /// DiagnosticSource that EF Core then uses): every listener is asked, for this one event only.
    /// </summary>
    public void OnNext(DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_subscriptions)
        {
            _subscriptions.Add(value.Subscribe(this, name => name is CommandExecuting or CommandExecuted));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted && Volatile.Read(ref _report) is { } report
            && value.Value is DbContextEventData data && ReferenceEquals(data.Context, _context))
        {
            var count = Interlocked.Increment(ref _count);
            if (count % ReportEvery == 0)
            {
                report(count);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
