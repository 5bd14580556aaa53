namespace SkillBridge.Core.Content.Markdown;

/// <summary>
/// Where the site serves an image written in module Markdown, and its size in pixels when known; with smaller
/// copies, a <c>srcset</c> ("/media/x-480.png 480w, /media/x.png 1200w") and the <c>sizes</c> it is shown at.
/// </summary>
public sealed record ImageSource(string Url, int? Width, int? Height, string? Srcset = null, string? Sizes = null);
