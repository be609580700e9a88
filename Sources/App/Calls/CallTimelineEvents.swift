import FrontlineCore
import Foundation

// The payloads of the phone-call events, written by `CallDesk` and `TransferNotes`.

extension TimelineEvent {
    /// `call_started`: a call attached to the ticket.
    struct CallStarted: Codable, Sendable, Equatable {
        var callId: UUID
        /// `inbound` or `outbound`, as the phone system said.
        var direction: String
        @NullWhenAbsent var agentId: UUID?
        var customerPhone: String
        /// An inbound call on a ticket that already existed: another contact for the runaround index.
        var countsAsContact: Bool
        var channel: TicketChannel = .phone

        enum CodingKeys: String, CodingKey {
            case direction, channel
            case callId = "call_id", agentId = "agent_id", customerPhone = "customer_phone", countsAsContact = "counts_as_contact"
        }
    }

    /// `call_ended`.
    struct CallEnded: Codable, Sendable, Equatable {
        var callId: UUID
        /// The phone system's word (`completed`, `dropped`, ...), empty when it gave none.
        var outcome: String
        @NullWhenAbsent var talkSeconds: Int?
        var holds: Int

        enum CodingKeys: String, CodingKey {
            case outcome, holds
            case callId = "call_id", talkSeconds = "talk_seconds"
        }
    }

    /// `hold_without_wait_told` and `hold_overran`: one hold of a call, told versus endured.
    struct HoldReport: Codable, Sendable, Equatable {
        var callId: UUID
        var holdStartedAt: Date
        @NullWhenAbsent var toldWaitSeconds: Int?
        @NullWhenAbsent var enduredSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case callId = "call_id", holdStartedAt = "hold_started_at"
            case toldWaitSeconds = "told_wait_seconds", enduredSeconds = "endured_seconds"
        }
    }

    /// `handoff_note_added`: the context note of a live transfer, written after the call.
    struct TransferNote: Codable, Sendable, Equatable {
        var callId: UUID
        var transferId: UUID
        var note: String

        enum CodingKeys: String, CodingKey {
            case note
            case callId = "call_id", transferId = "transfer_id"
        }
    }
}
