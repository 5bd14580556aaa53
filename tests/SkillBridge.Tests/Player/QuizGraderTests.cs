using SkillBridge.Core.Content;
using SkillBridge.Core.Player;

namespace SkillBridge.Tests.Player;

public sealed class QuizGraderTests
{
    private static readonly Quiz SingleChoice = new(0, "Which one?", [new("Right", true), new("Wrong", false), new("Also wrong", false)], "Because.");

    private static readonly Quiz ChooseAll = new(0, "Which ones?", [new("A", true), new("B", false), new("C", true)], "A and C.");

    [Fact]
    public void Grade_SingleChoiceRightOption_IsCorrect()
    {
        var grade = QuizGrader.Grade(SingleChoice, [0]);

        Assert.True(grade.Feedback!.IsCorrect);
        Assert.Equal("Because.", grade.Feedback.Explanation);
    }

    [Fact]
    public void Grade_SingleChoiceWrongOption_IsAnsweredButNotCorrect()
    {
        var grade = QuizGrader.Grade(SingleChoice, [2]);

        Assert.False(grade.Feedback!.IsCorrect);
        Assert.Equal([0], grade.Feedback.CorrectOptions);
    }

    [Fact]
    public void Grade_SingleChoiceTwoOptions_IsRefused()
    {
        Assert.Equal(QuizAnswerProblem.OnlyOneAllowed, QuizGrader.Grade(SingleChoice, [0, 1]).Problem);
    }

    [Fact]
    public void Grade_ChooseAllExactlyTheCorrectOptions_IsCorrect()
    {
        Assert.True(QuizGrader.Grade(ChooseAll, [2, 0]).Feedback!.IsCorrect);
    }

    [Fact]
    public void Grade_ChooseAllOnlySomeCorrectOptions_IsNotCorrect()
    {
        Assert.False(QuizGrader.Grade(ChooseAll, [0]).Feedback!.IsCorrect);
    }

    [Fact]
    public void Grade_ChooseAllWithAWrongOptionAdded_IsNotCorrect()
    {
        Assert.False(QuizGrader.Grade(ChooseAll, [0, 1, 2]).Feedback!.IsCorrect);
    }

    [Fact]
    public void Grade_NothingSelected_AsksForAnAnswer()
    {
        Assert.Equal(QuizAnswerProblem.NothingSelected, QuizGrader.Grade(ChooseAll, []).Problem);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Grade_OptionOutOfRange_IsRefused(int option)
    {
        Assert.Equal(QuizAnswerProblem.UnknownOption, QuizGrader.Grade(ChooseAll, [option]).Problem);
    }
}
