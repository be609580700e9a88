@testable import App
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Who wrote an inbound message, which ticket it may join, and who gets copied: the author is From,
/// a subject tag threads only for the ticket's own people, and a stranger copied on a reply waits
/// for an agent instead of being subscribed.
@Suite("Mail authorship and participants")
struct MailAuthorshipTests {
    /// The attack of issue 11: From a stranger, Reply-To the customer, Cc a spy, the ticket's tag.
    @Test func replyToDoesNotMakeAStrangerTheCustomerNorSubscribeTheirSpy() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let first = try await ingest(desk, admin.token, MailSamples.firstContact())
            let ticketId = try #require(first.ticketId)
            let forged = """
                From: Mallory <mallory@evil.test>\r
                Reply-To: Zoë Müller <zoe@example.test>\r
                To: support@frontline.test\r
                Cc: spy@evil.test\r
                Subject: Re: [#1001] Drucker\r
                Message-ID: <forged.1@evil.test>\r
                \r
                Please send the invoice to my new address.\r

                """
            let record = try await ingest(desk, admin.token, forged)
            let otherId = try #require(record.ticketId)
            #expect(otherId != ticketId, "the tag does not thread for a stranger: a new ticket")
            let other = try await desk.send(.GET, "/api/v1/tickets/\(otherId)", token: admin.token).decoded(TicketDTO.self)
            #expect(other.requester.email == "mallory@evil.test", "the author is From, not Reply-To")

            let messages = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/messages", token: admin.token).decoded(MessageList.self).messages
            #expect(messages.count == 1, "nothing was posted as the customer")
            let people = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/participants", token: admin.token).decoded(ParticipantList.self)
            #expect(people.participants.isEmpty && people.suggested.isEmpty)
        }
    }

    @Test func aStrangerCopiedOnTheCustomersReplyIsSuggestedAndAnAgentAddsOrRemovesThem() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let agent = try await desk.staff(.agent)
            let ticketId = try #require(try await ingest(desk, admin.token, MailSamples.firstContact()).ticketId)
            let reply = MailSamples.reply(
                subject: "Re: [#1001] Drucker", inReplyTo: nil, messageID: "r.cc@client.example.test",
                headers: "Cc: Bo Boss <boss@corp.example.test>, Support <support@frontline.test>\r\n")
            #expect(try await ingest(desk, admin.token, reply).ticketId == ticketId, "the requester's tag threads")

            let path = "/api/v1/tickets/\(ticketId)/participants"
            var people = try await desk.send(.GET, path, token: agent.token).decoded(ParticipantList.self)
            #expect(people.participants.isEmpty, "copying someone does not subscribe them")
            #expect(people.suggested.map(\.email) == ["boss@corp.example.test"], "the desk's own address is never a participant")
            #expect(people.suggested.first?.name == "Bo Boss")

            let added = try await desk.send(.POST, path, token: agent.token, json: ["email": "boss@corp.example.test"])
            #expect(added.status == .created, "\(added.body.string)")
            people = try added.decoded(ParticipantList.self)
            #expect(people.participants.map(\.email) == ["boss@corp.example.test"])
            #expect(people.participants.first?.name == "Bo Boss", "the suggestion's name is kept")
            #expect(people.suggested.isEmpty)

            let removed = try await desk.send(.DELETE, "\(path)/boss@corp.example.test", token: agent.token)
            #expect(removed.status == .ok, "\(removed.body.string)")
            #expect(try removed.decoded(ParticipantList.self).participants.isEmpty)
            #expect(try await desk.send(.DELETE, "\(path)/boss@corp.example.test", token: agent.token).status == .notFound)

            let events = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)/events", token: admin.token).decoded(EventList.self).events
            #expect(events.filter { $0.kind == "participant_added" || $0.kind == "participant_removed" }.count == 2)

            // A removed participant's tag no longer threads: they are a stranger again.
            let later = try await ingest(desk, admin.token, MailSamples.reply(from: "boss@corp.example.test", subject: "Re: [#1001] Drucker", inReplyTo: nil, messageID: "boss.2@corp.example.test"))
            #expect(later.ticketId != ticketId)
        }
    }

    @Test(arguments: [
        (#"{"email": "not an address"}"#, "email"),
        (#"{"email": "support@frontline.test"}"#, "email"),
        (#"{"email": "zoe@example.test"}"#, "email"),
        (#"{"name": "no address"}"#, "email"),
    ])
    func addingABadParticipantIsA422NamingTheField(body: String, field: String) async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let ticketId = try #require(try await ingest(desk, admin.token, MailSamples.firstContact()).ticketId)
            let response = try await desk.send(.POST, "/api/v1/tickets/\(ticketId)/participants", token: admin.token, raw: body, contentType: .json)
            #expect(response.status == .unprocessableEntity, "\(response.body.string)")
            #expect(response.apiError?.field == field)
            let customer = try await desk.customer(email: "zoe@example.test")
            #expect(try await desk.send(.POST, "/api/v1/tickets/\(ticketId)/participants", token: customer.token, json: ["email": "x@example.test"]).status == .forbidden)
        }
    }

    @Test func theTicketPageListsSuggestionsAndAddsOrRemovesWithOneClick() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            _ = try await ingest(desk, admin.token, MailSamples.firstContact(cc: "Ben Berg <ben@example.test>"))
            _ = try await ingest(desk, admin.token, MailSamples.reply(
                subject: "Re: [#1001] Drucker", inReplyTo: nil, messageID: "r.web@client.example.test", headers: "Cc: boss@corp.example.test\r\n"))
            let web = WebClient(desk)
            try await web.signInStaff(.agent)
            var page = try await web.get("/desk/tickets/1001").body.string
            #expect(page.contains("data-participant=\"ben@example.test\""), "copied on the first contact: a participant")
            #expect(page.contains("data-suggested=\"boss@corp.example.test\""))

            #expect(try await web.post("/desk/tickets/1001/participants", ["email": "boss@corp.example.test"]).status == .seeOther)
            #expect(try await web.post("/desk/tickets/1001/participants/remove", ["email": "ben@example.test"]).status == .seeOther)
            page = try await web.get("/desk/tickets/1001").body.string
            #expect(page.contains("data-participant=\"boss@corp.example.test\""))
            #expect(!page.contains("data-suggested=\"boss@corp.example.test\""))
            #expect(!page.contains("data-participant=\"ben@example.test\""))

            let bad = try await web.post("/desk/tickets/1001/participants", ["email": "support@frontline.test"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("the desk&#39;s own address") || bad.body.string.contains("the desk's own address"))
        }
    }

    /// Real mail the mainstream parsers read, from the corpus, through the HTTP endpoint.
    @Test func mailThatMainstreamParsersReadBecomesTickets() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let expected = [
                ("46-first-line-indented.eml", "lena@example.com"), ("47-first-line-stray-continuation.eml", "omar@example.com"),
                ("48-empty-reply-to.eml", "priya@example.com"), ("49-dotless-domain.eml", "kim@intranet"),
                ("51-sender-without-from.eml", "assistant@example.com"),
            ]
            for (file, requester) in expected {
                let record = try await ingest(desk, admin.token, try MailCorpus.text(file))
                #expect(record.status == "processed", "\(file): \(record.error ?? "")")
                let ticketId = try #require(record.ticketId, "\(file)")
                let ticket = try await desk.send(.GET, "/api/v1/tickets/\(ticketId)", token: admin.token).decoded(TicketDTO.self)
                #expect(ticket.requester.email == requester, "\(file)")
            }
            // An acknowledgement went to the sender of the empty Reply-To.
            let outbox = try await desk.send(.GET, "/api/v1/mail/outbox", token: admin.token).decoded(MailController.OutboxList.self).mails
            #expect(outbox.contains { $0.recipient == "priya@example.com" && $0.kind == "acknowledgement" })
        }
    }

    @Test func aMessageWithoutASenderIsKeptAsFailedAndShownToAnAdmin() async throws {
        try await TestDesk.run { desk in
            let admin = try await desk.staff(.admin)
            let record = try await ingest(desk, admin.token, try MailCorpus.text("50-no-sender.eml"))
            #expect(record.status == "failed")
            #expect(record.error == "the message has no usable From address")

            let web = WebClient(desk)
            try await web.signInStaff(.admin)
            let page = try await web.get("/admin/mail")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("nosender.1@example.com"))
            #expect(page.body.string.contains("the message has no usable From address"))
            #expect(page.body.string.contains("/admin/mail/\(record.id)/retry"))
            let retried = try await web.post("/admin/mail/\(record.id)/retry")
            #expect(retried.status == .seeOther)
            #expect(retried.headers.first(name: .location) == "/admin/mail?done=failed")

            let agent = WebClient(desk)
            try await agent.signInStaff(.agent)
            #expect(try await agent.get("/admin/mail").status == .forbidden)
        }
    }

    private func ingest(_ desk: TestDesk, _ token: String, _ raw: String) async throws -> InboundMailDTO {
        let response = try await desk.send(.POST, "/api/v1/mail/inbound", token: token, raw: raw, contentType: HTTPMediaType(type: "message", subType: "rfc822"))
        #expect(response.status == .accepted, "\(response.body.string)")
        return try response.decoded(InboundMailDTO.self)
    }
}

/// The mail library's corpus (Tests/FrontlineMailTests/Corpus), read from the source tree.
enum MailCorpus {
    static func text(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FrontlineMailTests/Corpus/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }
}
