@testable import App
import Fluent
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

/// A browser for in-process tests of the web pages: keeps cookies, and sends forms with the CSRF
/// token of the last page it read.
final class WebClient: @unchecked Sendable {
    let desk: TestDesk
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf = ""
    /// Sends through a real HTTP server on loopback, so bodies stream in as a browser's do.
    var overRealHTTP = false
    /// Sent with every request (e.g. the `X-Forwarded-For` a proxy adds).
    var extraHeaders = HTTPHeaders()

    init(_ desk: TestDesk) {
        self.desk = desk
    }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; the CSRF token is added unless `csrf` is given (an empty string sends none).
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf override: String? = nil) async throws -> TestingHTTPResponse {
        var fields = form
        let token = override ?? csrf
        if !token.isEmpty { fields["_csrf"] = token }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: body), type: .urlEncodedForm)
    }

    /// Posts a multipart form with one file, as a browser's `<input type="file">` does.
    @discardableResult
    func postFile(
        _ path: String, field: String = "file", filename: String, contentType: String, data: [UInt8], _ form: [String: String] = [:]
    ) async throws -> TestingHTTPResponse {
        let boundary = "----frontline-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in form.merging(["_csrf": csrf], uniquingKeysWith: { first, _ in first }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(.POST, path, body: body, type: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    private func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer?, type: HTTPMediaType? = nil) async throws -> TestingHTTPResponse {
        var headers = extraHeaders
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let type { headers.contentType = type }
        let buffer = body
        let tester = try desk.app.testing(method: overRealHTTP ? .running(hostname: "127.0.0.1", port: 0) : .inMemory)
        let response = try await tester.sendRequest(method, path, headers: headers, body: buffer)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[1])
            if value.isEmpty || header.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = response.body.string
        if let range = text.range(of: "name=\"csrf-token\" content=\"") {
            csrf = String(text[range.upperBound...].prefix { $0 != "\"" })
        }
        return response
    }

    /// Signs in a new staff member with a password, returns them.
    @discardableResult
    func signInStaff(_ role: UserRole = .agent, name: String = "Ana Costa") async throws -> User {
        let email = "\(role.rawValue)-\(UUID().uuidString.prefix(8))@example.test".lowercased()
        let user = try await desk.staffWithPassword(role, email: email, name: name)
        try await get("/login")
        let response = try await post("/login", ["email": email, "password": TestDesk.webPassword])
        #expect(response.status == .seeOther, "sign-in: \(response.body.string.prefix(300))")
        try await get("/desk/views/mine")  // the session's own CSRF token
        return user
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestDesk {
    static let webPassword = "correct horse battery"

    /// A staff member who can sign in to the desk with `webPassword`.
    func staffWithPassword(_ role: UserRole, email: String, name: String) async throws -> User {
        let hash = try app.password.hash(Self.webPassword)
        let now = app.clock.now()
        return try await app.write { db in
            try await StaffDirectory.create(email: email, name: name, role: role, passwordHash: hash, on: db, at: now)
        }
    }

    /// The ticket with this number, as stored.
    func ticket(number: Int) async throws -> Ticket {
        try #require(try await Ticket.query(on: app.db).filter(\.$number == number).first())
    }
}
