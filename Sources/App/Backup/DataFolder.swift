import Foundation

/// The files of a data directory that are not the SQLite database: the blob stores (raw mail,
/// attachments, documents). Blobs are immutable and written before any row points at them, so
/// copying them after the database snapshot gives every row of the snapshot its file.
enum DataFolder {
    /// The database's own files, copied only through SQLite (a plain copy of a live WAL database can be torn).
    static func isDatabaseFile(_ name: String) -> Bool {
        name.hasPrefix(BackupManifest.databaseFileName) || name == BackupManifest.fileName
    }

    /// Copies every non-database file below `source` into `target`, keeping the relative paths;
    /// files already in `target` are left (blobs are named by their content). Returns how many it copied.
    static func copyFiles(from source: String, to target: String) throws -> Int {
        let files = FileManager.default
        guard let walker = files.enumerator(atPath: source) else { return 0 }
        var copied = 0
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let from = source + "/" + relative
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: from, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                if !relative.contains("/") && isDatabaseFile(name) { walker.skipDescendants() }
                continue
            }
            // Half-written blobs (`.tmp-…`) and the database are not data to restore.
            if name.hasPrefix(".tmp-") || (!relative.contains("/") && isDatabaseFile(name)) { continue }
            let to = target + "/" + relative
            if files.fileExists(atPath: to) { continue }
            try files.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try files.copyItem(atPath: from, toPath: to)
            copied += 1
        }
        return copied
    }

    /// Whether `path` is missing or an empty folder.
    static func isEmptyOrMissing(_ path: String) -> Bool {
        guard let contents = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return !FileManager.default.fileExists(atPath: path)
        }
        return contents.isEmpty
    }
}
