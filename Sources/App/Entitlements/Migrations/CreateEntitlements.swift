import Fluent
import SQLKit

/// Products customers own, their warranties and service contracts, and proof documents.
struct CreateEntitlements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("products")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("model", .string, .required)
            .field("serial_number", .string, .required)
            .field("serial_normalized", .string, .required)
            .field("purchase_date", .string)
            .field("purchased_from", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("customer_documents")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("sha256", .string, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int64, .required)
            .field("uploaded_by_type", .string, .required)
            .field("uploaded_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("entitlements")
            .id()
            .field("customer_id", .uuid, .required, .references("customers", "id"))
            .field("product_id", .uuid, .references("products", "id"))
            .field("kind", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("coverage", .string, .required)
            .field("recorded_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("entitlement_documents")
            .id()
            .field("entitlement_id", .uuid, .required, .references("entitlements", "id"))
            .field("document_id", .uuid, .required, .references("customer_documents", "id"))
            .unique(on: "entitlement_id", "document_id")
            .create()
        let sql = try database.sql
        try await sql.create(index: "products_customer").on("products").column("customer_id").run()
        try await sql.create(index: "products_serial").on("products").column("serial_normalized").run()
        try await sql.create(index: "customer_documents_customer").on("customer_documents").column("customer_id").column("created_at").run()
        try await sql.create(index: "entitlements_customer").on("entitlements").column("customer_id").column("ends_on").run()
        try await sql.create(index: "entitlements_product").on("entitlements").column("product_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["entitlement_documents", "entitlements", "customer_documents", "products"] {
            try await database.schema(table).delete()
        }
    }
}
