import Fluent
import SQLKit

/// Reads models on the hot read paths through SQLKit instead of Fluent's query builder.
///
/// Fluent selects every column under an alias (`tickets_number`) and, for each field of each row,
/// builds that alias again to find it; in a profile of the ticket list that was a quarter of the
/// server's time. Here the columns keep their own names and each field decodes straight from the
/// row, with the same decoder Fluent uses, so a model read here is the model Fluent would read.
enum ModelRows {
    /// All the models of `M` whose `column` is one of `values`, in no particular order.
    static func all<M: Model, Value: Encodable & Sendable>(
        _ model: M.Type, where column: String, in values: [Value], on sql: any SQLDatabase
    ) async throws -> [M] {
        guard !values.isEmpty else { return [] }
        return try await sql.select().column(SQLLiteral.all).from(M.schema)
            .where(SQLIdentifier(column), .in, SQLBind.group(values))
            .all().map { row -> M in try Self.model(row) }
    }

    /// The model whose `column` equals `value`, if there is one.
    static func first<M: Model, Value: Encodable & Sendable>(
        _ model: M.Type, where column: String, equals value: Value, on sql: any SQLDatabase
    ) async throws -> M? {
        try await sql.select().column(SQLLiteral.all).from(M.schema)
            .where(SQLIdentifier(column), .equal, SQLBind(value)).limit(1)
            .first().map { row -> M in try Self.model(row) }
    }

    /// The model of one row selected with all of its table's columns under their own names.
    static func model<M: Model>(_ row: any SQLRow) throws -> M {
        let model = M()
        try model.output(from: RowOutput(row: row))
        return model
    }

    /// A row as Fluent's models read their fields: by column name, nothing prefixed.
    private struct RowOutput: DatabaseOutput {
        let row: any SQLRow

        func schema(_ schema: String) -> any DatabaseOutput { self }
        func contains(_ key: FieldKey) -> Bool { row.contains(column: key.description) }
        func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: key.description) }
        func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T {
            try row.decode(column: key.description, as: T.self)
        }
        var description: String { String(describing: row) }
    }
}
