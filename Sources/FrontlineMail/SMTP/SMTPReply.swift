import NIOCore

/// One complete server reply: the code and every line's text (RFC 5321 §4.2).
struct SMTPReply: Sendable, Hashable {
    var code: Int
    var lines: [String]

    var text: String { lines.joined(separator: " ") }
    var isPositive: Bool { code >= 200 && code < 400 }
}

/// Frames reply lines and joins multi-line replies ("250-PIPELINING" ...
/// "250 SMTPUTF8") into one `SMTPReply`.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// RFC 5321 allows 512 bytes per reply line; servers exceed it, but not by this much.
    static let maximumLineLength = 8_192
    static let maximumLines = 200

    private var code: Int? = nil
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength {
                throw SMTPError.protocolViolation("reply line longer than \(Self.maximumLineLength) bytes")
            }
            return .needMoreData
        }
        let length = newline - view.startIndex + 1
        guard let bytes = buffer.readBytes(length: length) else { return .needMoreData }
        if let reply = try consume(line: bytes) {
            context.fireChannelRead(wrapInboundOut(reply))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    /// Adds one line; returns the reply when this line completes it.
    mutating func consume(line bytes: [UInt8]) throws -> SMTPReply? {
        var line = bytes[...]
        while let last = line.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { line.removeLast() }
        guard line.count >= 3, line.prefix(3).allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let lineCode = Int(String(decoding: line.prefix(3), as: UTF8.self)) else {
            throw SMTPError.protocolViolation("malformed reply line \"\(String(decoding: line.prefix(80), as: UTF8.self))\"")
        }
        if let code, code != lineCode {
            throw SMTPError.protocolViolation("reply code changed from \(code) to \(lineCode) within one reply")
        }
        let separator = line.count > 3 ? line[line.startIndex + 3] : UInt8(ascii: " ")
        let text = line.count > 4 ? String(decoding: line.dropFirst(4), as: UTF8.self) : ""
        code = lineCode
        lines.append(text)
        guard separator != UInt8(ascii: "-") else {
            if lines.count > Self.maximumLines { throw SMTPError.protocolViolation("reply longer than \(Self.maximumLines) lines") }
            return nil
        }
        defer {
            code = nil
            lines = []
        }
        return SMTPReply(code: lineCode, lines: lines)
    }
}
