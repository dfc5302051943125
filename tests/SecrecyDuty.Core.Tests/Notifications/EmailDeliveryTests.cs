using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Core.Tests.Notifications;

/// <summary>Issue 12, e-mail preferences: which notifications go alone and which wait for the digest, one row per choice and kind.</summary>
public sealed class EmailDeliveryTests
{
    [Theory]
    [InlineData(EmailDelivery.Standard, NotificationKind.IncidentClockRunning, true)] // S6.10: the reporting clock runs
    [InlineData(EmailDelivery.Standard, NotificationKind.IncidentReportOverdue, true)] // S6.10, D15.8
    [InlineData(EmailDelivery.Standard, NotificationKind.OrderOverdue, true)] // art. 15
    [InlineData(EmailDelivery.Standard, NotificationKind.OrderEscalated, true)]
    [InlineData(EmailDelivery.Standard, NotificationKind.OrderDueSoon, false)]
    [InlineData(EmailDelivery.Standard, NotificationKind.ProposalFeedbackOverdue, false)]
    [InlineData(EmailDelivery.Digest, NotificationKind.IncidentReportOverdue, false)]
    [InlineData(EmailDelivery.Immediate, NotificationKind.OrderDueSoon, true)]
    public void Each_choice_sends_a_kind_alone_or_in_the_digest(EmailDelivery delivery, NotificationKind kind, bool alone)
    {
        var notification = new PendingNotification(1, kind, NotificationRecord.RectificationOrder, 1, "单位", new DateOnly(2027, 1, 10));
        var pending = new PendingEmail("u", "u@example.cn", "用户", delivery, "zh-CN", [notification]);

        Assert.Equal(alone, pending.Immediate.Contains(notification));
        Assert.Equal(!alone, pending.ForDigest.Contains(notification));
    }

    [Fact]
    public void Muted_kinds_round_trip_and_unknown_names_are_ignored()
    {
        var text = NotificationPreference.FormatKinds([NotificationKind.OrderOverdue, NotificationKind.OrderDueSoon, NotificationKind.OrderOverdue]);

        Assert.Equal("OrderDueSoon,OrderOverdue", text);
        Assert.Equal(new HashSet<NotificationKind> { NotificationKind.OrderDueSoon, NotificationKind.OrderOverdue }, NotificationPreference.ParseKinds(text + ",KindRemovedSince"));
    }
}
