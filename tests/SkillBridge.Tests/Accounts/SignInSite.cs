using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Accounts;

/// <summary>A starter site on a clock that stands still until a test moves it, whose password hasher counts its checks.</summary>
public sealed class SignInSite : IDisposable
{
    public SignInSite()
    {
        Factory = new SkillBridgeWebFactory
        {
            Clock = Clock,
            TestServices = services => services.AddSingleton<IPasswordHasher<SkillBridgeUser>>(Hasher),
        };
    }

    public TestSite.ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public CountingPasswordHasher Hasher { get; } = new();

    public SkillBridgeWebFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}

/// <summary>Identity's own hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<SkillBridgeUser>
{
    private readonly PasswordHasher<SkillBridgeUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public void Reset() => Interlocked.Exchange(ref _verifications, 0);

    public string HashPassword(SkillBridgeUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(SkillBridgeUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
