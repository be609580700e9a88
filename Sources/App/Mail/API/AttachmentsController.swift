import Fluent
import Vapor

/// Someone copied on a ticket's mail.
struct ParticipantDTO: Content {
    let email: String
    let name: String?
    let addedAt: Date

    enum CodingKeys: String, CodingKey {
        case email, name
        case addedAt = "added_at"
    }
}

/// The people copied on a ticket's mail, and the addresses seen in Cc of a reply that wait for an
/// agent to add them (copying someone does not subscribe them to a customer's ticket).
struct ParticipantList: Content {
    let participants: [ParticipantDTO]
    let suggested: [ParticipantDTO]

    init(_ roster: TicketParticipants.Roster) {
        participants = roster.participants.map { ParticipantDTO(email: $0.email, name: $0.name, addedAt: $0.addedAt) }
        suggested = roster.suggested.map { ParticipantDTO(email: $0.email, name: $0.name, addedAt: $0.addedAt) }
    }
}

/// Attachments and participants of a ticket, for whoever may see the ticket: staff, or the
/// customer who asked (participants: staff only).
enum AttachmentsController {
    struct AttachmentList: Content {
        let attachments: [AttachmentDTO]
    }

    /// Image types a browser may show inline; anything else (HTML, SVG, PDF…) is a download, so a
    /// file a customer sent can never run as a page of ours.
    private static let inlineTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]

    @Sendable static func list(req: Request) async throws -> AttachmentList {
        let principal = try req.principal
        let ticket = try await TicketAccess.visibleTicket(try req.id("ticketID", of: "ticket"), to: principal, on: req.db)
        var attachments = try await Attachment.query(on: req.db).filter(\.$ticketId == (try ticket.requireID())).sort(\.$createdAt).all()
        if case .customer = principal {
            // Files on internal notes stay on the desk, as their download does.
            let messageIds = attachments.compactMap(\.messageId)
            let notes = messageIds.isEmpty ? [] : try await Message.query(on: req.db).filter(\.$id ~~ messageIds)
                .filter(\.$visibility == .internal).all()
            let noteIds = Set(notes.compactMap(\.id))
            attachments.removeAll { attachment in attachment.messageId.map { noteIds.contains($0) } ?? false }
        }
        return AttachmentList(attachments: try attachments.map(AttachmentDTO.init))
    }

    @Sendable static func download(req: Request) async throws -> Response {
        let principal = try req.principal
        guard let attachment = try await Attachment.find(try req.id("attachmentID", of: "attachment"), on: req.db) else {
            throw RequestError.notFound("attachment")
        }
        _ = try await TicketAccess.visibleTicket(attachment.ticketId, to: principal, on: req.db)
        if case .customer = principal, let messageId = attachment.messageId,
            let message = try await Message.find(messageId, on: req.db), message.visibility == .internal {
            throw RequestError.notFound("attachment")
        }
        let store = BlobStore(dataDirectory: req.application.frontlineConfig.dataDirectory, kind: "attachments")
        let bytes = try await req.application.threadPool.runIfActive { try store.get(attachment.sha256) }
        var headers = HTTPHeaders()
        let type = attachment.contentType.lowercased()
        headers.replaceOrAdd(name: .contentType, value: inlineTypes.contains(type) ? type : "application/octet-stream")
        let disposition = inlineTypes.contains(type) ? "inline" : "attachment"
        let encoded = attachment.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        headers.replaceOrAdd(name: "Content-Disposition", value: "\(disposition); filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }
}
