using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SkillBridge.Core.Content;

namespace SkillBridge.Core.Mail;

/// <summary>Hands one message to the SMTP server in SkillBridge:Smtp, through MailKit. Throws when the server does not take it.</summary>
public sealed class MailSender(IOptions<SkillBridgeOptions> options, TimeProvider clock)
{
    /// <summary>Well inside <see cref="Outbox.OutboxSender.LeaseDuration"/>, so a send never outlives its claim.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task SendAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var message = Build(mail, messageId, smtp.From, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        var security = !smtp.EnableSsl ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("SkillBridge:Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>
    /// The MIME message, dated <paramref name="date"/>. A subject is one header line: any line break or control character
    /// in it (a module title, a name) becomes a space; MimeKit encodes and folds the rest.
    /// </summary>
    public static MimeMessage Build(OutgoingMail mail, string messageId, string from, DateTimeOffset date)
    {
        var message = new MimeMessage { MessageId = messageId, Subject = SingleLine(mail.Subject), Date = date };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        var text = new TextPart("plain") { Text = mail.Body };
        if (mail.Attachment is not { } attachment)
        {
            message.Body = text;
            return message;
        }

        var file = new MimePart(ContentType.Parse(attachment.MediaType))
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(attachment.Content))),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            FileName = attachment.FileName,
        };
        message.Body = new Multipart("mixed") { text, file };
        return message;
    }

    /// <summary>The subject as one header line (<see cref="SingleLineText"/>), without surrounding spaces.</summary>
    public static string SingleLine(string text) => SingleLineText.Clean(text).Trim();
}
