using System.Globalization;
using Quartz;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Migrations.Quartz;

namespace SecrecyDuty.Web.Background;

/// <summary>
/// The scheduler of recurring work: Quartz.NET over its ADO.NET job store in the app's own database, whose tables the app's
/// migrations create (docs/decisions/0016-scheduler-quartz-ado-job-store.md). On SQL Server the instances form a cluster:
/// they share the store and a database lock, so a trigger fires on one instance only; SQLite is one instance's file, and
/// Quartz refuses to cluster over it.
/// </summary>
public static class Scheduler
{
    public const string SchedulerName = "SecrecyDuty";

    /// <summary>The daily trigger of <see cref="ReminderJob"/>.</summary>
    public static readonly TriggerKey DailyReminders = new("reminders-daily", "secrecyduty");

    /// <summary>A run at start-up, so that a day the app was down is caught up at once.</summary>
    public static readonly TriggerKey StartupReminders = new("reminders-at-startup", "secrecyduty");

    /// <summary>The minute's sealing of the audit chain (<see cref="AuditSealJob"/>).</summary>
    public static readonly TriggerKey AuditSeal = new("audit-seal", "secrecyduty");

    /// <summary>The recurring <see cref="SqliteOptimizeJob"/> (SQLite only).</summary>
    public static readonly TriggerKey SqliteOptimize = new("sqlite-optimize", "secrecyduty");

    /// <summary>The nightly judgement of the province's compliance (<see cref="ComplianceRefreshJob"/>), and its run at start-up.</summary>
    public static readonly TriggerKey NightlyCompliance = new("compliance-nightly", "secrecyduty");

    public static readonly TriggerKey StartupCompliance = new("compliance-at-startup", "secrecyduty");

    /// <summary>The one-off retry of <see cref="EmailJob"/> after a run that could not send everything.</summary>
    public static readonly TriggerKey EmailRetry = new("email-retry", "secrecyduty");

    public static IServiceCollection AddSecrecyDutyScheduler(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = DataServiceCollectionExtensions.ConnectionString(configuration, database.Provider, dataDirectory);
        var reminders = new ReminderSettings(
            configuration.GetValue("Reminders:OrderDueSoonDays", ReminderRules.DefaultOrderDueSoonDays),
            configuration.GetValue("Reminders:OrderEscalationDays", ReminderRules.DefaultOrderEscalationDays),
            configuration.GetValue("Reminders:BriefingDueSoonDays", ReminderRules.DefaultBriefingDueSoonDays),
            configuration.GetValue("Reminders:YearEndDueSoonDays", ReminderRules.DefaultYearEndDueSoonDays),
            configuration.GetValue("Reminders:CadreTrainingMonths", ReminderRules.DefaultCadreTrainingMonths));
        services.AddSingleton(reminders);
        var email = configuration.GetSection(EmailSettings.Section).Get<EmailSettings>() ?? new EmailSettings();
        services.AddSingleton(email);
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        var dailyAt = TimeOnly.Parse(configuration["Reminders:DailyAt"] ?? "06:00", CultureInfo.InvariantCulture);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);

            // Quartz keeps real time. The app's clock (TimeProvider, set by tests) says what is due; the scheduler only says when to look.
            q.UseTimeProvider(TimeProvider.System);
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.SqlServer)
                {
                    store.UseSqlServer(connectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                store.ConfigureStore(o => o.TablePrefix = QuartzSchema.TablePrefix);
            });
            q.AddJob<ReminderJob>(j => j.WithIdentity(ReminderJob.Key).StoreDurably());
            q.AddJob<EmailJob>(j => j.WithIdentity(EmailJob.Key).StoreDurably());

            // The audit trail's hash chain is sealed every minute (docs/security.md, "Tamper-evident audit").
            q.AddJob<AuditSealJob>(j => j.WithIdentity(AuditSealJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .WithIdentity(AuditSeal)
                .ForJob(AuditSealJob.Key)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));

            // One durable job for every import, each run named by its trigger; recovered after a crash (ImportJob).
            q.AddJob<ImportJob>(j => j.WithIdentity(ImportJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t
                .WithIdentity(DailyReminders)
                .ForJob(ReminderJob.Key)
                .WithCronSchedule(
                    $"0 {dailyAt.Minute} {dailyAt.Hour} * * ?",
                    cron => cron.InTimeZone(TimeZoneInfo.Local).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            if (configuration.GetValue("Reminders:RunAtStartup", true))
            {
                q.AddTrigger(t => t.WithIdentity(StartupReminders).ForJob(ReminderJob.Key).StartNow());
            }

            // Issue 10: the stored compliance judgements (docs/decisions/0022) judged anew after midnight, every row of the
            // dashboard's years, and at start-up the rows a day or more of downtime left stale.
            var complianceAt = TimeOnly.Parse(configuration["Compliance:RefreshAt"] ?? "00:05", CultureInfo.InvariantCulture);
            q.AddJob<ComplianceRefreshJob>(j => j.WithIdentity(ComplianceRefreshJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .WithIdentity(NightlyCompliance)
                .ForJob(ComplianceRefreshJob.Key)
                .UsingJobData(ComplianceRefreshJob.EveryRowKey, true)
                .WithCronSchedule(
                    $"0 {complianceAt.Minute} {complianceAt.Hour} * * ?",
                    cron => cron.InTimeZone(TimeZoneInfo.Local).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            if (configuration.GetValue("Compliance:RefreshAtStartup", true))
            {
                q.AddTrigger(t => t.WithIdentity(StartupCompliance).ForJob(ComplianceRefreshJob.Key).UsingJobData(ComplianceRefreshJob.EveryRowKey, false).StartNow());
            }

            // Issue 10: SQLite's statistics kept current as the data grows (start-up runs it too, InitializeDatabaseAsync).
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                var every = configuration.GetValue("Database:SqliteOptimizeHours", 6);
                q.AddJob<SqliteOptimizeJob>(j => j.WithIdentity(SqliteOptimizeJob.Key).StoreDurably());
                q.AddTrigger(t => t
                    .WithIdentity(SqliteOptimize)
                    .ForJob(SqliteOptimizeJob.Key)
                    .StartAt(DateTimeOffset.UtcNow.AddHours(every))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(every)).RepeatForever()));
            }
        });

        // Scheduler:Enabled=false: this instance runs no scheduler (a web-only node; the shared test hosts, whose database
        // is reset under them). The job store and the jobs stay registered for whoever asks the scheduler factory.
        if (configuration.GetValue("Scheduler:Enabled", true))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }
}
