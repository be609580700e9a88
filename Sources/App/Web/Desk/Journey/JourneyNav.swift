import Fluent
import Foundation

/// The sidebar links of the journey views: promises for everyone on staff, the Runaround list
/// for the roles that may read it.
enum JourneyNav {
    static func links(_ frame: DeskFrame) -> Markup {
        let promises: Markup = """
            <li><a href="\(WebRoute.desk(.promises))"\(Layout.current(frame.active == "promises"))><span>Promises</span> \
            <span class="count" data-count="promises">\(frame.journeyCounts.duePromises)</span></a></li>
            """
        guard frame.user.role >= RunaroundList.role, let runaround = frame.journeyCounts.runaround else { return promises }
        return """
            \(promises)<li><a href="\(WebRoute.desk(.runaround))"\(Layout.current(frame.active == "runaround"))><span>Runaround</span> \
            <span class="count" data-count="runaround">\(runaround)</span></a></li>
            """
    }
}

/// The numbers beside the journey views in the sidebar: promises waiting to be kept, and (for the
/// roles that see the list) flagged tickets whose customer still waits.
struct JourneyCounts: Sendable {
    var duePromises = 0
    var runaround: Int?

    static func load(for user: User, on db: any Database, cache: SidebarCounts) async throws -> JourneyCounts {
        JourneyCounts(
            duePromises: try await cache.count(.duePromises) { try await CustomerPromise.query(on: db).filter(\.$state == .pending).count() },
            runaround: user.role >= RunaroundList.role
                ? try await cache.count(.runaround) { try await RunaroundList.unresolvedCount(on: db) } : nil)
    }
}
