using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Background;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>Settings, accounts and job runs the e-mail tests share.</summary>
internal static class EmailTestData
{
    /// <summary>A host with the scheduler on and e-mail to the given loopback port, without TLS (the test server has no certificate).</summary>
    public static Action<IWebHostBuilder> WithEmail(int port, int sendAttempts = 3) => builder =>
    {
        builder.UseSetting("Scheduler:Enabled", "true");
        builder.UseSetting("Reminders:RunAtStartup", "false");
        builder.UseSetting("Email:Enabled", "true");
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Tls", "None");
        builder.UseSetting("Email:From", "secrecyduty@example.cn");
        builder.UseSetting("Email:SendAttempts", sendAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:RetryDelay", "00:00:00.050");
        builder.UseSetting("Email:RetryAfter", "01:00:00");
        builder.UseSetting("Email:Timeout", "00:00:10");
    };

    /// <summary>Gives an account an e-mail address and, when given, how it wants e-mail.</summary>
    public static Task SetEmailAsync(TestApp app, string userName, string address, EmailDelivery? delivery = null) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            user.Email = address;
            if (delivery is { } d)
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = user.Id, Email = d });
            }

            await db.SaveChangesAsync();
        });

    /// <summary>The account names whose notifications are recorded as e-mailed, one per notification.</summary>
    public static Task<List<string>> EmailedAsync(TestApp app) =>
        app.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (from n in db.Notifications
                    join u in db.Users on n.UserId equals u.Id
                    where n.EmailedAtUtc != null
                    orderby u.UserName
                    select u.UserName!).ToListAsync();
        });
}

/// <summary>Counts the runs of <see cref="EmailJob"/> on a host's scheduler, however they were started, and what they threw.</summary>
internal sealed class EmailJobRuns : IJobListener
{
    private readonly SemaphoreSlim _done = new(0);
    private IScheduler _scheduler = null!;

    public ConcurrentQueue<JobExecutionException> Exceptions { get; } = new();

    public string Name { get; } = "email-test-" + Guid.NewGuid().ToString("N");

    public static async Task<EmailJobRuns> ListenAsync(TestApp app)
    {
        var runs = new EmailJobRuns { _scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler() };
        runs._scheduler.ListenerManager.AddJobListener(runs, []);
        return runs;
    }

    public IScheduler Scheduler => _scheduler;

    public async Task TriggerAsync() => await _scheduler.TriggerJob(EmailJob.Key, null!);

    /// <summary>Waits for <paramref name="count"/> more runs to end.</summary>
    public async Task WaitForAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _done.WaitAsync(TimeSpan.FromSeconds(60)), "the e-mail job did not run");
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.Key.Equals(EmailJob.Key))
        {
            if (jobException is not null)
            {
                Exceptions.Enqueue(jobException);
            }

            _done.Release();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Keeps what <see cref="EmailJob"/> logs, to see its failures logged.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception), exception));
}
