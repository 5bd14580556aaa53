using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>The site keeps one administrator even when two remove each other at the same moment (on both engines).</summary>
public sealed class LastAdministratorTests
{
    // One round can interleave either way; several rounds make the race all but certain on a check-then-act implementation.
    private const int Rounds = 8;

    [Fact]
    public async Task RevokeRole_TwoAdminsRevokeEachOtherAtOnce_LeavesOneAdministrator()
    {
        using var factory = new SkillBridgeWebFactory();
        var survivor = await factory.CreateAccountAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        for (var round = 0; round < Rounds; round++)
        {
            var other = await factory.CreateAccountAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
            Assert.Equal(2, await AdministratorCountAsync(factory));

            var outcomes = await Task.WhenAll(
                Task.Run(() => RevokeAdminAsync(factory, survivor.Id)),
                Task.Run(() => RevokeAdminAsync(factory, other.Id)));

            Assert.Equal(1, await AdministratorCountAsync(factory));
            Assert.Equal([RoleChange.Done, RoleChange.LastAdministrator], outcomes.Order());
            survivor = outcomes[0] == RoleChange.Done ? other : survivor;
        }
    }

    [Fact]
    public async Task SetLocked_EveryOtherAdministratorLocked_IsRefused()
    {
        using var factory = new SkillBridgeWebFactory();
        var first = await factory.CreateAccountAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        var second = await factory.CreateAccountAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);
        Assert.Equal(RoleChange.Done, await LockAsync(factory, first.Id));

        var outcome = await LockAsync(factory, second.Id);

        Assert.Equal(RoleChange.LastAdministrator, outcome);
        Assert.Equal(RoleChange.LastAdministrator, await RevokeAdminAsync(factory, second.Id));
    }

    private static async Task<RoleChange> LockAsync(SkillBridgeWebFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync(userId, locked: true, "test");
    }

    private static async Task<RoleChange> RevokeAdminAsync(SkillBridgeWebFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().RevokeRoleAsync(userId, Roles.Admin, "test");
    }

    private static async Task<int> AdministratorCountAsync(SkillBridgeWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>().GetUsersInRoleAsync(Roles.Admin)).Count;
    }
}
