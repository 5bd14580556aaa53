using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Accounts;

/// <summary>Sends plain-text mail through the SMTP server in SkillBridge:Smtp (registry.md: MailKit is not available).</summary>
public sealed class EmailSender(IOptions<SkillBridgeOptions> options, ILogger<EmailSender> logger)
{
    private SmtpOptions Smtp => options.Value.Smtp;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>True when the server accepted the message; false (logged) when mail is not configured or sending failed.</summary>
    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured)
        {
            return false;
        }

        try
        {
            using var message = new MailMessage(Smtp.From, to, subject, body);
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
