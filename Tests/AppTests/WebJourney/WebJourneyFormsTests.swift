@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// The ticket page's journey forms: 303 and the stored result when they work, the page again with
/// 422 (or the service's status), the reason and what was typed when they do not.
@Suite("Web journey: forms on the ticket page")
struct WebJourneyFormsTests {
    /// A ticket the signed-in agent has taken.
    func takenTicket(_ desk: TestDesk, _ web: WebClient) async throws -> TicketDTO {
        let (_, token) = try await desk.staff(.agent)
        let ticket = try await desk.createTicket(token: token)
        #expect(try await web.post("/desk/tickets/\(ticket.number)/assign").status == .seeOther)
        return ticket
    }

    func promises(_ desk: TestDesk, on ticket: TicketDTO) async throws -> [CustomerPromise] {
        try await CustomerPromise.query(on: desk.app.db).filter(\.$ticketId == ticket.id).sort(\.$createdAt).all()
    }

    @Test func aPromiseIsMadeInTheDesksTimeZoneAndListed() async throws {
        try await TestDesk.run { desk in
            try await desk.app.write { db in
                var settings = try await DeskSettings.load(on: db)
                settings.timeZone = "Asia/Tokyo"
                try await settings.save(on: db, at: Date())
            }
            let web = WebClient(desk)
            let agent = try await web.signInStaff(.agent, name: "Ana Costa")
            let ticket = try await takenTicket(desk, web)
            let tokyo = TimeZone(identifier: "Asia/Tokyo")!
            let due = Date().addingTimeInterval(3 * 3600)
            let typed = JourneyFormat.formValue(due, zone: tokyo)
            let made = try await web.post("/desk/tickets/\(ticket.number)/promises", [
                "kind": "callback", "description": "Call Pat back about the E3 error", "due_at": typed, "owner_id": "",
            ])
            #expect(made.status == .seeOther)
            #expect(made.headers.first(name: .location) == "/desk/tickets/\(ticket.number)?done=promise#promises")
            let stored = try #require(try await promises(desk, on: ticket).first)
            #expect(stored.kind == .callback)
            #expect(stored.ownerId == agent.id, "the owner defaults to the ticket's owner")
            #expect(stored.promiseDescription == "Call Pat back about the E3 error")
            #expect(JourneyFormat.formValue(stored.dueAt, zone: tokyo) == typed)
            #expect(abs(stored.dueAt.timeIntervalSince(due)) < 60, "\(typed) in Tokyo is the time that was meant")

            let page = try await web.get("/desk/tickets/\(ticket.number)?done=promise").body.string
            #expect(page.contains("<p class=\"notice\" role=\"status\">Promise made.</p>"))
            #expect(page.contains("<p class=\"promise-text\">Call Pat back about the E3 error</p>"))
            #expect(page.contains("owner Ana Costa · made by Ana Costa"))
            #expect(page.contains("<option value=\"\(agent.id!.uuidString)\" selected>Ana Costa</option>"), "the form proposes the ticket's owner")
            #expect(!page.contains(">Mark kept</button>"), "a callback is kept by a call, not by hand")
        }
    }

    @Test(arguments: [
        (["kind": "callback", "description": "Call back", "due_at": "2001-01-01T10:00"], "due_at must be in the future"),
        (["kind": "callback", "description": "Call back", "due_at": "tomorrow"], "due_at must be a date and time"),
        (["kind": "telepathy", "description": "Call back", "due_at": "2099-01-01T10:00"], "kind must be one of callback, update, replacement, refund, other"),
        (["kind": "update", "description": "   ", "due_at": "2099-01-01T10:00"], "description must be 1 to 2000 characters"),
        (["kind": "update", "description": "Update", "due_at": "2099-01-01T10:00", "owner_id": "nobody"], "owner_id is not an id"),
    ])
    func aBadPromiseIsShownAgainWith422(form: [String: String], message: String) async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff(.agent)
            let ticket = try await takenTicket(desk, web)
            let refused = try await web.post("/desk/tickets/\(ticket.number)/promises", form)
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("<p class=\"form-error\" role=\"alert\" id=\"promise-error\">\(message)</p>"), "\(html.count)")
            #expect(html.contains("<details class=\"make-promise\" open>"))
            #expect(html.contains("value=\"\(form["due_at"]!)\""), "the typed due time is kept")
            #expect(try await promises(desk, on: ticket).isEmpty)
        }
    }

    @Test func aTicketWithoutOwnerNeedsTheOwnerNamed() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            let agent = try await web.signInStaff(.agent)
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            let form = ["kind": "update", "description": "Status by Friday", "due_at": "2099-01-01T10:00"]
            let refused = try await web.post("/desk/tickets/\(ticket.number)/promises", form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("the ticket has no owner; name the promise&#39;s owner with owner_id"))
            #expect(refused.body.string.contains("<textarea id=\"promise-description\" name=\"description\" rows=\"2\" required maxlength=\"2000\">Status by Friday</textarea>"))
            var named = form
            named["owner_id"] = agent.id!.uuidString
            #expect(try await web.post("/desk/tickets/\(ticket.number)/promises", named).status == .seeOther)
            #expect(try await promises(desk, on: ticket).map(\.ownerId) == [agent.id!])
        }
    }

    @Test func theOwnerMarksAReplacementKeptOthersMayNot() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff(.agent, name: "Ana Costa")
            let ticket = try await takenTicket(desk, web)
            let due = JourneyFormat.formValue(Date().addingTimeInterval(86_400), zone: .gmt)
            for (kind, text) in [("replacement", "Ship a new LX-400"), ("callback", "Call back at 3")] {
                #expect(try await web.post("/desk/tickets/\(ticket.number)/promises", ["kind": kind, "description": text, "due_at": due]).status == .seeOther)
            }
            let made = try await promises(desk, on: ticket)
            let replacement = try #require(made.first { $0.kind == .replacement })
            let callback = try #require(made.first { $0.kind == .callback })
            let keepPath = "/desk/tickets/\(ticket.number)/promises/\(replacement.id!)/keep"
            #expect(try await web.get("/desk/tickets/\(ticket.number)").body.string.contains("<form method=\"post\" action=\"\(keepPath)\" class=\"inline\">"))

            // Another agent neither sees the button nor may use it.
            let other = WebClient(desk)
            try await other.signInStaff(.agent, name: "Ben Ode")
            #expect(!(try await other.get("/desk/tickets/\(ticket.number)").body.string.contains(keepPath)))
            let forbidden = try await other.post(keepPath)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.body.string.contains("only the promise&#39;s owner or a lead can mark it kept"))

            // A callback is not kept by a tick in a box.
            let wrongKind = try await web.post("/desk/tickets/\(ticket.number)/promises/\(callback.id!)/keep")
            #expect(wrongKind.status == .unprocessableEntity)
            #expect(wrongKind.body.string.contains("A marked by owner does not keep a callback promise."))

            #expect(try await web.post(keepPath).status == .seeOther)
            let kept = try #require(try await CustomerPromise.find(replacement.id, on: desk.app.db))
            #expect(kept.state == .kept && kept.resolution == "marked_by_owner")
            let page = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(page.contains("<li class=\"promise promise-kept\" id=\"promise-\(replacement.id!)\">"))
            #expect(page.contains("Promise kept: Replacement “Ship a new LX-400” by the owner marking it kept"))
            #expect(page.contains("by the owner marking it kept.</p>"))

            // Already final: a conflict, shown on the page.
            let again = try await web.post(keepPath)
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("The promise is already kept; a final promise never changes."))

            // Another ticket's URL does not reach this promise.
            let (_, token) = try await desk.staff(.agent)
            let elsewhere = try await desk.createTicket(token: token)
            #expect(try await web.post("/desk/tickets/\(elsewhere.number)/promises/\(callback.id!)/cancel", ["reason": "wrong ticket"]).status == .notFound)
            #expect(try await CustomerPromise.find(callback.id, on: desk.app.db)?.state == .pending)
        }
    }

    @Test func cancellingNeedsAReason() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff(.agent)
            let ticket = try await takenTicket(desk, web)
            let due = JourneyFormat.formValue(Date().addingTimeInterval(86_400), zone: .gmt)
            #expect(try await web.post("/desk/tickets/\(ticket.number)/promises", ["kind": "refund", "description": "Refund the shipping", "due_at": due]).status == .seeOther)
            let promise = try #require(try await promises(desk, on: ticket).first)
            let path = "/desk/tickets/\(ticket.number)/promises/\(promise.id!)/cancel"
            let refused = try await web.post(path, ["reason": "  "])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("<p class=\"form-error\" role=\"alert\" id=\"promise-change-error\">A promise can only be cancelled with a reason.</p>"))
            #expect(try await CustomerPromise.find(promise.id, on: desk.app.db)?.state == .pending)

            #expect(try await web.post(path, ["reason": "Customer withdrew the claim"]).status == .seeOther)
            let cancelled = try #require(try await CustomerPromise.find(promise.id, on: desk.app.db))
            #expect(cancelled.state == .cancelled && cancelled.cancelReason == "Customer withdrew the claim")
            let page = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(page.contains("<p class=\"small\">Cancelled: Customer withdrew the claim</p>"))
            #expect(page.contains("cancelled the promise Refund “Refund the shipping”: Customer withdrew the claim"))
        }
    }

    @Test func escalatingToALeadStartsItsClockAndHandsTheTicketOver() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff(.agent)
            let lead = try await desk.staffWithPassword(.lead, email: "lou@example.test", name: "Lou Lead")
            let ticket = try await takenTicket(desk, web)
            let page = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(page.contains("<option value=\"\(lead.id!.uuidString)\">Lou Lead (lead)</option>"))

            let refused = try await web.post("/desk/tickets/\(ticket.number)/escalations", ["to_user_id": lead.id!.uuidString, "reason": " ", "target_minutes": "30"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("an escalation needs a reason of 1 to 2000 characters"))
            #expect(refused.body.string.contains("<option value=\"\(lead.id!.uuidString)\" selected>Lou Lead (lead)</option>"))
            let badTarget = try await web.post("/desk/tickets/\(ticket.number)/escalations", ["reason": "Angry", "target_minutes": "soon"])
            #expect(badTarget.status == .unprocessableEntity)
            #expect(badTarget.body.string.contains("target_minutes must be a whole number of minutes"))
            #expect(try await Escalation.query(on: desk.app.db).count() == 0)

            let done = try await web.post("/desk/tickets/\(ticket.number)/escalations", ["to_user_id": lead.id!.uuidString, "reason": "Refund over the agent's limit", "target_minutes": "30"])
            #expect(done.status == .seeOther)
            let escalation = try #require(try await Escalation.query(on: desk.app.db).first())
            #expect(escalation.toUserId == lead.id && escalation.targetMinutes == 30 && escalation.state == .open)
            #expect(escalation.reason == "Refund over the agent's limit")
            #expect(try await desk.ticket(number: ticket.number).ownerId == lead.id)
            let after = try await web.get("/desk/tickets/\(ticket.number)").body.string
            #expect(after.contains("<span class=\"badge warn\">open</span> to <strong>Lou Lead</strong>"))
            #expect(after.contains("answer in writing <time datetime=\"\(Format.iso(escalation.dueAt))\">"))
        }
    }

    @Test func theMissingTransferNoteIsAddedFromTheTicketPageOnce() async throws {
        try await TestDesk.run { desk in
            let fixture = try await JourneyFixture.make(desk)
            let web = WebClient(desk)
            try await web.signInStaff(.agent, name: "Ana Costa")
            let transfer = try #require(fixture.call.transfers.first)
            let path = "/desk/tickets/\(fixture.ticket.number)/calls/\(fixture.call.id)/transfers/\(transfer.id)/note"
            let empty = try await web.post(path, ["note": "   "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("a hand-off needs a context note for the receiver"))

            let note = "Customer has a two-year warranty (proof on file); printer dead, wants a new unit."
            #expect(try await web.post(path, ["note": note]).status == .seeOther)
            let stored = try #require(try await CallTransfer.find(transfer.id, on: desk.app.db))
            #expect(stored.note == note)
            let page = try await web.get(fixture.page).body.string
            #expect(page.contains("<blockquote class=\"context\">\(note)</blockquote>"))
            #expect(page.contains("Ana Costa added the transfer&#39;s context note"))
            #expect(!page.contains("note missing"))

            let twice = try await web.post(path, ["note": "again"])
            #expect(twice.status == .conflict)
            let api = try await desk.send(.GET, "/api/v1/calls/\(fixture.call.id)", token: fixture.lead.token).decoded(CallDTO.self)
            #expect(api.missingHandoffNotes == 0 && api.transfers.first?.note == note)
            #expect(try await web.post("/desk/tickets/\(fixture.ticket.number)/calls/\(UUID())/transfers/\(transfer.id)/note", ["note": "x"]).status == .notFound)
        }
    }

    @Test func anAgentAttachesADocumentToTheCustomersRecord() async throws {
        try await TestDesk.run { desk in
            let web = WebClient(desk)
            try await web.signInStaff(.agent, name: "Ana Costa")
            let ticket = try await takenTicket(desk, web)
            let path = "/desk/tickets/\(ticket.number)/documents"
            #expect(try await web.postFile(path, filename: "receipt.pdf", contentType: "application/pdf", data: Array("%PDF receipt".utf8), ["_csrf": "forged"]).status == .forbidden)
            let empty = try await web.postFile(path, filename: "empty.pdf", contentType: "application/pdf", data: [])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("the document is empty"))
            let noFile = try await web.post(path, ["note": "no file"])
            #expect(noFile.status == .unprocessableEntity)
            #expect(noFile.body.string.contains("choose a file to attach"))

            let attached = try await web.postFile(path, filename: "receipt.pdf", contentType: "application/pdf", data: Array("%PDF receipt".utf8))
            #expect(attached.status == .seeOther)
            let document = try #require(try await CustomerDocument.query(on: desk.app.db).first())
            #expect(document.customerId == ticket.requester.id)
            #expect(document.filename == "receipt.pdf" && document.contentType == "application/pdf" && document.size == 12)
            #expect(document.uploadedByType == "user" && document.uploadedByName == "Ana Costa")
            #expect(try await web.get("/desk/tickets/\(ticket.number)").body.string.contains("<a href=\"/desk/documents/\(document.id!)\">receipt.pdf</a>"))
            // The API reads the same record.
            let (_, token) = try await desk.staff(.agent)
            let record = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/entitlements", token: token).decoded(TicketEntitlements.self)
            #expect(record.documents.map(\.filename) == ["receipt.pdf"])
        }
    }
}
