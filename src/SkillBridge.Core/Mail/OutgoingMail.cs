namespace SkillBridge.Core.Mail;

/// <summary>A file sent with a message, e.g. a calendar invitation (MediaType "text/calendar; method=REQUEST; charset=utf-8").</summary>
public sealed record EmailAttachment(string FileName, string MediaType, string Content);

/// <summary>A plain-text message, as the outbox stores it (JSON) until it is sent.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, EmailAttachment? Attachment = null);
