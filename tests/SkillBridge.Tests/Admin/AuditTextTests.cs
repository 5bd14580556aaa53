using System.Reflection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.People;

namespace SkillBridge.Tests.Admin;

public sealed class AuditTextTests
{
    public static TheoryData<string> Actions()
    {
        var actions = new TheoryData<string>();
        foreach (var field in typeof(AuditAction).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            actions.Add((string)field.GetRawConstantValue()!);
        }

        return actions;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Describe_EveryAction_ReadsAsASentenceWithoutItsStoredName(string action)
    {
        var names = new DisplayNames(new Dictionary<string, string> { ["helen.carter"] = "Helen Carter", ["sam.lee"] = "Sam Lee" });
        var entry = new AuditEntry { Action = action, Actor = "helen.carter", Subject = "sam.lee", Details = "Curator" };

        var sentence = AuditText.Describe(entry, names);

        Assert.DoesNotContain(action, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("helen.carter", sentence, StringComparison.Ordinal);
    }
}
