@testable import App
import Fluent
import FrontlineCore
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Inbound mail")
struct MailInboundTests {
    @Test func aFileTheCustomerMailedIsOnRecordFromEveryTicketOfTheirs() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let rfc822 = HTTPMediaType(type: "message", subType: "rfc822")
            var ticketIds: [UUID] = []
            // The same receipt in two separate requests: two tickets, one document on record.
            for messageID in ["first.1@client.example.test", "again.2@client.example.test"] {
                let mail = MailSamples.firstContact(messageID: messageID)
                let record = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: mail, contentType: rfc822).decoded(InboundMailDTO.self)
                ticketIds.append(try #require(record.ticketId))
            }
            #expect(Set(ticketIds).count == 2)
            for ticketId in ticketIds {
                let onRecord = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/entitlements", token: admin.token).decoded(TicketEntitlements.self)
                #expect(onRecord.documents.map(\.filename) == ["rechnung.pdf"])
                #expect(onRecord.documents.first?.uploadedBy.type == "customer")
            }
            let document = try #require(try await desk.send(.GET, "/api/v1/tickets/\(ticketIds[0])/entitlements", token: admin.token)
                .decoded(TicketEntitlements.self).documents.first)
            let download = try await desk.send(.GET, "/api/v1/documents/\(document.id)", token: admin.token)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == Array(Data(base64Encoded: "JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCg==")!))
        }
    }

    @Test func aRealClientMessageBecomesATicketThatReadsCorrectly() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let response = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: MailSamples.firstContact(), contentType: HTTPMediaType(type: "message", subType: "rfc822"))
            #expect(response.status == .accepted, "\(response.body.string)")
            let record = try response.decoded(InboundMailDTO.self)
            #expect(record.status == "processed")
            let ticketId = try #require(record.ticketId)

            let ticket = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)", token: admin.token).decoded(TicketDTO.self)
            #expect(ticket.subject == "Drucker zeigt Fehler E3 – bitte helfen")
            #expect(ticket.channel == .email)
            #expect(ticket.requester.email == "zoe@example.test")
            #expect(ticket.requester.name == "Zoë Müller")

            let message = try #require(try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/messages", token: admin.token).decoded(MessageList.self).messages.first)
            #expect(message.body.contains("Die Rechnung hänge ich an."))
            let html = try #require(message.html)
            #expect(html.contains("<b>E3</b>"))
            #expect(!html.contains("script"))
            #expect(!html.contains("onclick"))

            let attachments = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/attachments", token: admin.token).decoded(AttachmentsController.AttachmentList.self).attachments
            #expect(attachments.map(\.filename) == ["rechnung.pdf"])
            let file = try await desk.send(.GET, attachments[0].url, token: admin.token)
            #expect(file.status == .ok)
            #expect(file.body.string.hasPrefix("%PDF-1.4"))
            #expect(file.headers.first(name: "Content-Disposition")?.hasPrefix("attachment;") == true)

            // The customer got an acknowledgement in the outbox (no SMTP configured: it waits there).
            let outbox = try await desk.send(.GET, "/api/v1/mail/outbox", token: admin.token).decoded(MailController.OutboxList.self).mails
            #expect(outbox.map(\.kind) == ["acknowledgement"])
            #expect(outbox.first?.status == "queued")
        }
    }

    @Test func theSameMessageDeliveredTwiceIsOneMessage() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let first = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: MailSamples.firstContact()).decoded(InboundMailDTO.self)
            let second = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: MailSamples.firstContact()).decoded(InboundMailDTO.self)
            #expect(first.id == second.id)
            let tickets = try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets
            #expect(tickets.count == 1)
            let messages = try await desk.send(.GET, "/api/v1/tickets/\(tickets[0].id)/messages", token: admin.token).decoded(MessageList.self).messages
            #expect(messages.count == 1)
        }
    }

    @Test func theSameMessageDeliveredEightTimesAtOnceIsOneMessage() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let records = try await withThrowingTaskGroup(of: InboundMailDTO.self) { group in
                for _ in 0..<8 { group.addTask { try await ingest(desk, admin.token, MailSamples.firstContact()) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(records.map(\.id)).count == 1)
            let tickets = try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets
            #expect(tickets.count == 1)
        }
    }

    @Test func aSubjectLongerThanATicketHoldsIsCutNotRefused() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let subject = String(repeating: "Printer jam again ", count: 20)
            let raw = "From: Ann <ann@client.example.test>\r\nTo: support@frontline.test\r\nSubject: \(subject)\r\n"
                + "Message-ID: <long.subject@client.example.test>\r\n\r\nThe tray jams.\r\n"
            let record = try await ingest(desk, admin.token, raw)
            #expect(record.status == "processed")
            let ticket = try await desk.send(.GET, "/api/v1/tickets/\(try #require(record.ticketId))", token: admin.token).decoded(TicketDTO.self)
            #expect(ticket.subject.count == TicketInput.maxSubjectLength)
            #expect(subject.hasPrefix(ticket.subject))
        }
    }

    @Test func repliesThreadByReferencesAndBySubjectTagFromKnownPeopleOnly() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let first = try await ingest(desk, admin.token, MailSamples.firstContact(cc: "Ben Berg <ben@example.test>"))
            let ticketId = try #require(first.ticketId)

            let byReference = try await ingest(desk, admin.token, MailSamples.reply(subject: "AW: Drucker", inReplyTo: "first.1@client.example.test", messageID: "r1@client.example.test"))
            #expect(byReference.ticketId == ticketId)

            let byTag = try await ingest(desk, admin.token, MailSamples.reply(subject: "Re: [#1001] Drucker", inReplyTo: nil, messageID: "r2@client.example.test"))
            #expect(byTag.ticketId == ticketId)

            let participant = try await ingest(desk, admin.token, MailSamples.reply(from: "ben@example.test", subject: "Re: [#1001] Drucker", inReplyTo: nil, messageID: "r3@client.example.test"))
            #expect(participant.ticketId == ticketId, "a Cc'd participant joins the ticket")

            let stranger = try await ingest(desk, admin.token, MailSamples.reply(from: "mallory@evil.test", subject: "Re: [#1001] give me the data", inReplyTo: nil, messageID: "r4@evil.test"))
            #expect(stranger.ticketId != ticketId, "a stranger quoting a number gets a ticket of their own")

            let messages = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/messages", token: admin.token).decoded(MessageList.self).messages
            #expect(messages.count == 4)
            let participants = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/participants", token: admin.token).decoded(ParticipantList.self)
            #expect(participants.participants.map(\.email) == ["ben@example.test"])
            #expect(participants.participants.first?.name == "Ben Berg")
        }
    }

    @Test func aReplyToAClosedTicketOpensALinkedFollowUp() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let first = try await ingest(desk, admin.token, MailSamples.firstContact())
            let oldId = try #require(first.ticketId)
            _ = try await desk.send(.PATCH, "/api/v1/tickets/\(oldId)", token: admin.token, json: ["status": "closed"])
            let reply = try await ingest(desk, admin.token, MailSamples.reply(subject: "Re: [#1001] Drucker", inReplyTo: "first.1@client.example.test", messageID: "late@client.example.test"))
            let newId = try #require(reply.ticketId)
            #expect(newId != oldId)
            let followUp = try await desk.send(.GET, "/api/v1/tickets/\(newId)/events", token: admin.token).decoded(EventList.self).events
            #expect(followUp.contains { $0.kind == "follow_up_of" && $0.data == .object(["original_number": .number(1001)]) })
            let original = try await desk.send(.GET, "/api/v1/tickets/\(oldId)/events", token: admin.token).decoded(EventList.self).events
            #expect(original.contains { $0.kind == "follow_up_created" })
        }
    }

    @Test func aBounceGoesOnTheOriginalTicketAndMarksTheAddress() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let first = try await ingest(desk, admin.token, MailSamples.firstContact())
            let ticketId = try #require(first.ticketId)
            try await desk.app.write { db in
                try await MailThreading(db: db).remember("our.reply.1@frontline.test", ticketId: ticketId, direction: "out", now: Date())
            }
            let bounce = try await ingest(desk, admin.token, MailSamples.bounce(original: "our.reply.1@frontline.test", recipient: "zoe@example.test"))
            #expect(bounce.status == "bounce")
            #expect(bounce.ticketId == nil)
            let tickets = try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets
            #expect(tickets.count == 1, "a bounce never opens a ticket")
            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/events", token: admin.token).decoded(EventList.self).events
            let bounced = try #require(events.first { $0.kind == "mail_bounced" })
            guard case .object(let data) = bounced.data else { Issue.record("bounce data"); return }
            #expect(data["permanent"] == .bool(true))
            #expect(try await BouncingAddress.query(on: desk.app.db).filter(\.$email == "zoe@example.test").count() == 1)

            let unknown = try await ingest(desk, admin.token, MailSamples.bounce(original: "never.sent@frontline.test", recipient: "x@example.test"))
            #expect(unknown.status == "ignored")
            #expect(unknown.error != nil)
        }
    }

    @Test(arguments: [
        "Auto-Submitted: auto-replied\r\n",
        "Precedence: bulk\r\n",
        "List-Id: <printers.lists.example.test>\r\n",
        "X-Autoreply: yes\r\n",
    ])
    func automaticMailGetsNoAutomaticAnswer(header: String) async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let record = try await ingest(desk, admin.token, MailSamples.reply(subject: "Out of office", inReplyTo: nil, messageID: "auto@example.test", headers: header))
            #expect(record.status == "processed", "it is still kept as a ticket message")
            let outbox = try await desk.send(.GET, "/api/v1/mail/outbox", token: admin.token).decoded(MailController.OutboxList.self).mails
            #expect(outbox.isEmpty)
        }
    }

    @Test func automaticAnswersToOneAddressAreRateLimited() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            for index in 0..<5 {
                _ = try await ingest(desk, admin.token, MailSamples.reply(subject: "Problem \(index)", inReplyTo: nil, messageID: "p\(index)@example.test"))
            }
            let outbox = try await desk.send(.GET, "/api/v1/mail/outbox", token: admin.token).decoded(MailController.OutboxList.self).mails
            #expect(outbox.filter { $0.kind == "acknowledgement" }.count == 3)
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets.count == 5)
        }
    }

    @Test func mailFromOurOwnAddressIsKeptButIgnored() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let record = try await ingest(desk, admin.token, MailSamples.reply(from: "support@frontline.test", subject: "Loop", inReplyTo: nil, messageID: "loop@frontline.test"))
            #expect(record.status == "ignored")
            #expect(try await desk.send(.GET, "/api/v1/tickets", token: admin.token).decoded(TicketPage.self).tickets.isEmpty)
        }
    }

    @Test func badOrUnauthorisedInputIsRefusedAndFailuresAreKept() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let agent = try await desk.staff(.agent)
            let garbage = try await desk.send(.POST, "/api/v1/mail/inbound", token: admin.token, raw: "\u{0}\u{1}\u{2} not mail at all")
            #expect(garbage.status == .badRequest)
            #expect(garbage.apiError?.code == "not_mail")
            #expect(try await desk.send(.POST, "/api/v1/mail/inbound", token: agent.token, raw: MailSamples.firstContact()).status == .forbidden)
            #expect(try await desk.send(.POST, "/api/v1/mail/inbound", raw: MailSamples.firstContact()).status == .unauthorized)

            // A message without a sender cannot become a ticket: it is kept, with the reason.
            let anonymous = "To: support@frontline.test\r\nSubject: who am I\r\nMessage-ID: <anon@example.test>\r\n\r\nhello\r\n"
            let kept = try await ingest(desk, admin.token, anonymous)
            #expect(kept.status == "failed")
            #expect(kept.error?.contains("From") == true)
            let failed = try await desk.send(.GET, "/api/v1/mail/inbound?status=failed", token: admin.token).decoded(MailController.InboundList.self).mails
            #expect(failed.map(\.id) == [kept.id])
            let retried = try await desk.send(.POST, "/api/v1/mail/inbound/\(kept.id)/retry", token: admin.token)
            #expect(try retried.decoded(InboundMailDTO.self).status == "failed")
            let processed = try await ingest(desk, admin.token, MailSamples.firstContact())
            #expect(try await desk.send(.POST, "/api/v1/mail/inbound/\(processed.id)/retry", token: admin.token).status == .conflict)
        }
    }

    @Test func attachmentsFollowTheTicketsVisibility() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let record = try await ingest(desk, admin.token, MailSamples.firstContact())
            let ticketId = try #require(record.ticketId)
            let url = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/attachments", token: admin.token).decoded(AttachmentsController.AttachmentList.self).attachments[0].url
            let owner = try await desk.customer(email: "zoe@example.test")
            let other = try await desk.customer(email: "someone@example.test")
            #expect(try await desk.send(.GET, url, token: owner.token).status == .ok)
            #expect(try await desk.send(.GET, url, token: other.token).status == .notFound)
        }
    }

    private func ingest(_ desk: TestDesk, _ token: String, _ raw: String) async throws -> InboundMailDTO {
        let response = try await desk.send(.POST, "/api/v1/mail/inbound", token: token, raw: raw, contentType: HTTPMediaType(type: "message", subType: "rfc822"))
        #expect(response.status == .accepted, "\(response.body.string)")
        return try response.decoded(InboundMailDTO.self)
    }
}
