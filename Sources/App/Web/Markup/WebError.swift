import Vapor

/// What goes wrong in the browser-facing pages; shown as a page, never as raw error text.
enum WebError: FrontlineError {
    case csrf
    case tooManyAttempts(minutes: Int, what: String)
    case notFound(String)
    case forbidden(String)
    case badRequest(String)

    var status: HTTPResponseStatus {
        switch self {
        case .csrf, .forbidden: .forbidden
        case .tooManyAttempts: .tooManyRequests
        case .notFound: .notFound
        case .badRequest: .badRequest
        }
    }

    var code: String {
        switch self {
        case .csrf: "csrf_token_invalid"
        case .tooManyAttempts: "too_many_requests"
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .badRequest: "bad_request"
        }
    }

    var reason: String {
        switch self {
        case .csrf: "This form has expired or did not come from this desk. Go back, reload the page and send it again."
        case .tooManyAttempts(let minutes, let what): "Too many \(what) in a short time. For your security, please wait \(minutes) minutes and try again."
        case .notFound(let what): "We could not find that \(what)."
        case .forbidden(let reason): reason
        case .badRequest(let reason): reason
        }
    }
}

/// Renders every error of a web page as a calm HTML page with the right status; unexpected errors
/// are logged and shown without any detail.
struct WebErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, detail) = APIErrorMiddleware.describe(error)
            if status == .internalServerError { request.logger.report(error: error) }
            let title: String = switch status.code {
            case 403: "Not allowed"
            case 404: "Not found"
            case 429: "Please wait a moment"
            case 500...: "Something went wrong"
            default: "That did not work"
            }
            let message = status == .notFound && !(error is WebError) ? "We could not find that page or ticket." : detail.message
            let page = Layout.plain(request, title: title, body: """
                <main class="card narrow" id="main">
                  <h1>\(title)</h1>
                  <p class="lead">\(message)</p>
                  <p><a href="\(request.webCustomer != nil ? "/portal" : "/desk")">Back to the start</a></p>
                </main>
                """)
            let response = page.response(status: status)
            // Retry-After of a 429, for instance.
            if let abort = error as? any AbortError {
                for (name, value) in abort.headers { response.headers.replaceOrAdd(name: name, value: value) }
            }
            return response
        }
    }
}
