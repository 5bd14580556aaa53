using Microsoft.AspNetCore.Mvc;
using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Player;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Endpoints;

/// <summary>The player's JSON API: answering a quiz without reloading the page (and, for signed-in learners, recording the answer).</summary>
public static class PlayerEndpoints
{
    public static IEndpointRouteBuilder MapPlayerApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/modules/{slug}/steps/{number:int}/quizzes/{quiz:int}/answers", AnswerQuiz)
            .RequireAuthorization(Policies.Read)
            .RequireAntiforgeryToken()
            .WithName("AnswerQuiz");
        return app;
    }

    public sealed record QuizAnswerResponse(bool IsCorrect, IReadOnlyList<int> CorrectOptions, string Explanation, string Verdict);

    public sealed record QuizAnswerProblemResponse(string Problem);

    private static async Task<IResult> AnswerQuiz(
        string slug,
        int number,
        int quiz,
        [FromForm(Name = "selected")] int[]? selected,
        [FromServices] ModuleReader modules,
        [FromServices] RenderedModuleCache renderedModules,
        [FromServices] ProgressService progress,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var module = await modules.FindPublishedAsync(slug, cancellationToken);
        if (module is null)
        {
            return TypedResults.NotFound();
        }

        var rendered = await renderedModules.GetAsync(module.RevisionId, cancellationToken);
        var step = rendered.Step(number);
        if (step is null || quiz < 0 || quiz >= step.Quizzes.Count)
        {
            return TypedResults.NotFound();
        }

        var grade = QuizGrader.Grade(step.Quizzes[quiz], selected ?? []);
        if (grade.Feedback is { } answer && http.User.LearnerId() is { } learner)
        {
            await progress.RecordAnswerAsync(learner, module, rendered, number, quiz, answer, cancellationToken);
        }

        return grade.Feedback is { } feedback
            ? TypedResults.Ok(new QuizAnswerResponse(feedback.IsCorrect, feedback.CorrectOptions, feedback.Explanation, feedback.IsCorrect ? "Correct." : "Not quite."))
            : TypedResults.BadRequest(new QuizAnswerProblemResponse(grade.ProblemMessage!));
    }
}
