/// Reads msg-id lists from Message-ID, In-Reply-To, References and Content-ID.
///
/// Ids come back without angle brackets. Real headers carry junk such as
/// `<id> (Jane's message of Monday)` or ids with no brackets at all, so only
/// bracketed ids are taken when there are any, else every blank-separated word
/// that contains an "@".
enum MessageIDList {
    static func parse(_ value: String) -> [String] {
        var ids: [String] = []
        var current: [UInt8] = []
        var inside = false
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "<"):
                inside = true
                current.removeAll(keepingCapacity: true)
            case UInt8(ascii: ">") where inside:
                inside = false
                let id = String(decoding: current.filter { !Bytes.isBlank($0) }, as: UTF8.self)
                if !id.isEmpty { ids.append(id) }
            default:
                if inside { current.append(byte) }
            }
        }
        if !ids.isEmpty { return ids }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\n" || $0 == "\r" })
            .map { String($0) }
            .filter { $0.contains("@") }
    }
}
