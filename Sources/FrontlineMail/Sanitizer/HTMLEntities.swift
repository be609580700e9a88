/// Decodes HTML character references: named (the common subset, including
/// HTML5's &colon; &Tab; &NewLine; used to disguise "javascript:"), decimal and
/// hexadecimal, with or without the closing semicolon as browsers accept them.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), let (scalar, length) = reference(bytes, at: index) {
                appendUTF8(scalar, to: &out)
                index += length
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar and the number of bytes the reference spans, or nil when the
    /// "&" starts no reference.
    private static func reference(_ bytes: [UInt8], at start: Int) -> (UInt32, Int)? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < bytes.count, index - digitsStart < 16 {
                let byte = bytes[index]
                let digit: UInt32
                if let hexDigit = TransferEncoding.hexValue(byte), hex {
                    digit = UInt32(hexDigit)
                } else if byte >= 48 && byte <= 57 {
                    digit = UInt32(byte - 48)
                } else {
                    break
                }
                value = min(value * (hex ? 16 : 10) + digit, 0x110000)
                index += 1
            }
            guard index > digitsStart else { return nil }
            while index < bytes.count, bytes[index] >= 48 && bytes[index] <= 57 { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            let valid = value != 0 && value < 0x110000 && !(0xD800...0xDFFF).contains(value)
            return (valid ? value : 0xFFFD, index - start)
        }
        let nameStart = index
        while index < bytes.count, index - nameStart < 32,
              (bytes[index] | 0x20) >= 97 && (bytes[index] | 0x20) <= 122 || (bytes[index] >= 48 && bytes[index] <= 57) {
            index += 1
        }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard let scalar = named[name] else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        return (scalar, index - start)
    }

    private static let named: [String: UInt32] = [
        "nbsp": 0xA0, "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "copy": 0xA9, "reg": 0xAE,
        "trade": 0x2122, "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019,
        "ldquo": 0x201C, "rdquo": 0x201D, "sbquo": 0x201A, "bdquo": 0x201E, "bull": 0x2022, "middot": 0xB7,
        "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "sect": 0xA7, "para": 0xB6, "deg": 0xB0,
        "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE,
        "laquo": 0xAB, "raquo": 0xBB, "iexcl": 0xA1, "iquest": 0xBF, "shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D,
        "lrm": 0x200E, "rlm": 0x200F, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "colon": 0x3A, "Tab": 0x9,
        "NewLine": 0xA, "lpar": 0x28, "rpar": 0x29, "sol": 0x2F, "bsol": 0x5C, "period": 0x2E, "comma": 0x2C,
        "excl": 0x21, "num": 0x23, "dollar": 0x24, "percnt": 0x25, "ast": 0x2A, "plus": 0x2B, "equals": 0x3D,
        "quest": 0x3F, "commat": 0x40, "lsqb": 0x5B, "rsqb": 0x5D, "lowbar": 0x5F, "grave": 0x60, "lcub": 0x7B,
        "rcub": 0x7D, "verbar": 0x7C, "semi": 0x3B, "acute": 0xB4, "uml": 0xA8, "ordf": 0xAA, "ordm": 0xBA,
        "micro": 0xB5, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "not": 0xAC, "macr": 0xAF, "cedil": 0xB8,
        "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "larr": 0x2190,
        "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "harr": 0x2194, "check": 0x2713, "hearts": 0x2665,
        "infin": 0x221E, "ne": 0x2260, "le": 0x2264, "ge": 0x2265, "asymp": 0x2248, "szlig": 0xDF, "oelig": 0x153,
        "OElig": 0x152, "scaron": 0x161, "Scaron": 0x160, "zcaron": 0x17E, "Zcaron": 0x17D, "Yuml": 0x178,
        "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC, "Alpha": 0x391, "alpha": 0x3B1, "beta": 0x3B2,
        "gamma": 0x3B3, "delta": 0x3B4, "pi": 0x3C0, "sigma": 0x3C3, "omega": 0x3C9, "Omega": 0x3A9, "mu": 0x3BC,
        "aacute": 0xE1, "agrave": 0xE0, "acirc": 0xE2, "auml": 0xE4, "eacute": 0xE9, "egrave": 0xE8, "ecirc": 0xEA,
        "euml": 0xEB, "iacute": 0xED, "igrave": 0xEC, "icirc": 0xEE, "iuml": 0xEF, "oacute": 0xF3, "ograve": 0xF2,
        "ocirc": 0xF4, "ouml": 0xF6, "uacute": 0xFA, "ugrave": 0xF9, "ucirc": 0xFB, "uuml": 0xFC, "yacute": 0xFD,
        "ycirc": 0x177, "yuml": 0xFF, "Aacute": 0xC1, "Agrave": 0xC0, "Acirc": 0xC2, "Auml": 0xC4, "Eacute": 0xC9,
        "Egrave": 0xC8, "Ecirc": 0xCA, "Euml": 0xCB, "Iacute": 0xCD, "Igrave": 0xCC, "Icirc": 0xCE, "Iuml": 0xCF,
        "Oacute": 0xD3, "Ograve": 0xD2, "Ocirc": 0xD4, "Ouml": 0xD6, "Uacute": 0xDA, "Ugrave": 0xD9, "Ucirc": 0xDB,
        "Uuml": 0xDC, "Yacute": 0xDD, "Ycirc": 0x176, "atilde": 0xE3, "Atilde": 0xC3, "otilde": 0xF5,
        "Otilde": 0xD5, "ntilde": 0xF1, "Ntilde": 0xD1, "aring": 0xE5, "Aring": 0xC5, "aelig": 0xE6, "AElig": 0xC6,
        "ccedil": 0xE7, "Ccedil": 0xC7, "oslash": 0xF8, "Oslash": 0xD8, "eth": 0xF0, "ETH": 0xD0, "thorn": 0xFE,
        "THORN": 0xDE,
    ]
}
