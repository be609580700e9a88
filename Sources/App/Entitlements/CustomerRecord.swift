import Fluent
import Foundation

/// What a ticket shows of its customer: active warranties and contracts, products, and every
/// document they sent, whichever ticket (or mail, or portal visit) it came with. The API's
/// `GET /tickets/{id}/entitlements` and the desk's ticket page read it through here.
enum CustomerRecord {
    static func onRecord(customerId: UUID, on db: any Database, now: Date) async throws -> TicketEntitlements {
        let entitlements = try await Entitlement.query(on: db).filter(\.$customerId == customerId).sort(\.$endsOn).all()
            .filter { EntitlementsController.isActive($0, at: now) }
        let products = try await Product.query(on: db).filter(\.$customerId == customerId).sort(\.$createdAt).all()
        let documents = try await CustomerDocument.query(on: db).filter(\.$customerId == customerId).sort(\.$createdAt).all()
        return TicketEntitlements(
            customerId: customerId, active: try await EntitlementsController.dtos(entitlements, on: db, now: now),
            products: try products.map(ProductDTO.init), documents: try documents.map(DocumentDTO.init))
    }
}
