import Fluent
import FrontlineCore
import SQLKit

/// Customers are found by phone when they call: a normalised, indexed copy of their number.
struct AddCustomerPhoneNumbers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("customers").field("phone_normalized", .string).update()
        let sql = try database.sql
        for customer in try await Customer.query(on: database).filter(\.$phone != nil).all() {
            guard let phone = customer.phone, let normalized = PhoneNumber.normalized(phone) else { continue }
            try await sql.update("customers").set("phone_normalized", to: SQLBind(normalized))
                .where("id", .equal, SQLBind(try customer.requireID())).run()
        }
        try await sql.create(index: "customers_phone_normalized").on("customers").column("phone_normalized").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("customers").deleteField("phone_normalized").update()
    }
}
