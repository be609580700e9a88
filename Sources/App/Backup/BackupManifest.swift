import Foundation

/// `backup.json`, written last into a backup folder: a folder without it is an unfinished backup,
/// and restore refuses it.
struct BackupManifest: Codable, Equatable {
    static let fileName = "backup.json"
    static let databaseFileName = "frontline.sqlite"

    /// Bumped when the folder's layout changes.
    var format = 1
    var createdAt: Date
    /// `sqlite`, or `files` for a PostgreSQL desk's files (its database is backed up with pg_dump).
    var database: String
    var files: Int

    enum CodingKeys: String, CodingKey {
        case format, database, files
        case createdAt = "created_at"
    }

    func write(to folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(self).write(to: URL(fileURLWithPath: folder + "/" + Self.fileName), options: .atomic)
    }

    static func read(from folder: String) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(BackupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/" + fileName)))
    }
}
