using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;

namespace SkillBridge.Tests.Authoring;

/// <summary>The step-by-step editor's view of a module's Markdown: a lossless cut, and the edits its buttons make.</summary>
public sealed class ModuleOutlineTests
{
    private const string Body = """
        Why this matters.

        ## First step
        Do the first thing.

        ![The menu](images/menu.png)

        ## Second step  
        Then the second.

        ```quiz
        question: Which comes first?
        options:
          - text: The first step
            correct: true
          - text: The second step
        explanation: The first step comes first.
        ```

        A last word after the quiz.

        ```
        ## not a step: inside code
        ```

        ##   Third step ##
        Done.

        """;

    public static TheoryData<string> Bodies() => new()
    {
        Body,
        Body.TrimEnd('\n'),
        "",
        "Only an introduction.",
        "## A step right away\nNo introduction.",
        "Intro.\n\n## Quiz only\n```quiz\nquestion: Q?\noptions:\n  - text: A\n    correct: true\n  - text: B\nexplanation: E.\n```",
        "Intro\n\n\n\n## Spaced\n\n\n   Indented text.   \n\n\n",
        "Intro.\n\n## Unclosed quiz\n```quiz\nquestion: Q?\n",
        "Intro.\n\nSetext title\n------------\n\n## Real step\nText.\n",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void ToBody_AfterParse_GivesBackExactlyTheSameText(string body)
    {
        var sut = ModuleOutline.Parse(body);

        Assert.Equal(body, sut.ToBody());
    }

    [Fact]
    public void Parse_Module_FindsTheStepsThePlayerFinds()
    {
        var sut = ModuleOutline.Parse(Body);

        var player = ModuleBodyParser.Parse(Body, "body", 1).Value!;
        Assert.Equal(player.Steps.Select(s => s.Title), sut.Sections.Skip(1).Select(s => s.Title));
        Assert.Equal("Then the second.", sut.Sections[2].Parts[0].Text);
        Assert.True(sut.Sections[2].Parts[1].IsQuiz);
        Assert.StartsWith("A last word after the quiz.", sut.Sections[2].Parts[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadingFor_TitleUnchanged_KeepsTheHeadingAsWritten()
    {
        Assert.Equal("##   Third step ##\n", OutlineSection.HeadingFor("##   Third step ##\n", "Third step"));
        Assert.Equal("## Last step\n", OutlineSection.HeadingFor("##   Third step ##\n", " Last step "));
    }

    [Fact]
    public void AddStep_AfterTheFirst_InsertsAnEmptyStepThePlayerReads()
    {
        var sut = ModuleOutline.Parse(Body).AddStep(1);

        var steps = ModuleBodyParser.Parse(sut.ToBody(), "body", 1).Value!.Steps;
        Assert.Equal(["First step", ModuleOutline.NewStepTitle, "Second step", "Third step"], steps.Select(s => s.Title));
        Assert.Contains(NewModuleTemplate.NewStepText, steps[1].Markdown, StringComparison.Ordinal);
        Assert.Contains("![The menu](images/menu.png)", steps[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStep_NewStepTextLeftIn_CannotBeSubmitted()
    {
        var body = ModuleOutline.Parse("Intro.\n\n## Only step\nText.\n").AddStep(1).ToBody();

        var problems = DraftValidator.CheckForSubmit(AuthoringSite.Content(body: body), new HashSet<string> { "tools" }, new HashSet<string> { "priya.shah" }, new HashSet<string>());

        Assert.Equal($"Line 7: “{NewModuleTemplate.NewStepText}” is the new-module template's placeholder. Replace it with your own words.", Assert.Single(problems).Message);
    }

    [Fact]
    public void AddStep_AtTheEnd_EndsTheTextWithOneNewline()
    {
        var body = ModuleOutline.Parse("Intro.\n\n## Only step\nText.").AddStep(1).ToBody();

        Assert.Equal("Intro.\n\n## Only step\nText.\n\n## New step\nWhat to do in this step.\n", body);
    }

    [Fact]
    public void MoveStep_LastStepUp_SwapsWholeStepsWithTheirQuizzes()
    {
        var sut = ModuleOutline.Parse(Body);

        Assert.True(sut.MoveStep(2, -1));

        var steps = ModuleBodyParser.Parse(sut.ToBody(), "body", 1).Value!.Steps;
        Assert.Equal(["Second step", "First step", "Third step"], steps.Select(s => s.Title));
        Assert.Equal("Which comes first?", Assert.Single(steps[0].Quizzes).Question);
        Assert.Empty(steps[1].Quizzes);
    }

    [Fact]
    public void MoveStep_LastOfTwoUpThenDownAgain_GivesBackTheText()
    {
        const string body = "Intro.\n\n## One\nFirst.\n\n## Two\nSecond.\n";
        var sut = ModuleOutline.Parse(body);

        Assert.True(sut.MoveStep(2, -1));
        Assert.Equal("Intro.\n\n## Two\nSecond.\n\n## One\nFirst.\n", sut.ToBody());
        Assert.True(sut.MoveStep(1, 1));
        Assert.Equal(body, sut.ToBody());
    }

    [Theory]
    [InlineData(1, -1)]
    [InlineData(3, 1)]
    [InlineData(0, 1)]
    public void MoveStep_PastAnEnd_ChangesNothing(int step, int by)
    {
        var sut = ModuleOutline.Parse(Body);

        Assert.False(sut.MoveStep(step, by));
        Assert.Equal(Body, sut.ToBody());
    }

    [Fact]
    public void AddToStepText_StepEndingInText_AddsTheImageAfterItsLastText()
    {
        var sut = ModuleOutline.Parse("Intro.\n\n## One\nFirst.\n\n## Two\nSecond.\n");

        Assert.True(sut.AddToStepText(1, "![A chart](images/chart.png)"));

        Assert.Equal("Intro.\n\n## One\nFirst.\n\n![A chart](images/chart.png)\n\n## Two\nSecond.\n", sut.ToBody());
    }
}
