/// Which promise of speed an SLA clock measures.
///
/// - `firstResponse`: from the ticket's creation to the first public reply.
/// - `nextResponse`: from a customer's inbound message, while unanswered, to the next public reply.
/// - `resolution`: from creation to the ticket being solved.
public enum SLATarget: String, Codable, CaseIterable, Sendable, CodingKeyRepresentable {
    case firstResponse = "first_response"
    case nextResponse = "next_response"
    case resolution
}
