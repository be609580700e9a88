import SQLKit

/// Small pieces the hot-path row types (`TicketRows`, `TimelineRows`, …) share.
enum SQLValues {
    /// A bound value, or a plain SQL NULL for nil: every value is bound, and a NULL needs no type.
    static func bind(_ value: (any Encodable & Sendable)?) -> any SQLExpression {
        guard let value else { return SQLLiteral.null }
        return SQLBind(value)
    }
}
