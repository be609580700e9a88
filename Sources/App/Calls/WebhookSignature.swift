import Crypto
import Foundation

/// The signature phone systems put on call events: `X-Frontline-Timestamp` (Unix seconds) and
/// `X-Frontline-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. The timestamp
/// must be within five minutes of now either way, so a captured request cannot be replayed later.
enum WebhookSignature {
    static let tolerance: TimeInterval = 5 * 60

    /// Nil when valid; otherwise why not.
    static func problem(timestamp: String?, signature: String?, body: Data, secret: String, now: Date) -> String? {
        guard let timestamp, let signature else { return "the request is not signed: send X-Frontline-Timestamp and X-Frontline-Signature" }
        guard let seconds = Int64(timestamp.trimmingCharacters(in: .whitespaces)) else { return "X-Frontline-Timestamp must be Unix seconds" }
        guard abs(now.timeIntervalSince1970 - Double(seconds)) <= tolerance else {
            return "X-Frontline-Timestamp is more than 5 minutes away from now"
        }
        guard signature.hasPrefix("sha256="), let mac = hexBytes(signature.dropFirst("sha256=".count)), mac.count == 32 else {
            return "X-Frontline-Signature must be sha256=<64 hex digits>"
        }
        var signed = Data("\(seconds).".utf8)
        signed.append(body)
        // Constant-time comparison: the time taken says nothing about how much of the MAC matched.
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: SymmetricKey(data: Data(secret.utf8))) else {
            return "the signature does not match"
        }
        return nil
    }

    /// The header value for a body, as a phone system computes it (tests and integrators use this).
    static func sign(body: Data, timestamp: Int64, secret: String) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    private static func hexBytes(_ hex: Substring) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
