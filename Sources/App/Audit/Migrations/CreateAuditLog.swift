import Fluent
import SQLKit

/// The audit log, append-only by the database's own rule: a trigger refuses every update and
/// delete, so not even a bug in the app (or a hurried operator with a SQL shell who forgets) can
/// rewrite what an administrator did.
struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("kind", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string)
            .field("before", .string)
            .field("after", .string)
            .create()
        let sql = try database.sql
        try await sql.create(index: "audit_log_by_actor").on(AuditEntry.schema).column("actor_id").column("id").run()
        try await sql.create(index: "audit_log_by_kind").on(AuditEntry.schema).column("kind").column("id").run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
                """).run()
        } else {
            for (name, event) in [("audit_log_no_update", "UPDATE"), ("audit_log_no_delete", "DELETE")] {
                try await sql.raw(SQLQueryString("""
                    CREATE TRIGGER \(unsafeRaw: name) BEFORE \(unsafeRaw: event) ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                    """)).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
        if try database.sql.dialect.name == "postgresql" {
            try await database.sql.raw("DROP FUNCTION IF EXISTS audit_log_append_only()").run()
        }
    }
}
