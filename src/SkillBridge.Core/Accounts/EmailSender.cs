using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Accounts;

/// <summary>A file sent with a message, e.g. a calendar invitation (MediaType "text/calendar; method=REQUEST; charset=utf-8").</summary>
public sealed record EmailAttachment(string FileName, string MediaType, string Content);

/// <summary>Sends plain-text mail through the SMTP server in SkillBridge:Smtp (registry.md: MailKit is not available).</summary>
public sealed class EmailSender(IOptions<SkillBridgeOptions> options, ILogger<EmailSender> logger)
{
    private SmtpOptions Smtp => options.Value.Smtp;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>True when the server accepted the message; false (logged) when mail is not configured or sending failed.</summary>
    public Task<bool> SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default) =>
        SendAsync(to, subject, body, attachment: null, cancellationToken);

    /// <summary>As <see cref="SendAsync(string, string, string, CancellationToken)"/>, with an optional attachment.</summary>
    public async Task<bool> SendAsync(string to, string subject, string body, EmailAttachment? attachment, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured)
        {
            return false;
        }

        try
        {
            using var message = new MailMessage(Smtp.From, to, subject, body);
            if (attachment is not null)
            {
                var file = new MemoryStream(Encoding.UTF8.GetBytes(attachment.Content));
                var part = new Attachment(file, new ContentType(attachment.MediaType));
                part.ContentDisposition!.FileName = attachment.FileName;
                part.ContentType.Name = attachment.FileName;
                message.Attachments.Add(part);
            }

            using var client = new SmtpClient(Smtp.Host, Smtp.Port)
            {
                EnableSsl = Smtp.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            };
            if (!string.IsNullOrEmpty(Smtp.UserName))
            {
                client.Credentials = new NetworkCredential(Smtp.UserName, Smtp.Password);
            }

            await client.SendMailAsync(message, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is SmtpException or InvalidOperationException or FormatException)
        {
            logger.LogError(exception, "Could not send mail \"{Subject}\" through {Host}:{Port}", subject, Smtp.Host, Smtp.Port);
            return false;
        }
    }
}
