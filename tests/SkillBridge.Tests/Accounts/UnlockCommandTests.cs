using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Web.Cli;

namespace SkillBridge.Tests.Accounts;

public sealed class UnlockCommandTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Unlock_LockedAccountByEmail_UnlocksItAndAudits()
    {
        var name = Infrastructure.Accounts.UniqueName("unlocked");
        var user = await factory.CreateAccountAsync(name);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync(user.Id, true, "test");
        }

        var (exitCode, output, _) = await RunAsync("unlock", name + "@test.example");

        Assert.Equal(0, exitCode);
        Assert.Contains($"{name} is unlocked", output, StringComparison.Ordinal);
        using var client = factory.CreateBrowser();
        await client.SignInAsync(name);
        Assert.Contains(await factory.AuditAsync(AuditAction.Unlocked), e => e.Subject == name && e.Actor == "unlock command");
    }

    [Fact]
    public async Task Unlock_ThrottledClient_MayTryAgain()
    {
        var name = Infrastructure.Accounts.UniqueName("throttled");
        await factory.CreateAccountAsync(name);
        using var client = factory.CreateBrowser("203.0.113.9");
        for (var i = 0; i <= ThrottleKeys.SignInFailuresPerClient; i++)
        {
            using var wrong = await client.TrySignInAsync(name, "wrong guess");
        }

        using (var refused = await client.TrySignInAsync(name, Infrastructure.Accounts.Password))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        var (exitCode, _, _) = await RunAsync("unlock", name);

        Assert.Equal(0, exitCode);
        await client.SignInAsync(name);
    }

    [Fact]
    public async Task Unlock_UnknownAccount_SaysSoAndExitsOne()
    {
        var (exitCode, _, error) = await RunAsync("unlock", "nobody.at.all");

        Assert.Equal(1, exitCode);
        Assert.Contains("No account has the username or e-mail address \"nobody.at.all\"", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringBuilder(), new StringBuilder());
        var exitCode = await SkillBridgeCommands.RunAsync(factory.Services, args, new StringWriter(output), new StringWriter(error));
        return (exitCode, output.ToString(), error.ToString());
    }
}
