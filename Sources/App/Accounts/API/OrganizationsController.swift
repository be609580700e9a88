import Fluent
import Vapor

/// `/api/v1/organizations`: the companies customers belong to. Staff read and edit; admins delete.
enum OrganizationsController {
    struct OrganizationRequest: Content {
        let name: String?
        let domain: String?
        let notes: String?
    }

    struct OrganizationPage: Content {
        let organizations: [OrganizationDTO]
        let nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case organizations
            case nextCursor = "next_cursor"
        }
    }

    @Sendable static func list(req: Request) async throws -> OrganizationPage {
        _ = try req.staff()
        let paging = try ListPaging(from: req)
        let rows = try await Organization.query(on: req.db).sort(\.$name).sort(\.$id)
            .offset(paging.offset).limit(paging.limit + 1).all()
        return OrganizationPage(
            organizations: try rows.prefix(paging.limit).map(OrganizationDTO.init),
            nextCursor: paging.nextCursor(fetched: rows.count))
    }

    @Sendable static func show(req: Request) async throws -> OrganizationDTO {
        _ = try req.staff()
        return try OrganizationDTO(try await find(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        _ = try req.staff()
        let input = try req.content.decode(OrganizationRequest.self)
        guard let rawName = input.name else {
            throw RequestError(.unprocessableEntity, "missing_field", "name is required", field: "name")
        }
        let organization = Organization(name: try StaffDirectory.checkName(rawName), domain: input.domain, notes: input.notes, at: req.now)
        try await req.write { db in try await organization.create(on: db) }
        return try await OrganizationDTO(organization).encodeResponse(status: .created, for: req)
    }

    @Sendable static func update(req: Request) async throws -> OrganizationDTO {
        _ = try req.staff()
        let input = try req.content.decode(OrganizationRequest.self)
        let organization = try await find(req)
        if let name = input.name { organization.name = try StaffDirectory.checkName(name) }
        if let domain = input.domain { organization.domain = domain.isEmpty ? nil : domain }
        if let notes = input.notes { organization.notes = notes.isEmpty ? nil : notes }
        organization.updatedAt = req.now
        try await req.write { db in try await organization.save(on: db) }
        return try OrganizationDTO(organization)
    }

    /// An organization that still has customers or tickets is kept.
    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        _ = try req.staff(atLeast: .admin)
        let organization = try await find(req)
        let id = try organization.requireID()
        try await req.write { db in
            let customers = try await Customer.query(on: db).filter(\.$organizationId == id).count()
            let tickets = try await Ticket.query(on: db).filter(\.$organizationId == id).count()
            guard customers == 0, tickets == 0 else {
                throw RequestError.conflict("the organization still has \(customers) customers and \(tickets) tickets")
            }
            try await organization.delete(on: db)
        }
        return .noContent
    }

    private static func find(_ req: Request) async throws -> Organization {
        guard let organization = try await Organization.find(try req.id("organizationID", of: "organization"), on: req.db) else {
            throw RequestError.notFound("organization")
        }
        return organization
    }
}
