using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Web.Cli;

namespace SkillBridge.Tests.Accounts;

public sealed class DevAccountsCommandTests
{
    [Fact]
    public async Task DevAccounts_OutsideDevelopment_RefusesAndCreatesNothing()
    {
        using var factory = new SkillBridgeWebFactory { EnvironmentName = "Production" };
        var (output, error) = (new StringBuilder(), new StringBuilder());

        var exitCode = await SkillBridgeCommands.RunAsync(factory.Services, ["dev-accounts"], new StringWriter(output), new StringWriter(error));

        Assert.Equal(1, exitCode);
        Assert.Contains("only in the Development environment", error.ToString(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>().Users);
    }

    [Fact]
    public async Task DevAccounts_InDevelopment_CreatesAnAccountPerListedPersonWithTheirRoles()
    {
        using var factory = new SkillBridgeWebFactory { EnvironmentName = "Development" };
        var (output, error) = (new StringBuilder(), new StringBuilder());

        var exitCode = await SkillBridgeCommands.RunAsync(factory.Services, ["dev-accounts"], new StringWriter(output), new StringWriter(error));

        Assert.Equal(0, exitCode);
        var line = output.ToString().Split('\n').Single(l => l.StartsWith("priya.shah ", StringComparison.Ordinal));
        var password = line.Split("  ", StringSplitOptions.RemoveEmptyEntries)[1];
        using var client = factory.CreateBrowser();
        await client.SignInAsync("priya.shah", password);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>();
        Assert.Equal([Roles.Author], await users.GetRolesAsync((await users.FindByNameAsync("priya.shah"))!));
    }
}
