import Foundation

/// The sidebar links of the journey views: promises for everyone on staff, the Runaround list
/// for the roles that may read it.
enum JourneyNav {
    static func links(_ frame: DeskFrame) -> Markup {
        let promises: Markup = "<li><a href=\"/desk/views/promises\"\(Layout.current(frame.active == "promises"))><span>Promises</span></a></li>"
        guard frame.user.role >= RunaroundList.role else { return promises }
        return """
            \(promises)<li><a href="/desk/views/runaround"\(Layout.current(frame.active == "runaround"))><span>Runaround</span></a></li>
            """
    }
}
