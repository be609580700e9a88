import Foundation

/// How a timeline event's payload becomes the `ticket_events.data` text and back. The text is
/// what the desk has always stored and what `GET /tickets/{id}/events` returns as it is: keys
/// sorted, slashes unescaped, times as ISO 8601 to the second (`2026-05-01T15:00:00Z`), absent
/// values written as `null` where the desk always wrote them (see `NullWhenAbsent`).
enum TimelineCoding {
    static func encode(_ payload: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.ISO8601Format())
        }
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }

    static func decode<Payload: Decodable>(_ type: Payload.Type, from text: String) throws -> Payload {
        // The API's decoder reads both ISO 8601 forms, with and without fractions of a second.
        try JSONCoding.decoder.decode(type, from: Data(text.utf8))
    }
}

/// A payload field that is stored as `null` when it has no value (Codable would leave the key
/// out), because that is how the desk has always written it: `"team_id": null`.
@propertyWrapper
struct NullWhenAbsent<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// A missing key reads as no value, like a `null` (synthesized decoding would throw).
    func decode<Value>(_ type: NullWhenAbsent<Value>.Type, forKey key: Key) throws -> NullWhenAbsent<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullWhenAbsent(wrappedValue: nil)
    }
}
