import Foundation

/// Checks and normalises what people type into tickets, with the field each rule is about.
/// Lengths count Unicode code points (`unicodeScalars`), as the OpenAPI document's `maxLength`
/// does, so a subject of 250 letters with accents is measured the same on both sides.
enum TicketInput {
    static let maxSubjectLength = 250
    static let maxBodyLength = 200_000
    static let maxTags = 50

    static func subject(_ raw: String) throws -> String {
        let subject = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else { throw TicketError.invalid(field: "subject", reason: "subject must not be empty") }
        guard subject.unicodeScalars.count <= maxSubjectLength else {
            throw TicketError.invalid(field: "subject", reason: "subject must be at most \(maxSubjectLength) characters")
        }
        return subject
    }

    static func body(_ raw: String, field: String = "body") throws -> String {
        guard !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw TicketError.invalid(field: field, reason: "\(field) must not be empty")
        }
        guard raw.unicodeScalars.count <= maxBodyLength else {
            throw TicketError.invalid(field: field, reason: "\(field) must be at most \(maxBodyLength) characters")
        }
        return raw
    }

    /// Tags are lowercased, unique, 1 to 64 characters of letters, digits, `-`, `_`, `.` or `:`.
    static func tags(_ raw: [String]) throws -> [String] {
        guard raw.count <= maxTags else { throw TicketError.invalid(field: "tags", reason: "at most \(maxTags) tags") }
        var seen = Set<String>()
        var tags: [String] = []
        for value in raw {
            let tag = value.trimmingCharacters(in: .whitespaces).lowercased()
            let allowed = tag.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0) }
            guard (1...64).contains(tag.unicodeScalars.count), allowed else {
                throw TicketError.invalid(field: "tags", reason: "'\(value)' is not a tag: use 1 to 64 letters, digits, '-', '_', '.' or ':'")
            }
            if seen.insert(tag).inserted { tags.append(tag) }
        }
        return tags
    }

    /// Custom fields are a flat object of strings, numbers, booleans or null.
    static func customFields(_ fields: [String: JSONValue]) throws -> [String: JSONValue] {
        guard fields.count <= 100 else { throw TicketError.invalid(field: "custom_fields", reason: "at most 100 custom fields") }
        for (key, value) in fields {
            guard (1...64).contains(key.unicodeScalars.count) else {
                throw TicketError.invalid(field: "custom_fields", reason: "custom field names are 1 to 64 characters")
            }
            switch value {
            case .object, .array:
                throw TicketError.invalid(field: "custom_fields.\(key)", reason: "custom field values are strings, numbers, booleans or null")
            case .string(let text) where text.unicodeScalars.count > 10_000:
                throw TicketError.invalid(field: "custom_fields.\(key)", reason: "custom field values are at most 10000 characters")
            default: break
            }
        }
        return fields
    }
}
