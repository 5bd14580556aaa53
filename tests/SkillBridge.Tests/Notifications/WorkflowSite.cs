using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Review;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Notifications;

/// <summary>
/// The starter site on a fake clock with mail going to a real SMTP server on loopback. The review digest runs only when a
/// test runs it, so each test sees exactly the passes it made.
/// </summary>
public sealed class WorkflowSite : IAsyncLifetime
{
    public SmtpServer Mail { get; } = new();

    public FakeTimeProvider Clock { get; } = new(TestSite.Now);

    public SkillBridgeWebFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Factory = new SkillBridgeWebFactory
        {
            Clock = Clock,
            TestServices = services =>
            {
                foreach (var digest in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Web.Notifications.ReviewDigestService)).ToList())
                {
                    services.Remove(digest);
                }
            },
        };
        Factory.UseSmtp(Mail);
        _ = Factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Mail.Dispose();
    }

    /// <summary>A curator in a time zone, with one mail per submission or the daily digest.</summary>
    public async Task<Reviewer> CuratorAsync(bool digest = false, string timeZone = "Europe/London")
    {
        var curator = await Factory.PersonAsync("curator", Roles.Curator);
        await ReviewFlow.WithDbAsync(Factory, db => db.Users.Where(u => u.Id == curator.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ReviewMailDigest, digest).SetProperty(u => u.TimeZoneId, timeZone)));
        return curator;
    }

    /// <summary>Mail the SMTP server received for this person, after sending what the outbox holds.</summary>
    public async Task<List<ReceivedMail>> MailToAsync(Reviewer person)
    {
        await Factory.DeliverMailAsync();
        return Mail.Messages.Where(m => m.To.Contains(person.Username + "@test.example", StringComparer.OrdinalIgnoreCase)).ToList();
    }
}
