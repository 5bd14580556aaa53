using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SkillBridge.Web.Accounts;

/// <summary>The password rules in words, read from Identity's options so the form never says something the check does not do.</summary>
public sealed class PasswordRules(IOptions<IdentityOptions> options)
{
    public IReadOnlyList<string> Describe()
    {
        var password = options.Value.Password;
        var rules = new List<string> { $"At least {password.RequiredLength} characters. A few ordinary words in a row make a good password." };
        if (password.RequiredUniqueChars > 1)
        {
            rules.Add($"At least {password.RequiredUniqueChars} different characters.");
        }

        if (password.RequireUppercase)
        {
            rules.Add("At least one capital letter.");
        }

        if (password.RequireLowercase)
        {
            rules.Add("At least one small letter.");
        }

        if (password.RequireDigit)
        {
            rules.Add("At least one digit (0–9).");
        }

        if (password.RequireNonAlphanumeric)
        {
            rules.Add("At least one symbol, such as ! or #.");
        }

        return rules;
    }
}
