/// Decides which URLs may appear in sanitised HTML.
///
/// Browsers ignore ASCII whitespace and control characters inside a scheme
/// ("java\tscript:", " javascript:"), and entities were already decoded by the
/// tokenizer, so the scheme is judged on the value with those removed, and that
/// cleaned value is what gets written out.
enum URLPolicy {
    enum ImageSource: Equatable {
        case allowed(String)
        case remote(String)
        case contentID(String)
        case rejected
    }

    /// Links: http, https and mailto only.
    static func safeLink(_ raw: String) -> String? {
        let url = cleaned(raw)
        guard let scheme = scheme(of: url) else { return nil }
        return ["http", "https", "mailto"].contains(scheme) ? url : nil
    }

    static func imageSource(_ raw: String) -> ImageSource {
        let url = cleaned(raw)
        switch scheme(of: url) {
        case "cid":
            let id = String(url.dropFirst(4))
            return id.isEmpty ? .rejected : .contentID(id.removingPercentEncodingLeniently())
        case "data":
            // Raster images only: SVG can carry script.
            let lower = url.lowercased()
            let raster = ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp",
                          "data:image/bmp"]
            return raster.contains(where: { lower.hasPrefix($0 + ";") || lower.hasPrefix($0 + ",") })
                ? .allowed(url) : .rejected
        case "http", "https":
            return .remote(url)
        default:
            return .rejected
        }
    }

    private static func cleaned(_ raw: String) -> String {
        String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
    }

    /// The lowercased scheme, or nil for relative URLs (which mean nothing in mail).
    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return candidate.lowercased()
    }
}

extension String {
    /// Percent-decoding that leaves malformed escapes alone instead of failing.
    func removingPercentEncodingLeniently() -> String {
        guard contains("%") else { return self }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = TransferEncoding.hexValue(bytes[index + 1]), let low = TransferEncoding.hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
