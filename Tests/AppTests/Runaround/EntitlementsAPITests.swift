@testable import App
import Foundation
import FrontlineCore
import Testing
import Vapor
import VaporTesting

@Suite("Warranties and proof on record")
struct EntitlementsAPITests {
    func uploadRaw(_ desk: TestDesk, customer: UUID, token: String, text: String = "RECEIPT 2-year warranty") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .pdf
        return try await desk.app.testing().sendRequest(
            .POST, "/api/v1/customers/\(customer)/documents?filename=receipt.pdf", headers: headers, body: ByteBuffer(string: text))
    }

    @Test func aCustomersDocumentIsStoredContentAddressedAndListedFromEveryTicket() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let pat = try await desk.customer(email: "pat@example.test")
            let sam = try await desk.customer(email: "sam@example.test")
            let patId = try pat.customer.requireID()
            let uploaded = try await uploadRaw(desk, customer: patId, token: pat.token)
            #expect(uploaded.status == .created)
            let document = try uploaded.decoded(DocumentDTO.self)
            #expect(document.filename == "receipt.pdf" && document.contentType == "application/pdf" && document.size == 23)
            #expect(document.uploadedBy.type == "customer")
            let path = desk.app.frontlineConfig.dataDirectory + "/documents/sha256/\(document.sha256.prefix(2))/\(document.sha256.dropFirst(2))"
            #expect(FileManager.default.contents(atPath: path) == Data("RECEIPT 2-year warranty".utf8))

            // Another customer cannot upload for Pat, list Pat's documents or download them.
            #expect(try await uploadRaw(desk, customer: patId, token: sam.token).status == .notFound)
            #expect(try await desk.send(.GET, "/api/v1/customers/\(patId)/documents", token: sam.token).status == .notFound)
            #expect(try await desk.send(.GET, "/api/v1/documents/\(document.id)", token: sam.token).status == .notFound)
            let mine = try await desk.send(.GET, "/api/v1/documents/\(document.id)", token: pat.token)
            #expect(mine.status == .ok && mine.body.string == "RECEIPT 2-year warranty")
            #expect(try await desk.send(.GET, "/api/v1/documents/\(document.id)", token: agent.token).status == .ok)

            // Every ticket of Pat's lists it.
            let first = try await desk.createTicket(token: agent.token, subject: "Printer dead", email: "pat@example.test")
            let second = try await desk.createTicket(token: agent.token, subject: "Still dead", email: "pat@example.test")
            for ticket in [first, second] {
                let onRecord = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/entitlements", token: agent.token).decoded(TicketEntitlements.self)
                #expect(onRecord.documents.map(\.id) == [document.id])
            }
            #expect(try await desk.send(.GET, "/api/v1/tickets/\(first.id)/entitlements", token: pat.token).status == .ok)
            #expect(try await desk.send(.GET, "/api/v1/tickets/\(first.id)/entitlements", token: sam.token).status == .notFound)
        }
    }

    @Test func multipartUploadsWorkAndEmptyOrNamelessOnesDoNot() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent)
            let pat = try await desk.customer(email: "pat@example.test")
            let patId = try pat.customer.requireID()
            let boundary = "frontline-boundary"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"card.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n--\(boundary)--\r\n"
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: agent.token)
            headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
            let response = try await desk.app.testing().sendRequest(.POST, "/api/v1/customers/\(patId)/documents", headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .created, "\(response.body.string)")
            let document = try response.decoded(DocumentDTO.self)
            #expect(document.filename == "card.png" && document.contentType == "image/png" && document.uploadedBy.type == "user")

            let nameless = try await desk.send(.POST, "/api/v1/customers/\(patId)/documents", token: agent.token, raw: "x", contentType: .plainText)
            #expect(nameless.apiError?.field == "filename")
            #expect(try await uploadRaw(desk, customer: patId, token: agent.token, text: "").status == .unprocessableEntity)
            #expect(try await uploadRaw(desk, customer: UUID(), token: agent.token).status == .notFound)
        }
    }

    @Test func warrantiesAreRecordedByStaffAndLookedUpBySerial() async throws {
        try await TestDesk.run { desk in
            let agent = try await desk.staff(.agent, name: "Ann Agent")
            let pat = try await desk.customer(email: "pat@example.test")
            let sam = try await desk.customer(email: "sam@example.test")
            let patId = try pat.customer.requireID()
            let product = try await desk.send(.POST, "/api/v1/customers/\(patId)/products", token: pat.token, json: [
                "model": "OfficeJet 9000", "serial_number": "cn-12 345", "purchase_date": "2025-06-01", "purchased_from": "PrintMart",
            ]).decoded(ProductDTO.self)
            #expect(product.serialNumber == "cn-12 345")
            #expect(try await desk.send(.POST, "/api/v1/customers/\(patId)/products", token: sam.token, json: ["model": "x", "serial_number": "y"]).status == .notFound)
            #expect(try await desk.send(.POST, "/api/v1/customers/\(patId)/products", token: pat.token, json: ["model": "x", "serial_number": "y", "purchase_date": "2025-13-01"]).status == .unprocessableEntity)

            let document = try await uploadRaw(desk, customer: patId, token: pat.token).decoded(DocumentDTO.self)
            let today = Date()
            let start = Date(timeIntervalSinceNow: -200 * 86_400).formatted(.iso8601.year().month().day())
            let end = Date(timeIntervalSinceNow: 500 * 86_400).formatted(.iso8601.year().month().day())
            let request: [String: JSON] = [
                "kind": "warranty", "product_id": .string(product.id.uuidString), "starts_on": .string(start), "ends_on": .string(end),
                "coverage": "Parts and labour, 2 years", "document_ids": .array([.string(document.id.uuidString)]),
            ]
            #expect(try await desk.send(.POST, "/api/v1/customers/\(patId)/entitlements", token: pat.token, json: request).status == .forbidden)
            #expect(try await desk.send(.POST, "/api/v1/customers/\(patId)/entitlements", token: sam.token, json: request).status == .notFound)
            var backwards = request
            backwards["ends_on"] = "2020-01-01"
            #expect(try await desk.send(.POST, "/api/v1/customers/\(patId)/entitlements", token: agent.token, json: backwards).apiError?.field == "ends_on")
            var foreignDoc = request
            foreignDoc["document_ids"] = .array([.string(UUID().uuidString)])
            #expect(try await desk.send(.POST, "/api/v1/customers/\(patId)/entitlements", token: agent.token, json: foreignDoc).apiError?.field == "document_ids")

            let created = try await desk.send(.POST, "/api/v1/customers/\(patId)/entitlements", token: agent.token, json: request)
            #expect(created.status == .created)
            let warranty = try created.decoded(EntitlementDTO.self)
            #expect(warranty.active && warranty.documentIds == [document.id] && warranty.recordedBy == "Ann Agent")

            let answer = try await desk.send(.GET, "/api/v1/entitlements/lookup?serial=CN12345", token: agent.token).decoded(CoverageAnswer.self)
            #expect(answer.covered && answer.until == end && answer.entitlement?.id == warranty.id)
            let unknown = try await desk.send(.GET, "/api/v1/entitlements/lookup?serial=NOPE", token: agent.token).decoded(CoverageAnswer.self)
            #expect(!unknown.covered && unknown.until == nil)
            #expect(try await desk.send(.GET, "/api/v1/entitlements/lookup?serial=CN12345", token: pat.token).status == .forbidden)
            #expect(try await desk.send(.GET, "/api/v1/entitlements/lookup", token: agent.token).status == .unprocessableEntity)

            let ticket = try await desk.createTicket(token: agent.token, email: "pat@example.test")
            let onRecord = try await desk.send(.GET, "/api/v1/tickets/\(ticket.id)/entitlements", token: agent.token).decoded(TicketEntitlements.self)
            #expect(onRecord.active.map(\.id) == [warranty.id] && onRecord.products.map(\.id) == [product.id])
            #expect(try await desk.send(.GET, "/api/v1/customers/\(patId)/entitlements", token: pat.token).decoded(EntitlementList.self).entitlements.count == 1)
            _ = today
        }
    }
}
