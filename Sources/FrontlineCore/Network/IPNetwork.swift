/// A block of addresses in CIDR notation (`10.0.0.0/8`, `fd00::/8`); a bare address is a block of one.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0].trimmingWhitespace()) else { return nil }
        let spelledAsIPv6 = parts[0].contains(":")
        let bits = spelledAsIPv6 ? 128 : 32
        var length = bits
        if parts.count == 2 {
            let raw = parts[1].trimmingWhitespace()
            guard !raw.isEmpty, raw.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(raw), value <= bits else { return nil }
            length = value
        }
        // An IPv4-mapped block (::ffff:10.0.0.0/104) is the IPv4 block it maps.
        if spelledAsIPv6, address.isIPv4 {
            guard length >= 96 else { return nil }
            length -= 96
        }
        self.address = address
        self.prefixLength = length
    }

    public func contains(_ other: IPAddress) -> Bool {
        guard other.bytes.count == address.bytes.count else { return false }
        var remaining = prefixLength
        for index in address.bytes.indices where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xff : ~(0xff >> UInt8(remaining))
            guard address.bytes[index] & mask == other.bytes[index] & mask else { return false }
            remaining -= 8
        }
        return true
    }

    public var description: String { "\(address)/\(prefixLength)" }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
