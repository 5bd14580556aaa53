using SkillBridge.Core.Content;

namespace SkillBridge.Tests.Content;

public sealed class ModuleBodyParserTests
{
    private const string Body = """
        The introduction.

        ## First step
        Some text.

        ```bash
        ## not a step, just a comment in code
        ```

        ```quiz
        question: Pick one
        options:
          - text: Right
            correct: true
          - text: Wrong
        explanation: Because.
        ```

        ## Second step ##
        ```quiz
        question: Pick all that apply
        options:
          - text: A
            correct: true
          - text: B
            correct: true
          - text: C
        ```
        """;

    [Theory]
    [InlineData("## Open the\u2028share menu")]
    [InlineData("## Open the\u0007share menu")]
    [InlineData("## Open the\tshare menu")]
    public void Parse_StepTitleWithAControlCharacter_ReportsItsLine(string heading)
    {
        var result = ModuleBodyParser.Parse($"Intro.\n\n{heading}\nText.\n", "m.md", 10);

        Assert.Equal(["m.md:12: step 1's title must be a single line without control characters"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_HeadingInsideCodeFence_IsNotAStep()
    {
        var sut = ModuleBodyParser.Parse(Body, "m.md", 1).Value!;

        Assert.Equal(["First step", "Second step"], sut.Steps.Select(s => s.Title));
        Assert.Equal([1, 2], sut.Steps.Select(s => s.Number));
        Assert.Equal("The introduction.", sut.Introduction);
    }

    [Fact]
    public void Parse_StepMarkdown_KeepsQuizFences()
    {
        var sut = ModuleBodyParser.Parse(Body, "m.md", 1).Value!;

        Assert.StartsWith("Some text.", sut.Steps[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("```quiz\nquestion: Pick one", sut.Steps[0].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuizWithOneCorrectOption_IsSingleChoice()
    {
        var sut = ModuleBodyParser.Parse(Body, "m.md", 1).Value!;

        var quiz = Assert.Single(sut.Steps[0].Quizzes);
        Assert.False(quiz.AllowsSeveral);
        Assert.Equal((0, "Pick one", "Because."), (quiz.Index, quiz.Question, quiz.Explanation));
        Assert.Equal([new QuizOption("Right", true), new QuizOption("Wrong", false)], quiz.Options);
    }

    [Fact]
    public void Parse_QuizWithSeveralCorrectOptions_AllowsSeveral()
    {
        var sut = ModuleBodyParser.Parse(Body, "m.md", 1).Value!;

        Assert.True(Assert.Single(sut.Steps[1].Quizzes).AllowsSeveral);
    }

    [Fact]
    public void Parse_EmptyStepTitle_ReportsLineWithOffset()
    {
        var result = ModuleBodyParser.Parse("Intro\n\n##\nText", "m.md", 12);

        Assert.Equal(["m.md:14: step 1 has an empty title"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_QuizBeforeFirstStep_Reported()
    {
        var result = ModuleBodyParser.Parse("```quiz\nquestion: Q\n```\n\n## Step\nText", "m.md", 1);

        Assert.Equal(["m.md:1: a quiz must be inside a step, after a '## ' heading"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void FindImages_RelativeAndUrlImages_ReturnsRelativeOnesWithLines()
    {
        var sut = ModuleBodyParser.FindImages("Intro\n\n## Step\n![a](images/a.png)\n![b](https://example.com/b.png)\n", 10);

        Assert.Equal([new ImageReference("images/a.png", 13)], sut);
    }
}
