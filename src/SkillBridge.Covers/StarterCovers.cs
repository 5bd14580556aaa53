namespace SkillBridge.Covers;

/// <summary>What a cover shows: one picture of the module's subject, drawn from plain shapes.</summary>
public enum Motif
{
    OneWindowShared,
    VideoMeeting,
    Keyboard,
    Passkey,
    FileLink,
    Screenshot,
    ChannelsAndChats,
    PasswordVault,
    PhotoGrid,
    ProfileCard,
    PrivacyToggles,
    Analytics,
    Comments,
    ScheduledPost,
    ShortVideo,
    WrittenPost,
    FocusCalendar,
    MeetingNotes,
    SearchMail,
    Phishing,
    Spreadsheet,
    ThreadSummary,
    InboxFolders,
    Prompt,
}

/// <summary>A starter module and the picture on its cover.</summary>
public sealed record CoverSpec(string Category, string Slug, Motif Motif);

public static class StarterCovers
{
    public static readonly IReadOnlyList<CoverSpec> All =
    [
        new("tools", "share-your-screen", Motif.OneWindowShared),
        new("tools", "join-a-teams-meeting", Motif.VideoMeeting),
        new("tools", "keyboard-shortcuts-that-save-time", Motif.Keyboard),
        new("tools", "passkeys-and-two-step-sign-in", Motif.Passkey),
        new("tools", "share-a-file-with-a-link", Motif.FileLink),
        new("tools", "take-and-annotate-a-screenshot", Motif.Screenshot),
        new("tools", "teams-channels-vs-chats", Motif.ChannelsAndChats),
        new("tools", "use-a-password-manager", Motif.PasswordVault),
        new("social-media", "instagram-company-account-basics", Motif.PhotoGrid),
        new("social-media", "linkedin-profile-basics", Motif.ProfileCard),
        new("social-media", "privacy-settings-check-up", Motif.PrivacyToggles),
        new("social-media", "read-analytics-honestly", Motif.Analytics),
        new("social-media", "reply-to-comments-and-criticism", Motif.Comments),
        new("social-media", "schedule-posts-ahead", Motif.ScheduledPost),
        new("social-media", "short-video-basics", Motif.ShortVideo),
        new("social-media", "write-a-linkedin-post", Motif.WrittenPost),
        new("work-hacks", "calendar-hygiene-and-focus-time", Motif.FocusCalendar),
        new("work-hacks", "meeting-notes-that-lead-to-action", Motif.MeetingNotes),
        new("work-hacks", "search-your-files-and-mail-faster", Motif.SearchMail),
        new("work-hacks", "spot-a-phishing-message", Motif.Phishing),
        new("work-hacks", "spreadsheet-basics-for-managers", Motif.Spreadsheet),
        new("work-hacks", "summarise-an-email-thread-with-ai", Motif.ThreadSummary),
        new("work-hacks", "tame-your-inbox", Motif.InboxFolders),
        new("work-hacks", "write-a-prompt-for-an-ai-assistant", Motif.Prompt),
    ];
}
