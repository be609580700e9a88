import Fluent
import Vapor

/// The JSON body of every error: `{"error": {"code", "message", "field"?}}`.
struct ErrorBody: Content {
    struct Detail: Content {
        let code: String
        let message: String
        let field: String?
    }
    let error: Detail
}

/// Turns every error into a precise status and `ErrorBody`; unexpected errors are logged and
/// answered with a generic 500 so that no internal detail reaches a client.
struct APIErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            // Pages the router never reached (a mistyped desk or portal address) are for people too.
            if WebErrorMiddleware.isForPeople(request) { return WebErrorMiddleware.page(for: error, on: request) }
            let (status, detail) = Self.describe(error)
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            let response = Response(status: status)
            if case let abort as any AbortError = error {
                for (name, value) in abort.headers { response.headers.replaceOrAdd(name: name, value: value) }
            }
            try response.content.encode(ErrorBody(error: detail), as: .json)
            return response
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponseStatus, ErrorBody.Detail) {
        switch error {
        case let error as any FrontlineError:
            return (error.status, .init(code: error.code, message: error.reason, field: error.field))
        case let error as DecodingError:
            return describe(decoding: error)
        case let error as any DatabaseError where error.isConstraintFailure:
            return (.conflict, .init(code: "conflict", message: "this conflicts with existing data", field: nil))
        case let error as any AbortError:
            return (error.status, .init(code: code(for: error.status), message: error.reason, field: nil))
        default:
            return (.internalServerError, .init(code: "internal_error", message: "something went wrong on our side; it has been logged", field: nil))
        }
    }

    private static func describe(decoding error: DecodingError) -> (HTTPResponseStatus, ErrorBody.Detail) {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return (.badRequest, .init(code: "malformed_json", message: "the body is not valid JSON", field: nil))
        case .dataCorrupted(let context):
            return invalid(context.codingPath, "has a value that is not allowed")
        case .typeMismatch(let type, let context):
            return invalid(context.codingPath, "must be \(describe(type: type))", code: "wrong_type")
        case .valueNotFound(_, let context):
            return invalid(context.codingPath, "must not be null", code: "missing_field")
        case .keyNotFound(let key, let context):
            return invalid(context.codingPath + [key], "is required", code: "missing_field")
        @unknown default:
            return (.badRequest, .init(code: "bad_request", message: "the body could not be read", field: nil))
        }
    }

    private static func invalid(
        _ path: [any CodingKey], _ problem: String, code: String = "invalid_value"
    ) -> (HTTPResponseStatus, ErrorBody.Detail) {
        let field = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return (.unprocessableEntity, .init(code: code, message: "\(field) \(problem)", field: field))
    }

    private static func describe(type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of another type"
        }
    }

    private static func code(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthenticated"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "payload_too_large"
        case 415: "unsupported_media_type"
        case 422: "invalid_value"
        case 429: "too_many_requests"
        default: status.code < 500 ? "bad_request" : "internal_error"
        }
    }
}
