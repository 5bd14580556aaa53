using SkillBridge.Core.Mail;
using SkillBridge.Core.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace SkillBridge.Tests.Outbox;

/// <summary>The background sender against a real SMTP server, on a fake clock: retries, leases, failure.</summary>
public sealed class OutboxSenderTests : IAsyncDisposable
{
    private readonly OutboxSite _site = new();

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task SendDue_SmtpServerWasDown_RetriesAfterOneMinuteAndDeliversOnce()
    {
        using var sut = _site.NewSender();
        _site.Smtp.Stop();
        var id = await _site.EnqueueAsync(subject: "Retry me");

        Assert.Equal(0, await sut.SendDueAsync());
        var failed = await _site.RowAsync(id);
        Assert.Equal(OutboxState.Pending, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(_site.Now.AddMinutes(1), failed.NextAttemptAt);

        _site.Smtp.Start();
        _site.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await sut.SendDueAsync());
        Assert.Empty(_site.Smtp.Messages);

        _site.Clock.Advance(TimeSpan.FromSeconds(1));
        var sentAt = _site.Now;
        Assert.Equal(1, await sut.SendDueAsync());
        _site.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await sut.SendDueAsync());

        var mail = Assert.Single(_site.Smtp.Messages);
        Assert.Equal("Retry me", mail.Subject);
        Assert.Equal(sentAt, mail.Date.UtcDateTime);
        var sent = await _site.RowAsync(id);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(sent.MessageId, mail.MessageId);
    }

    [Fact]
    public async Task SendDue_TwoSendersAtOnce_DeliverTheRowExactlyOnce()
    {
        using var first = _site.NewSender();
        using var second = _site.NewSender();
        var id = await _site.EnqueueAsync(subject: "Only once");

        var delivered = await Task.WhenAll(first.SendDueAsync(), second.SendDueAsync());

        Assert.Equal(1, delivered.Sum());
        Assert.Single(_site.Smtp.Messages);
        Assert.Equal(OutboxState.Sent, (await _site.RowAsync(id)).State);
    }

    [Fact]
    public async Task SendDue_RowLeasedByAnotherSender_WaitsUntilTheLeaseExpiresThenClaimsIt()
    {
        using var died = _site.NewSender();
        using var sut = _site.NewSender();
        var id = await _site.EnqueueAsync();
        Assert.Single(await died.ClaimAsync(10, CancellationToken.None));

        Assert.Equal(0, await sut.SendDueAsync());
        _site.Clock.Advance(OutboxSender.LeaseDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await sut.SendDueAsync());
        Assert.Empty(_site.Smtp.Messages);

        _site.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sut.SendDueAsync());
        Assert.Single(_site.Smtp.Messages);
        Assert.Equal(OutboxState.Sent, (await _site.RowAsync(id)).State);
    }

    [Fact]
    public async Task SendDue_SenderDiedAfterTheServerAcceptedTheMail_SendsItOnceMoreWithTheSameMessageId()
    {
        using var died = _site.NewSender();
        using var sut = _site.NewSender();
        var id = await _site.EnqueueAsync(subject: "Accepted, then the sender died");
        var row = await _site.RowAsync(id);
        Assert.Single(await died.ClaimAsync(10, CancellationToken.None));

        // The dead sender got as far as handing the mail to the server, and no further.
        await _site.Factory.Services.GetRequiredService<MailSender>().SendAsync(new OutgoingMail(row.Recipient, row.Summary, "Hello."), row.MessageId, CancellationToken.None);
        _site.Clock.Advance(OutboxSender.LeaseDuration);
        Assert.Equal(1, await sut.SendDueAsync());
        _site.Clock.Advance(OutboxSender.LeaseDuration * 3);
        Assert.Equal(0, await sut.SendDueAsync());

        var messages = _site.Smtp.Messages;
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(row.MessageId, m.MessageId));
    }

    [Fact]
    public async Task SendDue_SecondSenderAlsoDiedWhileSending_MarksTheRowFailedInsteadOfAThirdCopy()
    {
        using var sut = _site.NewSender();
        var id = await _site.EnqueueAsync(subject: "Two senders died");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            // Each sender may have handed the mail to the server before it stopped.
            using var died = _site.NewSender();
            Assert.Single(await died.ClaimAsync(10, CancellationToken.None));
            _site.Clock.Advance(OutboxSender.LeaseDuration);
        }

        Assert.Equal(0, await sut.SendDueAsync());

        Assert.Empty(_site.Smtp.Messages);
        var row = await _site.RowAsync(id);
        Assert.Equal(OutboxState.Failed, row.State);
        Assert.Equal(OutboxSender.InterruptedMessage, row.LastError);
        Assert.Null(row.LeaseId);

        // An admin who learns the mail never arrived retries it: it is sent once.
        await using (var scope = _site.Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(OutboxRetryStatus.Due, await scope.ServiceProvider.GetRequiredService<OutboxAdmin>().RetryAsync(id));
        }

        Assert.Equal(1, await sut.SendDueAsync());
        Assert.Equal("Two senders died", Assert.Single(_site.Smtp.Messages).Subject);
    }

    [Fact]
    public async Task SendDue_FailingAfterTheFourthRetry_MarksTheRowFailedWithTheLastError()
    {
        using var sut = _site.NewSender();
        _site.Smtp.Stop();
        var id = await _site.EnqueueAsync();

        Assert.Equal(0, await sut.SendDueAsync());
        foreach (var (delay, attempts) in OutboxSender.RetryDelays.Select((d, i) => (d, i + 1)))
        {
            var waiting = await _site.RowAsync(id);
            Assert.Equal((OutboxState.Pending, attempts), (waiting.State, waiting.Attempts));
            Assert.Equal(_site.Now + delay, waiting.NextAttemptAt);
            _site.Clock.Advance(delay);
            Assert.Equal(0, await sut.SendDueAsync());
        }

        var failed = await _site.RowAsync(id);
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal(5, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));

        _site.Smtp.Start();
        _site.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await sut.SendDueAsync());
        Assert.Empty(_site.Smtp.Messages);
    }

    [Fact]
    public async Task SendDue_MailWithASecret_RemovesTheBodyOnceSent()
    {
        using var sut = _site.NewSender();
        var id = await _site.EnqueueAsync(body: "Your link: https://skills.example.com/account/resetpassword?code=secret", secretUntil: _site.Now.AddHours(3));
        Assert.NotNull((await _site.RowAsync(id)).Payload);

        Assert.Equal(1, await sut.SendDueAsync());

        Assert.Contains("code=secret", Assert.Single(_site.Smtp.Messages).Body, StringComparison.Ordinal);
        var sent = await _site.RowAsync(id);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Null(sent.Payload);
    }

    [Fact]
    public async Task Purge_SecretExpiredBeforeSending_RemovesTheBodyAndMarksTheRowFailed()
    {
        using var sut = _site.NewSender();
        _site.Smtp.Stop();
        var id = await _site.EnqueueAsync(body: "code=secret", secretUntil: _site.Now.AddHours(3));
        Assert.Equal(0, await sut.SendDueAsync());

        _site.Clock.Advance(TimeSpan.FromHours(3));
        await sut.PurgeAsync();

        var row = await _site.RowAsync(id);
        Assert.Null(row.Payload);
        Assert.Equal(OutboxState.Failed, row.State);
        Assert.Contains("expired", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_SentRows_AreDeletedAfterThirtyDays()
    {
        using var sut = _site.NewSender();
        var sent = await _site.EnqueueAsync();
        Assert.Equal(1, await sut.SendDueAsync());
        _site.Clock.Advance(OutboxSender.KeepSent - TimeSpan.FromMinutes(1));
        _site.Smtp.Stop();
        var unsent = await _site.EnqueueAsync();
        Assert.Equal(0, await sut.SendDueAsync());

        await sut.PurgeAsync();
        Assert.Equal(OutboxState.Sent, (await _site.RowAsync(sent)).State);
        _site.Clock.Advance(TimeSpan.FromMinutes(1));
        await sut.PurgeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _site.RowAsync(sent));
        Assert.Equal(OutboxState.Pending, (await _site.RowAsync(unsent)).State);
    }
}
