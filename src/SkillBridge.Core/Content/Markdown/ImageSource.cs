namespace SkillBridge.Core.Content.Markdown;

/// <summary>Where the site serves an image written in module Markdown, and its size in pixels when known.</summary>
public sealed record ImageSource(string Url, int? Width, int? Height);
