using System.Net;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Player;

/// <summary>The quiz APIs refuse a post without a valid antiforgery token with 400 in every environment, never a 500.</summary>
public sealed class QuizApiAntiforgeryTests
{
    private const string AnswerApi = "/api/modules/share-your-screen/steps/4/quizzes/0/answers";

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Testing")]
    public async Task PostAnswer_WithoutAntiforgeryToken_Returns400(string environment)
    {
        using var factory = new SkillBridgeWebFactory { EnvironmentName = environment };
        using var client = factory.CreateBrowser();
        using var content = new FormUrlEncodedContent([new("selected", "0")]);

        using var response = await client.PostAsync(AnswerApi, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostShowAnswer_WithoutAntiforgeryToken_Returns400InProduction()
    {
        using var factory = new SkillBridgeWebFactory { EnvironmentName = "Production" };
        using var client = factory.CreateBrowser();
        using var content = new FormUrlEncodedContent([new("selected", "0")]);

        using var response = await client.PostAsync("/api/modules/share-your-screen/steps/4/quizzes/0/shown-answer", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostAnswer_WithAForgedToken_Returns400InProduction()
    {
        using var factory = new SkillBridgeWebFactory { EnvironmentName = "Production" };
        using var client = factory.CreateBrowser();
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", "CfDJ8forged"), new("selected", "0")]);

        using var response = await client.PostAsync(AnswerApi, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
