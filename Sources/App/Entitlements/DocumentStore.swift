import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stores document contents on disk by their SHA-256: `<data dir>/documents/sha256/ab/cdef…`.
/// The same content is stored once. A file is written to a temporary name, fsynced, renamed into
/// place and its directory fsynced, all before the database row that points at it commits: a row
/// never names a file that is not durably there.
struct DocumentStore {
    let root: String

    init(dataDirectory: String) {
        root = dataDirectory + "/documents/sha256"
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func path(for sha256: String) -> String {
        "\(root)/\(sha256.prefix(2))/\(sha256.dropFirst(2))"
    }

    /// Writes the content durably and returns its hex SHA-256.
    func store(_ data: Data) throws -> String {
        let sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let final = path(for: sha256)
        if FileManager.default.fileExists(atPath: final) { return sha256 }
        let directory = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = directory + "/.tmp-" + UUID().uuidString
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o640)
        guard fd >= 0 else { throw Failure(description: "cannot create \(temporary): errno \(errno)") }
        var failed: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { failed = errno; return }
                offset += written
            }
        }
        if failed == 0, fsync(fd) != 0 { failed = errno }
        close(fd)
        guard failed == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(temporary): errno \(failed)")
        }
        guard rename(temporary, final) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot move document into \(final): errno \(errno)")
        }
        let dirFd = open(directory, O_RDONLY)
        if dirFd >= 0 {
            fsync(dirFd)
            close(dirFd)
        }
        return sha256
    }

    func read(_ sha256: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(for: sha256)))
    }
}
