using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SecrecyDuty.Web.Infrastructure.Diagnostics;

/// <summary>
/// Counts the SQL commands each request executes and sends the count in the response header <c>X-Sql-Commands</c>, for the
/// benchmark (docs/performance.md). Off unless <c>Diagnostics:CountSqlCommands</c> is true: it listens to EF Core's
/// diagnostic events, which cost a little on every command.
/// </summary>
public sealed class SqlCommandCount : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string Header = "X-Sql-Commands";

    private const string EntityFramework = "Microsoft.EntityFrameworkCore";
    private const string CommandExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";

    // The request's counter flows with its async calls; EF Core raises its events on the request's flow.
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    // One listener for the process, however many hosts it runs (the tests run several): two would count each command twice.
    private static readonly Lazy<IDisposable> Listening = new(() => DiagnosticListener.AllListeners.Subscribe(new SqlCommandCount()));

    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Listens to EF Core and counts, per request, in a middleware that sends the count with the response.</summary>
    public static void UseSqlCommandCount(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = Listening.Value;
        app.Use(async (context, next) =>
        {
            var count = new StrongBox<int>();
            Current.Value = count;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = Volatile.Read(ref count.Value).ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next();
        });
    }

    public void OnNext(DiagnosticListener value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Name == EntityFramework)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == CommandExecuted));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuted && Current.Value is { } count)
        {
            Interlocked.Increment(ref count.Value);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
