namespace SkillBridge.Core.Mentoring;

/// <summary>
/// Where a session happens: a meeting link or a room. Anything that looks like a web address must be a full https
/// link (a link that is not https would send the meeting over plain HTTP, or is a typing slip); anything else is a
/// room, kept as one line of text.
/// </summary>
public static class SessionPlace
{
    /// <summary>The place as stored (trimmed, null when empty), or a message saying what to change.</summary>
    public static (string? Place, string? Problem) Check(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return (null, null);
        }

        if (value.Length > MentoringRequest.PlaceMaxLength)
        {
            return (null, $"Keep the place under {MentoringRequest.PlaceMaxLength} characters.");
        }

        if (value.Any(char.IsControl))
        {
            return (null, "Write the place on one line.");
        }

        if (LooksLikeLink(value))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0 && !value.Any(char.IsWhiteSpace)
                ? (value, null)
                : (null, "A meeting link must be a full address starting with https://, for example https://meet.example.com/abc-defg. For a room, write its name without a web address.");
        }

        return (value, null);
    }

    /// <summary>The place is a meeting link (it passed <see cref="Check"/>, so it is https).</summary>
    public static bool IsLink(string? place) => place is not null && place.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeLink(string value) =>
        value.Contains("://", StringComparison.Ordinal)
        || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
}
