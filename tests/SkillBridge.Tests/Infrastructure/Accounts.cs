using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Tests.Infrastructure;

/// <summary>Accounts for tests: created through the real services, signed in through the real sign-in form.</summary>
public static class Accounts
{
    public const string Password = "correct horse battery";

    public static async Task<SkillBridgeUser> CreateAccountAsync(this SkillBridgeWebFactory factory, string username, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var result = await accounts.CreateAsync(new NewAccount(username, username + "@test.example", Password), ProfileClaim.Allowed, "test", roles);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.User!;
    }

    /// <summary>A client that does not follow redirects, so tests see 302s.</summary>
    public static HttpClient CreateBrowser(this SkillBridgeWebFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client whose requests come from this address (see <see cref="SkillBridgeWebFactory.ClientAddressHeader"/>).</summary>
    public static HttpClient CreateBrowser(this SkillBridgeWebFactory factory, string clientAddress)
    {
        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.Add(SkillBridgeWebFactory.ClientAddressHeader, clientAddress);
        return client;
    }

    /// <summary>The sign-in cookie the client holds, as a Cookie header value, to replay from another client.</summary>
    public static async Task<string> SignInCookieAsync(this HttpClient client)
    {
        using var page = await client.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var request = page.RequestMessage!;
        return string.Join("; ", request.Headers.GetValues("Cookie"));
    }

    public static async Task<HttpResponseMessage> TrySignInAsync(this HttpClient client, string username, string password)
    {
        var page = await client.GetPageAsync("/account/signin");
        var form = (IHtmlFormElement)page.QuerySelector("form.account-form")!;
        return await client.SubmitAsync(form, [new("Input.Username", username), new("Input.Password", password)]);
    }

    public static async Task SignInAsync(this HttpClient client, string username, string password = Password)
    {
        using var response = await client.TrySignInAsync(username, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A new client signed in as a new account with these roles.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this SkillBridgeWebFactory factory, string username, params string[] roles)
    {
        await factory.CreateAccountAsync(username, roles);
        var client = factory.CreateBrowser();
        await client.SignInAsync(username);
        return client;
    }

    public static async Task<List<AuditEntry>> AuditAsync(this SkillBridgeWebFactory factory, string action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(Action: action));
        return [.. page.Entries];
    }

    public static string UniqueName(string prefix) => $"{prefix}.{Guid.NewGuid().ToString("N")[..8]}";
}
