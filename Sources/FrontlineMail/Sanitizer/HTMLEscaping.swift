/// Escaping for text and double-quoted attribute values in generated HTML.
enum HTMLEscaping {
    static func appendEscaped(_ text: String, to out: inout String) {
        var needsEscaping = false
        for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 || byte == 0 {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\0": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        appendEscaped(text, to: &out)
        return out
    }
}
