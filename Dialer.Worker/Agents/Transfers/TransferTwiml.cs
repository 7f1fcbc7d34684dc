using Dialer.Core.Transfers;
using Dialer.Worker.Agents.Lines;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Dialer.Worker.Agents.Transfers;

/// <summary>
/// The transfer's own room. The customer waits there on music until the third party is in (only the third party starts
/// it), and either leaving ends it: nobody stays alone in it. No statusCallback: the engine follows the third party by
/// their call's status callback, and the customer by theirs.
/// </summary>
public static class TransferTwiml
{
    public static VoiceResponse Customer(Guid transferId, string webhookBase)
    {
        var room = Room(transferId, startsIt: false);
        room.SetOption("waitUrl", WebhookRoutes.HoldMusicUrl(webhookBase));
        room.SetOption("waitMethod", "POST");
        return Join(room);
    }

    public static VoiceResponse ThirdParty(Guid transferId) => Join(Room(transferId, startsIt: true));

    static VoiceResponse Join(Conference room) =>
        new VoiceResponse().Append(new Dial(timeLimit: RoomTwiml.ShiftSeconds).Append(room));

    static Conference Room(Guid transferId, bool startsIt) =>
        new(TransferRoom.NameOf(transferId), beep: Conference.BeepEnum.False, startConferenceOnEnter: startsIt,
            endConferenceOnExit: true);
}
