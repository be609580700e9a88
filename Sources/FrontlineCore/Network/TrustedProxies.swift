/// The reverse proxies whose word about the client's address is taken (`FRONTLINE_TRUSTED_PROXIES`).
///
/// A forwarding header is written by whoever sends it, so it is read only when the connection comes
/// from a trusted proxy, and then from the right: each proxy appends the address it was reached from,
/// so the rightmost address that is not itself a trusted proxy is the client. Anything left of it
/// was written by the client and may be invented.
public struct TrustedProxies: Sendable, Equatable {
    /// Which header the proxies write; the other is ignored, because a client could send it
    /// through a proxy that passes it on untouched.
    public enum Header: String, Sendable, CaseIterable {
        case xForwardedFor = "x-forwarded-for"
        case forwarded
    }

    public let networks: [IPNetwork]
    public let header: Header

    public init(_ networks: [IPNetwork] = [], header: Header = .xForwardedFor) {
        self.networks = networks
        self.header = header
    }

    public static let none = TrustedProxies()

    /// Parses a comma-separated CIDR list; returns the entries that are not addresses or blocks in `invalid`.
    public static func parse(_ list: String, header: Header = .xForwardedFor) -> (proxies: TrustedProxies, invalid: [String]) {
        var networks: [IPNetwork] = []
        var invalid: [String] = []
        for entry in list.split(separator: ",").map({ $0.trimmingWhitespace() }) where !entry.isEmpty {
            if let network = IPNetwork(entry) { networks.append(network) } else { invalid.append(entry) }
        }
        return (TrustedProxies(networks, header: header), invalid)
    }

    public func trusts(_ address: IPAddress) -> Bool {
        networks.contains { $0.contains(address) }
    }

    /// The client's address: the peer itself unless it is a trusted proxy; then the rightmost
    /// untrusted address of the chosen header (`values`: each header line, in order). An entry that
    /// is not an address (`unknown`, an obfuscated name) stops the walk at the proxy that wrote it.
    public func client(peer: IPAddress, headerValues values: [String]) -> IPAddress {
        guard trusts(peer) else { return peer }
        let hops = values.flatMap { $0.split(separator: ",") }.map { entry -> Substring in
            header == .forwarded ? Self.forValue(entry) : Substring(entry)
        }
        var client = peer
        for hop in hops.reversed() {
            guard let address = Self.address(hop) else { return client }
            client = address
            if !trusts(address) { return address }
        }
        return client
    }

    /// The `for=` parameter of one `Forwarded` element (RFC 7239), or nothing.
    static func forValue(_ element: Substring) -> Substring {
        for pair in element.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingWhitespace().lowercased() == "for" { return parts[1] }
        }
        return ""
    }

    /// An address from a hop: unquoted, without brackets or port (`"[2001:db8::1]:4711"`, `192.0.2.1:80`).
    static func address(_ hop: Substring) -> IPAddress? {
        var text = Substring(hop.trimmingWhitespace())
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            return IPAddress(text[text.index(after: text.startIndex)..<close])
        }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") { text = text[..<colon] }
        return IPAddress(text)
    }
}
