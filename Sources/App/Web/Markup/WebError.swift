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
            return Self.page(for: error, on: request)
        }
    }

    /// Whether an error of this request is shown as a page: everything but the API and the
    /// machine endpoints is the web app, so a mistyped desk or portal address gets the desk's look.
    static func isForPeople(_ request: Request) -> Bool {
        let path = request.url.path
        return !(path == "/api" || path.hasPrefix("/api/") || ["/openapi.json", "/metrics", "/healthz", "/readyz"].contains(path))
    }

    static func page(for error: any Error, on request: Request) -> Response {
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
        let inPortal = request.webCustomer != nil || request.url.path.hasPrefix(WebRoute.portal(.home).path)
        let page = Layout.plain(request, title: title, body: """
            <main class="card narrow" id="main">
              <h1>\(title)</h1>
              <p class="lead">\(message)</p>
              <p><a href="\(inPortal ? WebRoute.portal(.home) : WebRoute.desk(.home))">Back to the start</a></p>
            </main>
            """)
        let response = page.response(status: status)
        if case let abort as any AbortError = error {
            for (name, value) in abort.headers where name.lowercased() != "content-type" { response.headers.replaceOrAdd(name: name, value: value) }
        }
        return response
    }
}
