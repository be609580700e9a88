import Fluent
import FrontlineCore
import Foundation
import Vapor

/// Products and warranties on record, with the receipts customers sent as proof: every customer who
/// wrote about a warranty replacement has theirs, so their ticket shows "covered until" and the
/// document, never "not on record".
struct DemoWarranties {
    let app: Application
    let now: Date

    func create(for customers: [Customer], recordedBy agent: User) async throws -> Int {
        for (index, customer) in customers.enumerated() {
            let customerId = try customer.requireID()
            let bought = Days.adding(-420 - 3 * index, to: Days.day(of: now))
            let serial = "LX4-\(String(format: "%06d", 104_729 * (index + 1) % 1_000_000))"
            let receipt = """
                Frontline Printers Online Shop: receipt
                Customer: \(customer.name)
                Date: \(bought)
                LX-400 office printer, serial \(serial)                 EUR 449.00
                Two-year manufacturer warranty                          included
                """
            _ = try await CustomerDocuments(app: app).store(
                Data(receipt.utf8), filename: "receipt-\(serial).txt", contentType: "text/plain",
                for: customerId, by: .customer(customer), at: Days.start(of: bought).addingTimeInterval(12 * 3600))
            try await app.write { [now] db in
                let product = Product()
                product.customerId = customerId
                product.model = "LX-400"
                product.serialNumber = serial
                product.serialNormalized = Product.normalizedSerial(serial)
                product.purchaseDate = bought
                product.purchasedFrom = "Frontline Printers Online Shop"
                product.createdAt = now
                try await product.create(on: db)
                let warranty = Entitlement()
                warranty.customerId = customerId
                warranty.productId = product.id
                warranty.kind = .warranty
                warranty.startsOn = bought
                warranty.endsOn = Days.adding(730, to: bought)
                warranty.coverage = "Parts, labour and a replacement unit if it cannot be repaired"
                warranty.recordedByName = agent.name
                warranty.createdAt = now
                try await warranty.create(on: db)
            }
        }
        return customers.count
    }
}
