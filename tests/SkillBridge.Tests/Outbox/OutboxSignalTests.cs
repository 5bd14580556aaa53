using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Outbox;

namespace SkillBridge.Tests.Outbox;

/// <summary>The background sender is woken when new mail is committed, not only at its next poll.</summary>
public sealed class OutboxSignalTests : IAsyncDisposable
{
    private readonly OutboxSite _site = new();

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task SaveChanges_MailQueuedInATransaction_WakesTheSenderWhenItCommits()
    {
        var signal = _site.Factory.Services.GetRequiredService<OutboxSignal>();
        await using var scope = _site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var woken = signal.WaitAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync();
        scope.ServiceProvider.GetRequiredService<MailOutbox>().Enqueue(new OutgoingMail("someone@test.example", "Hello", "Hello."));

        await db.SaveChangesAsync();
        Assert.False(woken.IsCompleted, "The sender was woken before the row could be seen.");
        await transaction.CommitAsync();

        Assert.True(woken.IsCompleted, "Committing the mail did not wake the sender.");
    }

    [Fact]
    public async Task SaveChanges_MailQueuedWithoutATransaction_WakesTheSender()
    {
        var signal = _site.Factory.Services.GetRequiredService<OutboxSignal>();
        var woken = signal.WaitAsync(CancellationToken.None);

        await _site.EnqueueAsync();

        Assert.True(woken.IsCompleted, "Saving the mail did not wake the sender.");
    }
}
