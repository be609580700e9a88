import Vapor

extension Application {
    /// A link to `path` on this desk, for someone outside any request (a mail, the log): on
    /// `FRONTLINE_PUBLIC_URL`, or the bare path when none is configured (a desk without mail; the
    /// log says so). Never built from a request's Host header: whoever sends the request writes it,
    /// and a mailed link on an attacker's host hands them the secret in it.
    func publicLink(_ path: String) -> String {
        guard var base = frontlineConfig.publicURL else { return path }
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
