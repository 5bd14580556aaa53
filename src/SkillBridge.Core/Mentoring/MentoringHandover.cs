using SkillBridge.Core.Mail;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Mentoring;

/// <summary>
/// The mentoring part of a curator's hand-over: open requests to the leaving author go to the new author. Booked
/// sessions stay with the leaving author (they end only if the account is deleted). Nothing moves once the leaving
/// account is gone: deleting it already closed its open requests.
/// </summary>
public sealed class MentoringHandover(MentoringService mentoring, MailStatus mailStatus) : IAuthorTransferStep
{
    public async Task<string?> TransferAsync(AuthorHandover handover, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handover);
        if (handover.FromUserId is not { } fromUserId)
        {
            return null;
        }

        var moved = await mentoring.HandOverOpenRequestsAsync(fromUserId, handover.ToUserId, mailStatus.SiteUrl ?? "", cancellationToken);
        return moved switch
        {
            0 => null,
            1 => $"1 open mentoring request moved to {handover.To.Name}",
            _ => $"{moved} open mentoring requests moved to {handover.To.Name}",
        };
    }
}
