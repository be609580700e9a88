import Foundation

extension TimelineEvent {
    /// `runaround_flagged`: the first time the ticket passed a runaround threshold.
    struct RunaroundFlag: Sendable, Equatable {
        var index: Double
        /// Why, in the desk's words ("3 hand-offs", ...).
        var reasons: [String]
    }
}

extension TimelineEvent.RunaroundFlag: Codable {
    enum CodingKeys: String, CodingKey { case index, reasons }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Double.self, forKey: .index)
        reasons = try container.decode([String].self, forKey: .reasons)
    }

    /// A whole index is written as an integer (`3`, not `3.0`), as the desk always wrote numbers.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(JSONValue.number(index), forKey: .index)
        try container.encode(reasons, forKey: .reasons)
    }
}
