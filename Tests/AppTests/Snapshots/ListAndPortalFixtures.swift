@testable import App
import Foundation
import FrontlineCore

/// A page of the "All open" view and a portal ticket, from prepared values.
enum ListAndPortalFixtures {
    typealias F = SnapshotFixtures

    static var deskList: DeskListPage {
        let subjects = ["Printer shows E3", "Refund for order 7781", "Cannot sign in", "Toner <empty> & streaky", "Warranty claim"]
        let statuses: [TicketStatus] = [.new, .open, .pending, .onHold, .open]
        let priorities: [TicketPriority] = [.urgent, .high, .normal, .low, .normal]
        let rows = (0..<12).map { n in
            TicketRow(
                number: 1100 - n, subject: "\(subjects[n % 5]) (\(n))", status: statuses[n % 5], priority: priorities[n % 5],
                requesterName: n == 7 ? nil : "Customer \(n)", ownerName: n % 3 == 0 ? nil : "Ben Okafor",
                teamName: n % 2 == 0 ? "Hardware" : nil, handoffCount: n % 4, customerWaitingSince: F.minutesAgo(Double(n * 97 + 3)),
                createdAt: F.minutesAgo(Double(n * 1440 + 60)))
        }
        var query = try! DeskListQuery(parameters: ["view": "open", "priority": "high", "tag": "vip"])
        query.limit = 12
        return DeskListPage(
            frame: F.frame(role: .agent, active: "open"), query: query, title: "All open", rows: rows,
            next: DeskCursor(number: 1089), basePath: "/desk/views/open", savedFilterId: nil, now: F.now)
    }

    static var emptySavedFilter: DeskListPage {
        DeskListPage(
            frame: F.frame(active: "saved:\(F.id(41))"), query: try! DeskListQuery(parameters: ["view": "mine", "status": "pending"]),
            title: "Urgent billing", rows: [], next: nil, basePath: "/desk/filters/\(F.id(41))", savedFilterId: F.id(41), now: F.now)
    }

    static var portalTicket: PortalTicketPage {
        PortalTicketPage(
            deskName: "Acme Support", customerName: "Maria Lopez", number: 1042, subject: "Printer shows E3 after the firmware update",
            status: .pending,
            messages: [
                .init(mine: true, authorName: "Maria Lopez", body: "My printer shows E3. <b>Help</b> & quickly please.", createdAt: F.minutesAgo(3000)),
                .init(mine: false, authorName: "Ben Okafor", body: "Please hold the reset button for ten seconds.", createdAt: F.minutesAgo(2900)),
                .init(mine: true, authorName: "Maria Lopez", body: "Still E3.", createdAt: F.minutesAgo(120)),
                .init(mine: false, authorName: "Ben Okafor", body: "A replacement sensor is on its way.", createdAt: F.minutesAgo(30)),
            ],
            message: "Your reply is empty.", draft: "Thanks, when will it", now: F.now)
    }
}
