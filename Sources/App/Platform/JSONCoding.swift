import Foundation
import Vapor

/// JSON as the API speaks it: ISO 8601 times with milliseconds. Keys are snake_case through each
/// DTO's CodingKeys, not a key strategy: a strategy would also rewrite the keys of user data
/// (custom fields, event data).
enum JSONCoding {
    static func configure() {
        ContentConfiguration.global.use(encoder: encoder, for: .json)
        // Bodies with NUL characters are refused with the field named (see NULCharacters), and
        // unreadable ones are a 400 (see CheckedBodyDecoder).
        ContentConfiguration.global.use(decoder: CheckedBodyDecoder(wrapped: decoder, format: .json), for: .json)
        ContentConfiguration.global.use(decoder: CheckedBodyDecoder(wrapped: URLEncodedFormDecoder(), format: .form), for: .urlEncodedForm)
        ContentConfiguration.global.use(decoder: CheckedBodyDecoder(wrapped: FormDataDecoder(), format: .multipart), for: .formData)
        ContentConfiguration.global.use(decoder: UnsupportedBodyDecoder(), for: .plainText)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = parseDate(text) { return date }
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an ISO 8601 time such as 2026-05-01T15:00:00Z")
        }
        return decoder
    }

    static func parseDate(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)))
            ?? (try? Date(text, strategy: .iso8601))
    }
}

/// Any JSON value: custom fields and the before/after of timeline events.
enum JSONValue: Codable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case object([String: JSONValue])
    case array([JSONValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .bool(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The stored text form.
    var storedText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "null"
    }

    init(storedText: String) {
        self = (try? JSONDecoder().decode(JSONValue.self, from: Data(storedText.utf8))) ?? .null
    }
}
