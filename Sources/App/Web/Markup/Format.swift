import FrontlineCore
import Foundation

/// How the pages write times, statuses and priorities.
enum Format {
    /// "4 min", "3 h", "2 d": short enough for a dense table.
    static func age(_ date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(Int(seconds / 60)) min"
        case ..<86_400: return "\(Int(seconds / 3600)) h"
        default: return "\(Int(seconds / 86_400)) d"
        }
    }

    /// A `<time>` element with the short age shown and the exact time on hover.
    static func time(_ date: Date, now: Date, zone: TimeZone = .gmt, suffix: String = " ago") -> Markup {
        let age = age(date, now: now)
        let shown = age == "now" ? "just now" : age + suffix
        return "<time datetime=\"\(iso(date))\" title=\"\(absolute(date, zone: zone))\">\(shown)</time>"
    }

    /// "512 bytes", "84 KB", "3.2 MB".
    static func bytes(_ count: Int) -> String {
        switch count {
        case ..<1024: "\(count) bytes"
        case ..<(1024 * 1024): "\(count / 1024) KB"
        default: String(format: "%.1f MB", Double(count) / 1_048_576)
        }
    }

    static func absolute(_ date: Date, zone: TimeZone) -> String {
        var style = Date.FormatStyle(date: .abbreviated, time: .shortened)
        style.timeZone = zone
        return date.formatted(style)
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func status(_ status: TicketStatus) -> Markup {
        "<span class=\"badge status-\(status.rawValue)\">\(label(status))</span>"
    }

    static func label(_ status: TicketStatus) -> String {
        status == .onHold ? "On hold" : status.rawValue.capitalized
    }

    static func priority(_ priority: TicketPriority) -> Markup {
        "<span class=\"prio prio-\(priority.rawValue)\">\(priority.rawValue.capitalized)</span>"
    }

    /// `<option>`s with the current value selected.
    static func options(_ values: [(String, String)], selected: String?) -> Markup {
        Markup.join(values.map { option in
            let mark: Markup = option.0 == selected ? " selected" : .empty
            return "<option value=\"\(option.0)\"\(mark)>\(option.1)</option>"
        })
    }
}
