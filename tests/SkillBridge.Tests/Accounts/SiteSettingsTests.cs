using System.Net;
using AngleSharp.Html.Dom;
using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

/// <summary>Settings that change who may do what: RequireSignIn and AllowSelfRegistration, each on a site of its own.</summary>
public sealed class SiteSettingsTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/modules/share-your-screen/steps/1")]
    [InlineData("/paths")]
    [InlineData("/people/priya.shah")]
    public async Task RequireSignIn_On_AnonymousReadersAreSentToSignIn(string url)
    {
        using var factory = new SkillBridgeWebFactory { Settings = { ["SkillBridge:RequireSignIn"] = "true" } };
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/signin?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireSignIn_On_SignedInLearnersRead()
    {
        using var factory = new SkillBridgeWebFactory { Settings = { ["SkillBridge:RequireSignIn"] = "true" } };
        using var client = await factory.SignedInClientAsync("reader");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync("/account/signin")).StatusCode);
    }

    [Fact]
    public async Task Register_SelfRegistrationOn_CreatesALearner()
    {
        using var factory = new SkillBridgeWebFactory { Settings = { ["SkillBridge:Accounts:AllowSelfRegistration"] = "true" } };
        using var client = factory.CreateBrowser();

        using var response = await RegisterAsync(client, "new.learner", "new.learner@example.com");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/accounts")).StatusCode);
    }

    [Fact]
    public async Task Register_UsernameOfAListedPerson_IsRefused()
    {
        using var factory = new SkillBridgeWebFactory { Settings = { ["SkillBridge:Accounts:AllowSelfRegistration"] = "true" } };
        using var client = factory.CreateBrowser();

        using var response = await RegisterAsync(client, "priya.shah", "someone@example.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ask an administrator for an invitation", page.Text("[data-valmsg-for='Input.Username']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_NoSmtp_SaysMailIsNotAvailable()
    {
        using var factory = new SkillBridgeWebFactory();
        using var client = factory.CreateBrowser();

        var page = await client.GetPageAsync("/account/forgotpassword");

        Assert.Contains("does not send e-mail", page.Text("main"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string username, string email)
    {
        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/register")).QuerySelector("form.account-form")!;
        return await client.SubmitAsync(form,
        [
            new("Input.Username", username), new("Input.Email", email), new("Input.Password", "a learner passphrase"),
            new("Input.ConfirmPassword", "a learner passphrase"),
        ]);
    }
}
