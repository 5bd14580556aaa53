using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Content;
using SkillBridge.Core.Media;
using SkillBridge.Core.Publishing;
using SkillBridge.Core.People;
using SkillBridge.Web.Authoring;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Authoring;

/// <summary>
/// The module editor: metadata, Markdown with a preview rendered like the player, images, quizzes without YAML, and
/// submitting for review. Every button posts the whole form, so whatever the author typed is saved or shown again.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public sealed class EditModel(DraftEditor drafts, PublishingWorkflow workflow, DraftPreview preview, MediaUploadService uploads, PeopleService people) : PageModel
{
    [BindProperty]
    public DraftForm Form { get; set; } = new();

    [BindProperty]
    public QuizInput Quiz { get; set; } = new();

    [BindProperty]
    public string? ImageAlt { get; set; }

    public ModuleDraft Draft { get; private set; } = null!;

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public IReadOnlyList<ReviewComment> Comments { get; private set; } = [];

    /// <summary>The names of the people this page mentions (who saved, who commented).</summary>
    public DisplayNames Names { get; private set; } = DisplayNames.None;

    public DraftPreviewView PreviewView { get; private set; } = new(null, [], OffersQuizEditing: true);

    /// <summary>Set when a save met someone else's newer save: their draft, shown beside the author's own text.</summary>
    public ModuleDraft? Theirs { get; private set; }


    /// <summary>Set by <see cref="UploadRequestLimit"/> when a post was too large to read: shown next to the image field.</summary>
    [TempData(Key = UploadRequestLimit.ProblemKey)]
    public string? UploadProblem { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? quiz, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(slug, cancellationToken, store: false);
        if (result is not null)
        {
            return result;
        }

        Form = DraftForm.From(Draft, Categories.FirstOrDefault(c => c.Id == Draft.CategoryId)?.Key);
        if (quiz is not null && QuizInput.TryParseTarget(quiz, out var step, out var index))
        {
            Quiz = QuizInput.FromDocument(Form.Body, step, index) ?? new QuizInput();
        }

        if (UploadProblem is { } problem)
        {
            ModelState.AddModelError("Image", problem);
        }

        RenderPreview();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken cancellationToken) =>
        SaveThenAsync(slug, Form.ToContent(), "Draft saved.", cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(slug, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        RenderPreview();
        return Page();
    }

    /// <summary>The live preview: the same rendering as the player, as an HTML fragment for the editor's script.</summary>
    public async Task<IActionResult> OnPostPreviewFragmentAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(slug, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        RenderPreview();
        return Partial("_DraftPreview", PreviewView);
    }

    /// <summary>Autosave from the editor's script: JSON with the new version, or 409 with who saved in between.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string slug, CancellationToken cancellationToken)
    {
        var saved = await drafts.SaveAsync(slug, Form.Version, Form.ToContent(), User.ToActor(), cancellationToken);
        return saved.Failure switch
        {
            null => new JsonResult(new { version = saved.Value!.Version, savedAt = saved.Value.UpdatedAt }),
            AuthoringFailure.Conflict => new JsonResult(new { message = saved.Message }) { StatusCode = StatusCodes.Status409Conflict },
            AuthoringFailure.NotFound => NotFound(),
            AuthoringFailure.Forbidden => Forbid(),
            _ => new JsonResult(new { message = saved.Message, problems = saved.Problems }) { StatusCode = StatusCodes.Status400BadRequest },
        };
    }

    public async Task<IActionResult> OnPostSubmitAsync(string slug, CancellationToken cancellationToken)
    {
        var saved = await drafts.SaveAsync(slug, Form.Version, Form.ToContent(), User.ToActor(), cancellationToken);
        if (!saved.Succeeded)
        {
            return await ShowAsync(slug, saved, cancellationToken);
        }

        Form.Version = saved.Value!.Version;
        var submitted = await workflow.SubmitAsync(slug, User.ToActor(), cancellationToken);
        if (!submitted.Succeeded)
        {
            return await ShowAsync(slug, submitted, cancellationToken);
        }

        this.ShowMessage("Submitted for review. A curator will look at it; you will see their comments here.");
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostAddQuizAsync(string slug, CancellationToken cancellationToken)
    {
        var quiz = Quiz.ToForm();
        var problems = quiz.Check();
        if (problems.Count > 0)
        {
            return await ShowProblemsAsync(slug, problems.Select(p => new DraftProblem("Quiz." + p.Field, p.Message)).ToList(), cancellationToken);
        }

        var body = QuizInput.TryParseTarget(Quiz.Target, out var step, out var index)
            ? QuizWriter.Replace(Form.Body, step, index, quiz)
            : QuizWriter.AddToStep(Form.Body, Quiz.Step, quiz);
        if (body is null)
        {
            return await ShowProblemsAsync(slug, [new("Quiz.Step", "Choose a step that exists: each level-2 heading (## ) in the text starts one.")], cancellationToken);
        }

        return await SaveThenAsync(slug, Form.ToContent() with { Body = body }, "Quiz saved into the module text.", cancellationToken);
    }

    /// <summary>Image upload without JavaScript: the file, its alt text, and the image added to the end of the text.</summary>
    public async Task<IActionResult> OnPostUploadAsync(string slug, IFormFile? image, CancellationToken cancellationToken)
    {
        if (image is null || string.IsNullOrWhiteSpace(ImageAlt))
        {
            return await ShowProblemsAsync(slug, [new("Image", image is null ? "Choose an image file to upload." : "Describe the image in a few words first: learners who cannot see it hear this text.")], cancellationToken);
        }

        var added = await AddImageAsync(slug, image, cancellationToken);
        if (!added.Succeeded)
        {
            var page = await ShowProblemsAsync(slug, [new("Image", added.Message!)], cancellationToken);
            if (added.Failure == AuthoringFailure.Busy)
            {
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            }

            return page;
        }

        var body = Form.Body.TrimEnd() + $"\n\n![{ImageAlt.Replace("]", "", StringComparison.Ordinal).Trim()}]({added.Value})\n";
        return await SaveThenAsync(slug, Form.ToContent() with { Body = body }, "Image added at the end of the text; move it to the step where it belongs.", cancellationToken);
    }

    /// <summary>Pasted or dropped screenshots from the editor's script: JSON with the path to reference.</summary>
    public async Task<IActionResult> OnPostUploadImageAsync(string slug, IFormFile? image, CancellationToken cancellationToken)
    {
        if (image is null)
        {
            return new JsonResult(new { message = "No image arrived. Try again, or use the upload form." }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        var added = await AddImageAsync(slug, image, cancellationToken);
        return added.Succeeded
            ? new JsonResult(new { path = added.Value })
            : new JsonResult(new { message = added.Message })
            {
                StatusCode = added.Failure switch
                {
                    AuthoringFailure.Forbidden => StatusCodes.Status403Forbidden,
                    AuthoringFailure.Busy => StatusCodes.Status503ServiceUnavailable,
                    _ => StatusCodes.Status400BadRequest,
                },
            };
    }

    private async Task<AuthoringResult<string>> AddImageAsync(string slug, IFormFile image, CancellationToken cancellationToken)
    {
        var opened = await drafts.OpenAsync(slug, User.ToActor(), cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.As<string>();
        }

        await using var stream = image.OpenReadStream();
        var uploaded = await uploads.UploadAsync(stream, image.FileName, image.ContentType, cancellationToken);
        return uploaded.Media is { } media
            ? await drafts.AddImageAsync(slug, User.ToActor(), media, image.FileName, cancellationToken)
            : AuthoringResult<string>.Fail(uploaded.Failure == MediaUploadFailure.Busy ? AuthoringFailure.Busy : AuthoringFailure.Invalid, uploaded.Message!);
    }

    private async Task<IActionResult> SaveThenAsync(string slug, DraftContent content, string message, CancellationToken cancellationToken)
    {
        var saved = await drafts.SaveAsync(slug, Form.Version, content, User.ToActor(), cancellationToken);
        if (!saved.Succeeded)
        {
            Form.Body = content.Body;
            return await ShowAsync(slug, saved, cancellationToken);
        }

        this.ShowMessage(message);
        return RedirectToPage(new { slug });
    }

    private async Task<IActionResult> ShowAsync(string slug, AuthoringResult<ModuleDraft> failed, CancellationToken cancellationToken)
    {
        switch (failed.Failure)
        {
            case AuthoringFailure.NotFound:
                return NotFound();
            case AuthoringFailure.Forbidden:
                return Forbid();
            case AuthoringFailure.Conflict:
                Theirs = failed.Value;
                break;
        }

        var problems = failed.Problems.Count > 0 ? failed.Problems : [new DraftProblem("", failed.Message ?? "The draft could not be saved.")];
        return await ShowProblemsAsync(slug, problems, cancellationToken, conflict: Theirs is not null ? failed.Message : null);
    }

    private async Task<IActionResult> ShowProblemsAsync(string slug, IReadOnlyList<DraftProblem> problems, CancellationToken cancellationToken, string? conflict = null)
    {
        var result = await LoadAsync(slug, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        foreach (var problem in problems.Where(p => conflict is null))
        {
            ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : FieldName(problem.Field), problem.Message);
        }

        if (conflict is not null)
        {
            // The author's text stays in the form; saving again now knowingly replaces the other person's version.
            ModelState.AddModelError(string.Empty, conflict);
            ModelState.Remove("Form.Version");
            Form.Version = Theirs!.Version;
        }

        RenderPreview();
        return Page();
    }

    private static string FieldName(string field) => field.StartsWith("Quiz.", StringComparison.Ordinal) || field == "Image" ? field : "Form." + field;

    /// <summary>Loads the draft; only a POST may store a new one (no state change on GET).</summary>
    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken, bool store = false)
    {
        var opened = store ? await drafts.OpenAsync(slug, User.ToActor(), cancellationToken) : await drafts.PeekAsync(slug, User.ToActor(), cancellationToken);
        switch (opened.Failure)
        {
            case AuthoringFailure.NotFound:
                return NotFound();
            case AuthoringFailure.Forbidden:
                return Forbid();
        }

        Draft = opened.Value!;
        Categories = await drafts.CategoriesAsync(cancellationToken);
        Comments = await drafts.CommentsAsync(Draft.ModuleId, cancellationToken);
        Names = await people.DisplayNamesAsync(Comments.Select(c => c.Author).Append(Draft.UpdatedBy).Append(Theirs?.UpdatedBy ?? ""), cancellationToken);
        return null;
    }

    private void RenderPreview()
    {
        var (rendered, problems) = preview.Render(Form.Body, Form.Cover, Draft.Images);
        PreviewView = new DraftPreviewView(rendered, problems, OffersQuizEditing: true);
    }
}
