using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Outbox;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Outbox;

/// <summary>
/// A site on a fake clock with mail pointed at a real SMTP server (aiosmtpd), and without background services:
/// each test drives its own <see cref="OutboxSender"/> instances and moves the clock itself.
/// </summary>
public sealed class OutboxSite : IAsyncDisposable
{
    public OutboxSite()
    {
        Factory = new SkillBridgeWebFactory
        {
            Clock = Clock,
            // The site's own background work (the outbox worker, scheduled publishing) stays off: it would race the
            // test's senders, and each advance of the fake clock would run its timers once per elapsed period.
            TestServices = services =>
            {
                foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly.GetName().Name?.StartsWith("SkillBridge", StringComparison.Ordinal) == true).ToList())
                {
                    services.Remove(hosted);
                }
            },
        };
        Factory.UseSmtp(Smtp);
    }

    public SmtpServer Smtp { get; } = new();

    public FakeTimeProvider Clock { get; } = new(TestSite.Now);

    public SkillBridgeWebFactory Factory { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>A sender of its own, as another node (or another process) would have.</summary>
    public OutboxSender NewSender() =>
        new(Factory.Services.GetRequiredService<IServiceScopeFactory>(), Clock, NullLogger<OutboxSender>.Instance);

    /// <summary>Queues a mail the way features do (MailOutbox on a unit of work, then one save); returns its row id.</summary>
    public async Task<long> EnqueueAsync(string to = "learner@test.example", string subject = "A test mail", string body = "Hello.", string? userId = null, DateTime? secretUntil = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        Assert.True(outbox.Enqueue(new OutgoingMail(to, subject, body), userId, secretUntil));
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        await db.SaveChangesAsync();
        return db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id;
    }

    public async Task<OutboxMessage> RowAsync(long id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Smtp.Dispose();
    }
}
