import Crypto
import Foundation

/// Content-addressed files under the data directory (`<dir>/<kind>/sha256/ab/cdef…`): raw mail,
/// attachments. A blob is written to a temporary file, synced, renamed into place and its folder
/// synced, so that it is on disk before any database row points at it. Writing the same content
/// twice stores it once.
struct BlobStore: Sendable {
    let root: String

    struct WriteFailed: Error, CustomStringConvertible {
        let description: String
    }

    init(dataDirectory: String, kind: String) {
        root = dataDirectory + "/" + kind + "/sha256"
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    func path(for hash: String) -> String {
        "\(root)/\(hash.prefix(2))/\(hash.dropFirst(2))"
    }

    /// Stores the bytes durably and returns their SHA-256.
    @discardableResult
    func put(_ bytes: [UInt8]) throws -> String {
        let hash = Self.sha256(bytes)
        let final = path(for: hash)
        if FileManager.default.fileExists(atPath: final) { return hash }
        let folder = (final as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteFailed(description: "cannot create \(folder): \(error.localizedDescription)")
        }
        let temporary = folder + "/.tmp-" + UUID().uuidString
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o640)
        guard descriptor >= 0 else { throw WriteFailed(description: "cannot create \(temporary): errno \(errno)") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result <= 0 { return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard ok, rename(temporary, final) == 0 else {
            unlink(temporary)
            throw WriteFailed(description: "cannot write \(final): errno \(errno)")
        }
        let folderDescriptor = open(folder, O_RDONLY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
        return hash
    }

    /// Makes a blob of another store (same content, same hash) one of this store's too: a hard
    /// link where the file system allows, a durable copy otherwise.
    func adopt(_ hash: String, from other: BlobStore) throws {
        let final = path(for: hash)
        if FileManager.default.fileExists(atPath: final) { return }
        let folder = (final as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard link(other.path(for: hash), final) == 0 || errno == EEXIST else {
            try put(try other.get(hash))
            return
        }
        let folderDescriptor = open(folder, O_RDONLY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    func get(_ hash: String) throws -> [UInt8] {
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else { throw WriteFailed(description: "not a SHA-256: \(hash)") }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path(for: hash))))
    }
}
