import Vapor

/// The shell every page shares: the document head with the one stylesheet and script, and the
/// desk's frame with its header and sidebar.
enum Layout {
    /// A page without the desk frame: sign-in, portal, contact form, error pages.
    static func plain(_ request: Request, title: String, bodyClass: String = "plain", body: Markup) -> Markup {
        document(request, title: title, bodyClass: bodyClass, body: """
            <a class="skip" href="#main">Skip to content</a>
            \(body)
            """)
    }

    /// `aria-current` for the link of the page being shown.
    static func current(_ isCurrent: Bool) -> Markup {
        isCurrent ? " aria-current=\"page\"" : .empty
    }

    /// The people section of the sidebar: everyone's own growth pages, and the team reports for
    /// leads and up (the same role rule as the reports themselves).
    static func peopleLinks(_ frame: DeskFrame) -> [Markup] {
        var links: [(String, PeopleRoute, String)] = [
            ("people-me", .me, "My profile"),
            ("people-kudos", .kudos, "Kudos"),
            ("people-coaching", .coaching, "Coaching"),
            ("people-duties", .duties, "Duty log"),
            ("people-learning", .learning, "Learning log"),
            ("people-skills", .skills, "Skills"),
            ("people-projects", .projects, "Projects"),
            ("people-careers", .careers, "Careers & alumni"),
            ("people-role", .roleProfile, "Team-role profile"),
            ("people-insights", .insights, "Insights"),
            ("people-frictions", .frictions, "Policy friction"),
        ]
        if frame.user.role >= .lead {
            links.append(("people-health", .health, "Department health"))
            links.append(("people-load", .load, "Emotional load"))
        }
        return links.map { key, route, title in
            "<li><a href=\"\(WebRoute.people(route))\"\(current(frame.active == key))>\(title)</a></li>"
        }
    }

    static func document(_ request: Request, title: String, bodyClass: String, body: Markup) -> Markup {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="csrf-token" content="\(request.csrfToken)">
        <title>\(title) · Frontline</title>
        <link rel="stylesheet" href="\(WebRoute.asset(.value("frontline.css")))">
        <script src="\(WebRoute.asset(.value("frontline.js")))" defer></script>
        </head><body class="\(bodyClass)">
        \(body)
        </body></html>
        """
    }

    /// The desk frame: top bar with search and the agent, sidebar with the views and their counts.
    static func desk(_ request: Request, _ frame: DeskFrame, title: String, main: Markup) -> Markup {
        let user = frame.user
        let views: [Markup] = DeskViewKind.allCases.map { kind in
            let current = Layout.current(frame.active == kind.rawValue)
            return """
                <li><a href="\(WebRoute.desk(.view(.value(kind))))"\(current)><span>\(kind.title)</span>\
                <span class="count" data-count="\(kind.rawValue)">\(frame.counts[kind] ?? 0)</span></a></li>
                """
        }
        let saved: [Markup] = frame.savedFilters.map { filter in
            let id = filter.id?.uuidString ?? ""
            let current = Layout.current(frame.active == "saved:\(id)")
            return "<li><a href=\"\(filter.id.map { WebRoute.desk(.filter(.value($0))).path } ?? "")\"\(current)><span>\(filter.name)</span></a></li>"
        }
        var adminLinks: [Markup] = []
        if user.role.managesPeople {
            adminLinks.append("<li><a href=\"\(WebRoute.admin(.users))\"\(current(frame.active == "admin-users"))>Users</a></li>")
            adminLinks.append("<li><a href=\"\(WebRoute.admin(.teams))\"\(current(frame.active == "admin-teams"))>Teams</a></li>")
        }
        if user.role == .admin {
            adminLinks.append("<li><a href=\"\(WebRoute.admin(.tokens))\"\(current(frame.active == "admin-tokens"))>API tokens</a></li>")
            adminLinks.append("<li><a href=\"\(WebRoute.admin(.mail))\"\(current(frame.active == "admin-mail"))>Inbound mail</a></li>")
            adminLinks.append("<li><a href=\"\(WebRoute.admin(.settings))\"\(current(frame.active == "admin-settings"))>Settings</a></li>")
            adminLinks.append("<li><a href=\"\(WebRoute.admin(.auditLog))\"\(current(frame.active == "admin-audit"))>Audit log</a></li>")
        }
        let people = peopleLinks(frame)
        let admin: Markup = adminLinks.isEmpty ? .empty : "<h2 class=\"nav-title\">Admin</h2><ul class=\"nav\">\(adminLinks)</ul>"
        let noSaved: Markup = "<li class=\"muted small pad\">None yet: filter a view, then save it.</li>"
        return document(request, title: title, bodyClass: "desk", body: """
            <a class="skip" href="#main">Skip to content</a>
            <header class="topbar">
              <button class="menu-toggle" type="button" aria-controls="sidebar" aria-expanded="false">Menu</button>
              <a class="brand" href="\(WebRoute.desk(.home))">\(frame.deskName)</a>
              <form class="search" role="search" action="\(WebRoute.desk(.search))" method="get">
                <label for="q" class="visually-hidden">Search tickets</label>
                <input id="q" name="q" type="search" placeholder="Search or #number  ( / )" value="\(frame.query)" autocomplete="off">
              </form>
              <div class="me">
                <span class="me-name">\(user.name)</span>
                <form method="post" action="\(WebRoute.signOut)">\(request.csrfField)<button class="link" type="submit">Sign out</button></form>
              </div>
            </header>
            <div class="frame">
              <nav class="sidebar" id="sidebar" aria-label="Views">
                <h2 class="nav-title">Views</h2>
                <ul class="nav">\(views)\(JourneyNav.links(frame))</ul>
                <h2 class="nav-title">Saved filters</h2>
                <ul class="nav">\(saved.isEmpty ? [noSaved] : saved)</ul>
                <details class="nav-section" open><summary class="nav-title">People</summary>
                  <ul class="nav">\(people)</ul></details>
                \(admin)
              </nav>
              <main id="main" class="content">
              \(main)
              </main>
            </div>
            """)
    }
}
