import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/customers`: the people the desk serves. Staff read and edit; admins delete.
enum CustomersController {
    struct CustomerRequest: Content {
        let email: String?
        let name: String?
        let phone: String?
        let organizationId: UUID?

        enum CodingKeys: String, CodingKey {
            case email, name, phone
            case organizationId = "organization_id"
        }
    }

    struct CustomerPage: Content {
        let customers: [CustomerDTO]
        let nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case customers
            case nextCursor = "next_cursor"
        }
    }

    @Sendable static func list(req: Request) async throws -> CustomerPage {
        _ = try req.staff()
        let paging = try ListPaging(from: req)
        let query = Customer.query(on: req.db)
        if let email = try? req.query.get(String.self, at: "email") {
            query.filter(\.$emailNormalized == EmailAddress.normalized(email))
        }
        if let raw = try? req.query.get(String.self, at: "organization_id") {
            guard let id = UUID(uuidString: raw) else { throw RequestError.invalid("organization_id", "organization_id must be a UUID") }
            query.filter(\.$organizationId == id)
        }
        let rows = try await query.sort(\.$emailNormalized).offset(paging.offset).limit(paging.limit + 1).all()
        return CustomerPage(
            customers: try rows.prefix(paging.limit).map(CustomerDTO.init), nextCursor: paging.nextCursor(fetched: rows.count))
    }

    @Sendable static func show(req: Request) async throws -> CustomerDTO {
        _ = try req.staff()
        return try CustomerDTO(try await find(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        _ = try req.staff()
        let input = try req.content.decode(CustomerRequest.self)
        guard let email = input.email, EmailAddress.hasDocumentedForm(email) else {
            throw RequestError.invalid("email", "email must be an email address")
        }
        let customer = try await req.write { db in
            if try await CustomerDirectory.find(email: email, on: db) != nil {
                throw RequestError.conflict("a customer with email \(EmailAddress.normalized(email)) already exists", field: "email")
            }
            try await checkOrganization(input.organizationId, on: db)
            let name = try StaffDirectory.checkName(input.name ?? String(email.prefix { $0 != "@" }))
            let customer = Customer(
                email: email.trimmingCharacters(in: .whitespaces), name: name, phone: input.phone,
                organizationId: input.organizationId, at: req.now)
            try await customer.create(on: db)
            return customer
        }
        return try await CustomerDTO(customer).encodeResponse(status: .created, for: req)
    }

    @Sendable static func update(req: Request) async throws -> CustomerDTO {
        _ = try req.staff()
        let input = try req.content.decode(CustomerRequest.self)
        let customer = try await find(req)
        return try await req.write { db in
            if let email = input.email {
                guard EmailAddress.hasDocumentedForm(email) else { throw RequestError.invalid("email", "email must be an email address") }
                if let other = try await CustomerDirectory.find(email: email, on: db), other.id != customer.id {
                    throw RequestError.conflict("another customer has email \(EmailAddress.normalized(email))", field: "email")
                }
                customer.email = email.trimmingCharacters(in: .whitespaces)
                customer.emailNormalized = EmailAddress.normalized(email)
            }
            if let name = input.name { customer.name = try StaffDirectory.checkName(name) }
            if let phone = input.phone {
                customer.phone = phone.isEmpty ? nil : phone
                customer.phoneNormalized = PhoneNumber.normalized(phone)
            }
            if let organizationId = input.organizationId {
                try await checkOrganization(organizationId, on: db)
                customer.organizationId = organizationId
            }
            customer.updatedAt = req.now
            try await customer.save(on: db)
            return try CustomerDTO(customer)
        }
    }

    /// A customer with tickets is kept: deleting them would orphan their history.
    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        _ = try req.staff(atLeast: .admin)
        let customer = try await find(req)
        let id = try customer.requireID()
        try await req.write { db in
            if try await Ticket.query(on: db).filter(\.$requesterId == id).count() > 0 {
                throw RequestError.conflict("the customer has tickets and is kept with them")
            }
            try await APIToken.query(on: db).filter(\.$customerId == id).delete()
            try await customer.delete(on: db)
        }
        return .noContent
    }

    static func checkOrganization(_ id: UUID?, on db: any Database) async throws {
        if let id, try await Organization.find(id, on: db) == nil {
            throw RequestError.invalid("organization_id", "no organization has that id")
        }
    }

    private static func find(_ req: Request) async throws -> Customer {
        guard let customer = try await Customer.find(try req.id("customerID", of: "customer"), on: req.db) else {
            throw RequestError.notFound("customer")
        }
        return customer
    }
}
