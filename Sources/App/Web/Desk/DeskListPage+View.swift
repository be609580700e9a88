import FrontlineCore
import Vapor

extension DeskListPage {
    func render(_ request: Request) -> Markup {
        let statusOptions = [("", "Any unresolved")] + TicketStatus.allCases.map { ($0.rawValue, Format.label($0)) }
        let priorityOptions = [("", "Any priority")] + TicketPriority.allCases.reversed().map { ($0.rawValue, $0.rawValue.capitalized) }
        let sortOptions = DeskSort.allCases.map { ($0.rawValue, $0.title) }
        let nextLink: Markup = next.map { cursor in
            "<a class=\"button secondary\" href=\"\(basePath)?\(query.filterQuery)&after=\(cursor.encoded)\" rel=\"next\">Next page →</a>"
        } ?? .empty
        let firstLink: Markup = query.after != nil
            ? "<a class=\"button secondary\" href=\"\(basePath)?\(query.filterQuery)\">← First page</a>" : .empty
        let maxNumber = rows.map(\.number).max() ?? 0
        let live: Markup = query.after == nil
            ? " data-stream=\"\(WebRoute.desk(.listStream))?\(query.filterQuery)&since=\(maxNumber)\" data-sort=\"\(query.sort.rawValue)\"" : .empty
        let hidden: Markup = savedFilterId == nil ? "<input type=\"hidden\" name=\"view\" value=\"\(query.view.rawValue)\">" : .empty
        let deleteSaved: Markup = savedFilterId.map { id in
            """
            <form method="post" action="\(WebRoute.desk(.deleteFilter(.value(id))))" class="inline">\(request.csrfField)
              <button class="link danger" type="submit">Delete this saved filter</button></form>
            """
        } ?? .empty
        return Layout.desk(request, frame, title: title, main: """
            <div class="page-head">
              <h1>\(title)</h1>
              <div class="live-note" data-live-note hidden role="status"></div>
            </div>
            <form class="filters" method="get" action="\(basePath)">
              \(hidden)
              <label>Status <select name="status">\(Format.options(statusOptions, selected: query.status?.rawValue ?? ""))</select></label>
              <label>Priority <select name="priority">\(Format.options(priorityOptions, selected: query.priority?.rawValue ?? ""))</select></label>
              <label>Tag <input name="tag" size="10" value="\(query.tag ?? "")"></label>
              <label>Sort <select name="sort">\(Format.options(sortOptions, selected: query.sort.rawValue))</select></label>
              <button type="submit" class="secondary">Apply</button>
            </form>
            \(TicketRows.table(rows, caption: title, now: now, empty: "Nothing here. Enjoy the calm.", live: live))
            <div class="pager">\(firstLink)\(nextLink)<span class="muted small">j / k to move, Enter to open, ? for every key</span></div>
            <details class="save-filter"><summary>Save this view as a filter</summary>
              <form method="post" action="\(WebRoute.desk(.saveFilter))">\(request.csrfField)
                <input type="hidden" name="query" value="\(query.filterQuery)">
                <label for="filter-name">Name</label>
                <input id="filter-name" name="name" required maxlength="80" placeholder="Urgent VIP">
                <button type="submit">Save filter</button>
              </form>
              \(deleteSaved)
            </details>
            """)
    }
}
