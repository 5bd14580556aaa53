using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>First run: each test gets a fresh site with no administrator.</summary>
public sealed class SetupTests : IDisposable
{
    private readonly SkillBridgeWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task FreshSite_LearnersCanBrowseBeforeAnyAdministratorExists()
    {
        using var client = _factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/modules/share-your-screen/steps/1")).StatusCode);
    }

    [Fact]
    public void FreshSite_IssuesASetupCodeAtStartUpInFourGroupsOfFour()
    {
        using var client = _factory.CreateBrowser();

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", Code());
    }

    [Fact]
    public async Task Setup_WrongCode_IsRefusedAndCreatesNoAccount()
    {
        using var client = _factory.CreateBrowser();

        using var response = await SubmitAsync(client, "AAAA-BBBB-CCCC-DDDD");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("not the setup code", page.Text("[data-valmsg-for='Input.SetupCode']"), StringComparison.Ordinal);
        Assert.False(await AdministratorExistsAsync());
    }

    [Fact]
    public async Task Setup_FiveWrongCodes_RetiresTheCode()
    {
        using var client = _factory.CreateBrowser();
        var first = Code();
        for (var i = 0; i < SetupCode.MaxWrongAttempts; i++)
        {
            using var wrong = await SubmitAsync(client, "AAAA-BBBB-CCCC-DDDD");
        }

        using var response = await SubmitAsync(client, first!);

        Assert.NotEqual(first, Code());
        Assert.False(await AdministratorExistsAsync());
    }

    [Fact]
    public async Task Setup_RightCode_CreatesTheAdministratorAndThePageIsThenGone()
    {
        using var client = _factory.CreateBrowser();

        using var response = await SubmitAsync(client, Code()!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/accounts", response.Headers.Location!.OriginalString);
        Assert.True(await AdministratorExistsAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        using var anonymous = _factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/setup")).StatusCode);
    }

    private string? Code() => _factory.Services.GetRequiredService<SetupCode>().Current;

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string code)
    {
        var form = (IHtmlFormElement)(await client.GetPageAsync("/setup")).QuerySelector("form.setup-form")!;
        return await client.SubmitAsync(form,
        [
            new("Input.SetupCode", code), new("Input.Username", "first.admin"), new("Input.Email", "first.admin@example.com"),
            new("Input.Name", "First Admin"), new("Input.Password", "a long admin passphrase"), new("Input.ConfirmPassword", "a long admin passphrase"),
        ]);
    }

    private async Task<bool> AdministratorExistsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>().GetUsersInRoleAsync(Roles.Admin)).Count > 0;
    }
}
