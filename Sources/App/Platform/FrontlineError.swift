import Vapor

/// An error Frontline explains to its client: a status, a stable machine code, a sentence for
/// people, and the request field it is about. Each feature has one such type.
protocol FrontlineError: AbortError {
    var code: String { get }
    var field: String? { get }
}

extension FrontlineError {
    var field: String? { nil }
}

/// Errors about the request itself rather than any one feature.
struct RequestError: FrontlineError {
    let status: HTTPResponseStatus
    let code: String
    let reason: String
    let field: String?
    /// Sent with the error, e.g. `Allow` with a 405.
    let headers: HTTPHeaders

    init(_ status: HTTPResponseStatus, _ code: String, _ reason: String, field: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.code = code
        self.reason = reason
        self.field = field
        self.headers = headers
    }

    static func notFound(_ what: String) -> Self {
        .init(.notFound, "not_found", "\(what) not found")
    }

    static func invalid(_ field: String, _ reason: String) -> Self {
        .init(.unprocessableEntity, "invalid_value", reason, field: field)
    }

    static func forbidden(_ reason: String = "your role does not allow this") -> Self {
        .init(.forbidden, "forbidden", reason)
    }

    static let unauthenticated = Self(
        .unauthorized, "unauthenticated", "a valid token is required: send Authorization: Bearer <token>")

    static func conflict(_ reason: String, field: String? = nil) -> Self {
        .init(.conflict, "conflict", reason, field: field)
    }
}
