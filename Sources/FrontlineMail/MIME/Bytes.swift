/// Byte-level scanning shared by the MIME parser.
///
/// Mail is bytes of unknown charset until a header says otherwise, so the
/// parser works on `[UInt8]` slices and converts to `String` only at the edges.
enum Bytes {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// End of the line starting at `start`: `contentEnd` excludes the CR LF or
    /// bare LF; `next` is the start of the following line. A lone CR is not a
    /// line break: no mail software of this century writes one.
    @inline(__always)
    static func lineEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> (contentEnd: Int, next: Int) {
        let end = bytes.endIndex
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == lf {
                let contentEnd = index > start && bytes[index - 1] == cr ? index - 1 : index
                return (contentEnd, index + 1)
            }
            index += 1
        }
        return (end, end)
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && isBlank(bytes[start]) { start += 1 }
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// ASCII case-insensitive prefix test without allocating.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, caseInsensitive prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        var index = bytes.startIndex
        for expected in prefix {
            if lowercased(bytes[index]) != expected { return false }
            index += 1
        }
        return true
    }

    /// Text with CR LF and lone CR turned into LF, for display and storage.
    static func normalisingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(cr) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == cr {
                out.append(lf)
                previousWasCR = true
                continue
            }
            if byte == lf && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
