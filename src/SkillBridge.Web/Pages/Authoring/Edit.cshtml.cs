using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Content;
using SkillBridge.Core.Media;
using SkillBridge.Core.Publishing;
using SkillBridge.Core.People;
using SkillBridge.Web.Authoring;
using SkillBridge.Web.Messages;
using Microsoft.AspNetCore.Routing;

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

    /// <summary>The quiz form; read only by the handler that adds or saves a quiz, so no other button reports on it.</summary>
    public QuizInput Quiz { get; set; } = new();

    /// <summary>The image form's alt text; read only by the upload handler.</summary>
    public string? ImageAlt { get; set; }

    /// <summary>An image uploaded by an earlier try that needed fixing: kept on the server and shown, so it is not chosen again.</summary>
    public DraftImage? PendingImage { get; private set; }

    /// <summary>The step "Add image here" was pressed in; 0 or null adds the image at the end of the text.</summary>
    public int? ImageStep { get; set; }

    /// <summary>The id of the field that gets the focus when the page opens (after an editor action), if any.</summary>
    public string? Focus { get; private set; }

    /// <summary>The step-by-step editor (default) or the whole Markdown text.</summary>
    public bool ShowsMarkdown => !Form.IsStepByStep;

    public const string ViewCookie = "skillbridge-editor-view";

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

    /// <summary>Values in the posted form that could not be read (letters in a number field), in the editor's words.</summary>
    private List<(string Field, string Message)> _unreadable = [];

    /// <summary>
    /// Every handler starts from a clean slate: the framework's reports ("The Tags field is required") are dropped and
    /// only values it could not read are kept, in plain words; each handler then adds its own form's problems.
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        _unreadable = EditorValidation.UnreadableValues(ModelState);
        ModelState.Clear();
    }

    public async Task<IActionResult> OnGetAsync(string slug, string? quiz, string? view, string? focus, int? quizStep, int? imageStep, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(slug, cancellationToken, store: false);
        if (result is not null)
        {
            return result;
        }

        Form = DraftForm.From(Draft, Categories.FirstOrDefault(c => c.Id == Draft.CategoryId)?.Key);
        if (view is DraftForm.Markdown or DraftForm.StepByStep)
        {
            Response.Cookies.Append(ViewCookie, view, new CookieOptions { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
        }

        if ((view ?? Request.Cookies[ViewCookie]) == DraftForm.Markdown)
        {
            Form.Mode = DraftForm.Markdown;
        }
        else
        {
            Form.ShowStepByStep(Draft.Body);
        }

        if (quiz is not null && QuizInput.TryParseTarget(quiz, out var step, out var index))
        {
            Quiz = QuizInput.FromDocument(Form.Body, step, index) ?? new QuizInput();
            focus ??= "Quiz_Question";
        }
        else if (quizStep is > 0)
        {
            Quiz = new QuizInput { Step = quizStep.Value };
        }

        ImageStep = imageStep;
        Focus = focus;

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
        if (_unreadable.Count > 0)
        {
            return new JsonResult(new { message = _unreadable[0].Message, problems = _unreadable.Select(p => new DraftProblem(p.Field, p.Message)) }) { StatusCode = StatusCodes.Status400BadRequest };
        }

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
        if (_unreadable.Count > 0)
        {
            return await ShowProblemsAsync(slug, [], cancellationToken);
        }

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
        await TryUpdateModelAsync(Quiz, nameof(Quiz));
        var quiz = Quiz.ToForm();
        var problems = quiz.Check();
        if (problems.Count > 0)
        {
            return await ShowProblemsAsync(slug, problems.Select(p => new DraftProblem("Quiz." + p.Field, p.Message)).ToList(), cancellationToken);
        }

        var editing = QuizInput.TryParseTarget(Quiz.Target, out var step, out var index);
        var body = editing
            ? QuizWriter.Replace(Form.ComposeBody(), step, index, quiz)
            : QuizWriter.AddToStep(Form.ComposeBody(), Quiz.Step, quiz);
        if (body is null)
        {
            return await ShowProblemsAsync(slug, [new("Quiz.Step", "Choose a step that exists: each level-2 heading (## ) in the text starts one.")], cancellationToken);
        }

        return await SaveThenAsync(slug, Form.ToContent() with { Body = body }, "Quiz saved into the module text.", cancellationToken, StepFocus(editing ? step : Quiz.Step));
    }

    /// <summary>"Preview as a learner": saves what was typed, then opens the player on the draft.</summary>
    public async Task<IActionResult> OnPostPreviewAsLearnerAsync(string slug, CancellationToken cancellationToken)
    {
        var saved = await drafts.SaveAsync(slug, Form.Version, Form.ToContent(), User.ToActor(), cancellationToken);
        if (!saved.Succeeded)
        {
            return await ShowAsync(slug, saved, cancellationToken);
        }

        if (ModuleOutline.Parse(saved.Value!.Body).StepCount == 0)
        {
            return await ShowProblemsAsync(slug, [new("Body", "Add a step first: the preview shows the module step by step.")], cancellationToken);
        }

        return Redirect($"/authoring/{Uri.EscapeDataString(slug)}/preview/steps/1");
    }

    /// <summary>"Add step": a new step after step <paramref name="after"/> (0: before the first), its title ready to type.</summary>
    public Task<IActionResult> OnPostAddStepAsync(string slug, int after, CancellationToken cancellationToken)
    {
        var outline = ModuleOutline.Parse(Form.ComposeBody());
        after = Math.Clamp(after, 0, outline.StepCount);
        var body = outline.AddStep(after).ToBody();
        return SaveThenAsync(slug, Form.ToContent() with { Body = body }, $"Step {after + 1} added. Give it a title and say what to do.", cancellationToken, $"step-{after + 1}-title");
    }

    /// <summary>Moves a step up (by = -1) or down (by = 1); the focus stays on the moved step's button.</summary>
    public async Task<IActionResult> OnPostMoveStepAsync(string slug, int step, int by, CancellationToken cancellationToken)
    {
        var outline = ModuleOutline.Parse(Form.ComposeBody());
        by = Math.Sign(by);
        if (by == 0 || !outline.MoveStep(step, by))
        {
            return await ShowProblemsAsync(slug, [new("Body", $"Step {step} cannot move {(by < 0 ? "up" : "down")}: it is already at that end.")], cancellationToken);
        }

        var moved = step + by;
        var direction = moved == 1 ? "down" : moved == outline.StepCount ? "up" : by < 0 ? "up" : "down";
        return await SaveThenAsync(slug, Form.ToContent() with { Body = outline.ToBody() }, $"Step moved {(by < 0 ? "up" : "down")}: it is now step {moved}.", cancellationToken, $"step-{moved}-{direction}");
    }

    /// <summary>"Add quiz to this step": saves what was typed, then opens the quiz form for that step.</summary>
    public async Task<IActionResult> OnPostStartQuizAsync(string slug, int step, CancellationToken cancellationToken) =>
        await SaveThenAsync(slug, Form.ToContent(), null, cancellationToken, "Quiz_Question", new { quizStep = step });

    /// <summary>"Add image here": saves what was typed, then opens the image form for that step.</summary>
    public async Task<IActionResult> OnPostStartImageAsync(string slug, int step, CancellationToken cancellationToken) =>
        await SaveThenAsync(slug, Form.ToContent(), null, cancellationToken, "image-file", new { imageStep = step });

    /// <summary>The toggle between the step-by-step editor and the whole Markdown text; what was typed is saved first.</summary>
    public async Task<IActionResult> OnPostSwitchViewAsync(string slug, string view, CancellationToken cancellationToken) =>
        await SaveThenAsync(slug, Form.ToContent(), null, cancellationToken, view == DraftForm.Markdown ? "Form_Body" : "view-switch", new { view = view == DraftForm.Markdown ? DraftForm.Markdown : DraftForm.StepByStep });

    /// <summary>Image upload without JavaScript: the file, its alt text, and the image added to the end of the text.</summary>
    /// <remarks>
    /// A file that arrived is stored with the draft at once, whatever else is wrong: a browser cannot fill a file field
    /// again, so the page shows the kept image instead and the next press uses it (the pending path).
    /// </remarks>
    public async Task<IActionResult> OnPostUploadAsync(string slug, IFormFile? image, string? pendingImage, int? imageStep, CancellationToken cancellationToken)
    {
        ImageAlt = Request.Form["ImageAlt"].ToString();
        ImageStep = imageStep;
        string? path = null;
        if (image is not null)
        {
            var added = await AddImageAsync(slug, image, imageStep, cancellationToken);
            if (!added.Succeeded)
            {
                var page = await ShowProblemsAsync(slug, [new("Image", added.Message!)], cancellationToken);
                if (added.Failure == AuthoringFailure.Busy)
                {
                    Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                }

                return page;
            }

            path = added.Value;
        }
        else if (!string.IsNullOrEmpty(pendingImage))
        {
            path = pendingImage;
        }

        if (path is null)
        {
            return await ShowProblemsAsync(slug, [new("Image", "Choose an image file to upload.")], cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(ImageAlt))
        {
            return await ShowProblemsAsync(slug, [new("ImageAlt", "Describe the image in a few words: learners who cannot see it hear this text.")], cancellationToken, pending: path);
        }

        var markdown = $"![{ImageAlt.Replace("]", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal).Trim()}]({path})";
        var outline = ModuleOutline.Parse(Form.ComposeBody());
        var body = imageStep is { } step && outline.AddToStepText(step, markdown)
            ? outline.ToBody()
            : Form.ComposeBody().TrimEnd() + "\n\n" + markdown + "\n";
        var message = imageStep is > 0 && imageStep <= outline.StepCount ? $"Image added to step {imageStep}." : "Image added at the end of the text; move it to the step where it belongs.";
        return await SaveThenAsync(slug, Form.ToContent() with { Body = body }, message, cancellationToken, imageStep is > 0 ? StepFocus(imageStep.Value) : null);
    }

    /// <summary>Pasted or dropped screenshots from the editor's script: JSON with the path to reference.</summary>
    public async Task<IActionResult> OnPostUploadImageAsync(string slug, IFormFile? image, int? step, CancellationToken cancellationToken)
    {
        if (image is null)
        {
            return new JsonResult(new { message = "No image arrived. Try again, or use the upload form." }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        var added = await AddImageAsync(slug, image, step, cancellationToken);
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

    private async Task<AuthoringResult<string>> AddImageAsync(string slug, IFormFile image, int? step, CancellationToken cancellationToken)
    {
        var opened = await drafts.OpenAsync(slug, User.ToActor(), cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.As<string>();
        }

        await using var stream = image.OpenReadStream();
        var uploaded = await uploads.UploadAsync(stream, image.FileName, image.ContentType, cancellationToken);
        return uploaded.Media is { } media
            ? await drafts.AddImageAsync(slug, User.ToActor(), media, image.FileName, step, cancellationToken)
            : AuthoringResult<string>.Fail(uploaded.Failure == MediaUploadFailure.Busy ? AuthoringFailure.Busy : AuthoringFailure.Invalid, uploaded.Message!);
    }

    /// <summary>Saves, then opens the editor again with <paramref name="focus"/> focused; on failure the page shows why.</summary>
    private async Task<IActionResult> SaveThenAsync(string slug, DraftContent content, string? message, CancellationToken cancellationToken, string? focus = null, object? route = null)
    {
        if (_unreadable.Count > 0)
        {
            ShowText(content.Body);
            return await ShowProblemsAsync(slug, [], cancellationToken);
        }

        var saved = await drafts.SaveAsync(slug, Form.Version, content, User.ToActor(), cancellationToken);
        if (!saved.Succeeded)
        {
            ShowText(content.Body);
            return await ShowAsync(slug, saved, cancellationToken);
        }

        if (message is not null)
        {
            this.ShowMessage(message);
        }

        var values = new RouteValueDictionary(route) { ["slug"] = slug };
        if (focus is not null)
        {
            values["focus"] = focus;
        }

        // No #fragment: a page opened at one does not honour autofocus, and the focused field is scrolled into view anyway.
        return RedirectToPage(null, null, values, null);
    }

    private static string StepFocus(int step) => $"step-{step}-title";

    /// <summary>Shows <paramref name="body"/> in the form again, in the view the author was using.</summary>
    private void ShowText(string body)
    {
        if (Form.IsStepByStep)
        {
            Form.ShowStepByStep(body);
        }
        else
        {
            Form.Body = body;
        }
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

    private async Task<IActionResult> ShowProblemsAsync(string slug, IReadOnlyList<DraftProblem> problems, CancellationToken cancellationToken, string? conflict = null, string? pending = null)
    {
        var result = await LoadAsync(slug, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        // Only this button's own problems are shown, in plain words: binding reports about other forms on the page
        // ("The Question field is required" when the image was uploaded) or in framework wording are dropped.
        var unreadable = _unreadable.Concat(EditorValidation.UnreadableValues(ModelState)).Distinct().ToList();
        ModelState.Clear();
        foreach (var (field, message) in unreadable)
        {
            ModelState.AddModelError(field, message);
        }

        PendingImage = Draft.Images.FirstOrDefault(i => i.Path == pending);

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

    private static string FieldName(string field) => field.StartsWith("Quiz.", StringComparison.Ordinal) || field is "Image" or "ImageAlt" ? field : "Form." + field;

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
        var (rendered, problems) = preview.Render(Form.ComposeBody(), Form.Cover, Draft.Images);
        PreviewView = new DraftPreviewView(rendered, problems, OffersQuizEditing: true);
    }
}
