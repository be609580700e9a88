@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// What an agent sees after acting on a ticket: the change confirmed in words where they were, or
/// the refusal beside the field it is about, with everything they typed still there.
@Suite("Ticket page actions")
struct WebTicketActionsTests {
    @Test func eachActionConfirmsInWordsAndKeepsTheAgentWhereTheyWere() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            let web = WebClient(desk)
            try await web.signInStaff(.agent, name: "Ana Costa")
            let receiver = try await desk.staff(.agent, name: "Ben Ode")
            let path = "/desk/tickets/\(ticket.number)"
            try await web.get(path)

            let cases: [(String, [String: String], String, String)] = [
                ("assign", [:], "?done=assigned#main", "The ticket is yours now."),
                ("note", ["body": "Checked the logs."], "?done=note#compose", "Internal note added."),
                ("reply", ["body": "We are on it."], "?done=reply#compose", "Reply sent."),
                ("update", ["status": "pending", "priority": "high", "tags": ""], "?done=updated#main", "Ticket updated."),
                ("handoff", ["to_user_id": receiver.user.id!.uuidString, "note": "E3 persists after reset."], "?done=handed-off#main",
                 "Handed off, with your note for the receiver."),
            ]
            for (action, form, destination, words) in cases {
                let answer = try await web.post("\(path)/\(action)", form)
                #expect(answer.status == .seeOther, "\(action): \(answer.body.string.prefix(200))")
                #expect(answer.headers.first(name: .location) == path + destination, "\(action)")
                let page = try await web.get(path + destination.prefix { $0 != "#" })
                #expect(page.body.string.contains("<p class=\"notice\" role=\"status\">\(words)</p>"), "\(action)")
            }
        }
    }

    @Test func aRefusedHandOffSaysWhyBesideTheNoteAndKeepsTheChoice() async throws {
        try await TestDesk.run { desk in
            let (_, token) = try await desk.staff(.agent)
            let ticket = try await desk.createTicket(token: token)
            let receiver = try await desk.staff(.agent, name: "Ben Ode")
            let web = WebClient(desk)
            try await web.signInStaff(.agent)
            try await web.get("/desk/tickets/\(ticket.number)")
            let refused = try await web.post("/desk/tickets/\(ticket.number)/handoff", ["to_user_id": receiver.user.id!.uuidString, "note": "  "])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            let note = try #require(html.range(of: "id=\"handoff-note\""))
            let error = try #require(html.range(of: "id=\"handoff-error\""))
            #expect(html.distance(from: note.lowerBound, to: error.lowerBound) < 600, "the reason stands by the note field")
            #expect(html.contains("<option value=\"\(receiver.user.id!.uuidString)\" selected>"), "the chosen receiver is kept")
            #expect(!html.contains("role=\"status\">Handed off"))
        }
    }
}
