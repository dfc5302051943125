using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Web.Background;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>
/// Issue 12, e-mail: against a real SMTP server on loopback, the digest arrives in Chinese naming the due items, the urgent
/// kinds arrive each on its own, nothing arrives twice across runs, and a server that does not answer is retried and logged
/// without failing the job, and later receives what was waiting.
/// </summary>
public sealed class EmailJobTests
{
    [Fact]
    public async Task The_digest_arrives_in_Chinese_naming_the_due_items_and_nothing_is_sent_twice_across_two_runs()
    {
        using var smtp = LoopbackSmtpServer.Start(LoopbackSmtpServer.FreePort());
        using var app = TestApp.StartOwn(EmailTestData.WithEmail(smtp.Port));
        var province = await ReminderProvince.CreateAsync(app);
        await EmailTestData.SetEmailAsync(app, "officer", "officer@example.cn", EmailDelivery.Digest);
        await EmailTestData.SetEmailAsync(app, "deptofficer", "dept@example.cn");
        app.Clock.Advance(ReminderProvince.ToDay);
        var runs = await EmailJobRuns.ListenAsync(app);

        // Each reminder run starts the e-mail job; it is also run by hand after each: four runs in all.
        await ReminderProvince.RunJobAsync(app);
        await runs.TriggerAsync();
        await ReminderProvince.RunJobAsync(app);
        await runs.TriggerAsync();
        await runs.WaitForAsync(4);

        Assert.Empty(runs.Exceptions);
        var received = smtp.Received;
        var digest = Assert.Single(received, m => m.To.Mailboxes.Single().Address == "officer@example.cn");
        Assert.Equal("保密工作每日提醒（2027-01-10）：共 3 项", digest.Subject);
        var body = digest.TextBody;
        Assert.Contains("请处理下列事项：", body, StringComparison.Ordinal);
        Assert.Contains("泄密事件逾期未报告", body, StringComparison.Ordinal);
        Assert.Contains("未报泄密", body, StringComparison.Ordinal);
        Assert.Contains("整改逾期已久", body, StringComparison.Ordinal);
        Assert.Contains("建议逾期未反馈", body, StringComparison.Ordinal);
        Assert.Contains("张处长", body, StringComparison.Ordinal);
        Assert.Contains("到期日 2026-12-10", body, StringComparison.Ordinal);

        // The standard choice: the leak report overdue and the order overdue are urgent, each in a message of its own.
        var immediate = received.Where(m => m.To.Mailboxes.Single().Address == "dept@example.cn").Select(m => m.Subject).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["保密工作提醒：整改逾期未报 – " + await SubjectOfAsync(app, province.OrderA), "保密工作提醒：泄密事件逾期未报告 – 未报泄密"], immediate.Order(StringComparer.Ordinal));
        Assert.Equal(3, received.Count);

        // Recorded as sent, so a restart sends nothing again; an account without an address is left alone.
        Assert.Equal(["deptofficer", "deptofficer", "officer", "officer", "officer"], await EmailTestData.EmailedAsync(app));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_retried_and_logged_without_failing_the_job_and_a_later_run_sends()
    {
        var port = LoopbackSmtpServer.FreePort();
        var log = new CapturingLogger<EmailJob>();
        using var app = TestApp.StartOwn(builder =>
        {
            EmailTestData.WithEmail(port, sendAttempts: 2)(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<ILogger<EmailJob>>(log));
        });
        await ReminderProvince.CreateAsync(app);
        await EmailTestData.SetEmailAsync(app, "healthofficer", "health@example.cn");
        app.Clock.Advance(ReminderProvince.ToDay);
        var runs = await EmailJobRuns.ListenAsync(app);

        await ReminderProvince.RunJobAsync(app);
        await runs.WaitForAsync(1);

        Assert.Empty(runs.Exceptions);
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning && e.Exception is not null);
        Assert.Single(log.Entries, e => e.Level == LogLevel.Error && e.Exception is not null);
        Assert.NotNull(await runs.Scheduler.GetTrigger(Scheduler.EmailRetry));
        Assert.Empty(await EmailTestData.EmailedAsync(app));

        using var smtp = LoopbackSmtpServer.Start(port);
        await runs.TriggerAsync();
        await runs.WaitForAsync(1);

        var digest = Assert.Single(smtp.Received);
        Assert.Equal("保密工作每日提醒（2027-01-10）：共 1 项", digest.Subject);
        Assert.Contains("整改期限将至", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal(["healthofficer"], await EmailTestData.EmailedAsync(app));
    }

    private static Task<string> SubjectOfAsync(TestApp app, int orderId) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SecrecyDuty.Data.AppDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Notifications.Where(n => n.RecordId == orderId && n.Kind == NotificationKind.OrderOverdue).Select(n => n.Subject));
        });
}
