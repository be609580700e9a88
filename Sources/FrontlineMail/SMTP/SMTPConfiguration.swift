import Foundation

/// Where and how to submit outbound mail, read from one URL such as
/// `smtp://user:pass@mail.example.com:587?starttls=required` or
/// `smtps://user:pass@mail.example.com` (implicit TLS, port 465).
public struct SMTPConfiguration: Sendable, Hashable {
    /// When to upgrade a plain connection with STARTTLS (RFC 3207).
    public enum StartTLSPolicy: String, Sendable, Hashable {
        /// Fail rather than send without TLS.
        case required
        /// Never upgrade (local relays without certificates).
        case never
        /// Upgrade when the server offers it.
        case auto
    }

    public enum Security: Sendable, Hashable {
        case startTLS(StartTLSPolicy)
        /// TLS from the first byte (smtps, port 465, RFC 8314).
        case implicitTLS
    }

    public enum TLSVerification: Sendable, Hashable {
        /// Check the certificate chain and host name.
        case full
        /// Accept any certificate: tests and self-signed lab servers only.
        case none
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var security: Security
    public var tlsVerification: TLSVerification
    /// The name sent with EHLO; set it to the sending host's public name.
    public var heloName: String
    public var connectTimeout: Duration
    /// How long to wait for each server reply.
    public var replyTimeout: Duration

    public init(
        host: String, port: Int? = nil, username: String? = nil, password: String? = nil,
        security: Security = .startTLS(.auto), tlsVerification: TLSVerification = .full,
        heloName: String = "localhost", connectTimeout: Duration = .seconds(30), replyTimeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port ?? (security == .implicitTLS ? 465 : 25)
        self.username = username
        self.password = password
        self.security = security
        self.tlsVerification = tlsVerification
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }

    /// Parses `smtp://` or `smtps://` URLs; user and password are percent-decoded.
    /// Query options: `starttls=required|never|auto` (default auto) and `helo=name`.
    public init(url text: String) throws(SMTPConfigurationError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw .invalidURL(text)
        }
        guard let host = components.host, !host.isEmpty else { throw .missingHost }
        let query = components.queryItems ?? []
        func option(_ name: String) -> String? {
            query.first { $0.name.lowercased() == name }?.value
        }
        let security: Security
        switch scheme {
        case "smtp":
            let policyText = option("starttls")?.lowercased() ?? "auto"
            guard let policy = StartTLSPolicy(rawValue: policyText) else { throw .invalidStartTLSOption(policyText) }
            security = .startTLS(policy)
        case "smtps":
            security = .implicitTLS
        default:
            throw .unsupportedScheme(scheme)
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw .invalidPort(port)
        }
        self.init(
            host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host,
            port: components.port,
            username: components.user?.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 },
            password: components.password?.removingPercentEncoding,
            security: security,
            heloName: option("helo") ?? "localhost"
        )
    }

    /// True when credentials were given and AUTH must happen.
    var hasCredentials: Bool {
        username != nil
    }
}

/// Why an SMTP URL could not be used; raised at startup so a typo fails fast.
public enum SMTPConfigurationError: Error, Sendable, Hashable {
    case invalidURL(String)
    case unsupportedScheme(String)
    case missingHost
    case invalidPort(Int)
    case invalidStartTLSOption(String)
}
