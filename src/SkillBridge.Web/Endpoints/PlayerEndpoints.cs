using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Player;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Endpoints;

/// <summary>
/// The player's JSON API: answering a quiz without reloading the page, and "Show the answer" (for signed-in learners
/// both are recorded). The right options and the explanation are in a response only when the page would show them:
/// after a right answer, a second answer or "Show the answer" (design.md's quiz rule).
/// </summary>
public static class PlayerEndpoints
{
    public static IEndpointRouteBuilder MapPlayerApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/modules/{slug}/steps/{number:int}/quizzes/{quiz:int}/answers", AnswerQuiz)
            .RequireAuthorization(Policies.Read)
            .RequireAntiforgeryToken()
            .WithName("AnswerQuiz")
            .WithSummary("Answers a quiz. A wrong first answer is recorded but its right options and explanation are left out (null) until the learner answers again or asks to be shown the answer.");
        app.MapPost("/api/modules/{slug}/steps/{number:int}/quizzes/{quiz:int}/shown-answer", ShowAnswer)
            .RequireAuthorization(Policies.Read)
            .RequireAntiforgeryToken()
            .WithName("ShowQuizAnswer")
            .WithSummary("\"Show the answer\": records that the learner gave up on a quiz they answered and returns its right options and explanation.");
        return app;
    }

    /// <param name="IsCorrect">Whether the latest answer is right.</param>
    /// <param name="Selected">The options of the latest answer, by index.</param>
    /// <param name="Retries">How many times the learner answered again after the first answer.</param>
    /// <param name="AnswerShown">Whether the learner asked to be shown the answer.</param>
    /// <param name="CanTryAgain">True after a wrong first answer: the page offers "Try again" and "Show the answer".</param>
    /// <param name="CorrectOptions">The right options by index; null until the answer may be shown.</param>
    /// <param name="Explanation">Why; null until the answer may be shown.</param>
    /// <param name="Verdict">The sentence the page shows first.</param>
    public sealed record QuizAnswerResponse(
        bool IsCorrect, IReadOnlyList<int> Selected, int Retries, bool AnswerShown, bool CanTryAgain, IReadOnlyList<int>? CorrectOptions, string? Explanation, string Verdict)
    {
        public static QuizAnswerResponse From(QuizResult result) =>
            new(result.IsCorrect, result.Selected, result.Retries, result.AnswerShown, result.CanTryAgain, result.CorrectOptions, result.Explanation, result.Verdict);
    }

    public sealed record QuizAnswerProblemResponse(string Problem);

    private static async Task<Results<Ok<QuizAnswerResponse>, BadRequest<QuizAnswerProblemResponse>, Conflict<QuizAnswerProblemResponse>, NotFound>> AnswerQuiz(
        string slug,
        int number,
        int quiz,
        [FromForm(Name = "selected")] int[]? selected,
        [FromForm(Name = "answeredBefore")] bool? answeredBefore,
        [FromServices] ModuleReader modules,
        [FromServices] RenderedModuleCache renderedModules,
        [FromServices] QuizService quizzes,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await modules.FindPublishedAsync(slug, cancellationToken) is not { } module)
        {
            return TypedResults.NotFound();
        }

        var rendered = await renderedModules.GetAsync(module.RevisionId, cancellationToken);
        var outcome = await quizzes.AnswerAsync(http.User.LearnerId(), module, rendered, number, quiz, selected ?? [], answeredBefore ?? false, cancellationToken);
        return ToHttp(outcome);
    }

    private static async Task<Results<Ok<QuizAnswerResponse>, BadRequest<QuizAnswerProblemResponse>, Conflict<QuizAnswerProblemResponse>, NotFound>> ShowAnswer(
        string slug,
        int number,
        int quiz,
        [FromForm(Name = "selected")] int[]? selected,
        [FromServices] ModuleReader modules,
        [FromServices] RenderedModuleCache renderedModules,
        [FromServices] QuizService quizzes,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await modules.FindPublishedAsync(slug, cancellationToken) is not { } module)
        {
            return TypedResults.NotFound();
        }

        var rendered = await renderedModules.GetAsync(module.RevisionId, cancellationToken);
        var outcome = await quizzes.ShowAnswerAsync(http.User.LearnerId(), module, rendered, number, quiz, selected ?? [], cancellationToken);
        return ToHttp(outcome);
    }

    private static Results<Ok<QuizAnswerResponse>, BadRequest<QuizAnswerProblemResponse>, Conflict<QuizAnswerProblemResponse>, NotFound> ToHttp(QuizOutcome outcome) => outcome.Status switch
    {
        QuizStatus.Answered => TypedResults.Ok(QuizAnswerResponse.From(outcome.Result!)),
        QuizStatus.InvalidAnswer => TypedResults.BadRequest(new QuizAnswerProblemResponse(outcome.Problem!)),
        QuizStatus.NotAnsweredYet => TypedResults.Conflict(new QuizAnswerProblemResponse(outcome.Problem!)),
        _ => TypedResults.NotFound(),
    };
}
