import Vapor

/// Every form carries a CSRF token and every unsafe request must bring it back, as the `_csrf`
/// form field or the `X-CSRF-Token` header (the enhancement script). Signed-in browsers use their
/// session's token; anonymous ones (sign-in, contact form) a random cookie, so even the sign-in
/// form cannot be posted from another site.
struct CSRFProtection: AsyncMiddleware {
    static let cookieName = "frontline_csrf"
    static let fieldName = "_csrf"
    static let uploadLimitKey = "frontline.uploadLimit"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var newAnonymousToken: String?
        if let session = request.webSession {
            request.csrfToken = session.csrfToken
        } else if let existing = request.cookies[Self.cookieName]?.string, existing.count >= 32 {
            request.csrfToken = existing
        } else {
            let token = WebSecret.make()
            newAnonymousToken = token
            request.csrfToken = token
        }

        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            // Route handlers collect the body after middleware runs; the token is in it, so collect now,
            // up to what the route accepts (a form, or a file upload).
            let limit = request.route?.userInfo[Self.uploadLimitKey] as? Int ?? 1 << 20
            if request.body.data == nil { _ = try await request.body.collect(max: limit).get() }
            let sent: String?
            do {
                sent = try request.headers.first(name: "X-CSRF-Token") ?? request.content.get(String.self, at: Self.fieldName)
            } catch let refusal as RequestError where refusal.status == .unprocessableEntity {
                throw refusal  // a field holds a NUL: say which, rather than "the form has expired"
            } catch {
                sent = nil
            }
            guard newAnonymousToken == nil, let sent, WebSecret.matches(sent, request.csrfToken) else {
                throw WebError.csrf
            }
        }

        let response = try await next.respond(to: request)
        if let newAnonymousToken {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: newAnonymousToken, path: "/", isSecure: request.application.webCookiesSecure,
                isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension Route {
    /// Marks a web route that takes a file of up to `bytes` (plus its form) in a multipart body.
    @discardableResult
    func acceptingUploads(upTo bytes: Int) -> Route {
        userInfo[CSRFProtection.uploadLimitKey] = bytes + 64 * 1024
        return self
    }
}

extension Request {
    private struct CSRFKey: StorageKey {
        typealias Value = String
    }

    /// The token this request's forms carry.
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }

    /// The hidden form field with the CSRF token.
    var csrfField: Markup {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrfToken)\">"
    }
}
