import Fluent
import FrontlineMail
import Vapor

/// The way into Frontline for every inbound message (mail pipe, HTTP endpoint, retry).
///
/// The order is what makes mail safe: the raw bytes are synced to disk and recorded **before**
/// anyone is told "accepted"; processing comes after, and a processing failure is recorded with its
/// reason instead of losing the message. The same bytes delivered twice are one message.
struct MailIngestor {
    let app: Application

    /// What the caller (MTA, HTTP client) needs to know.
    enum IngestError: Error, CustomStringConvertible {
        /// Not a mail message at all: retrying will not help (EX_DATAERR, HTTP 400).
        case notMail(String)
        /// Could not be stored: the sender should try again later (EX_TEMPFAIL, HTTP 503).
        case notStored(String)

        var description: String {
            switch self {
            case .notMail(let reason): "not a mail message: \(reason)"
            case .notStored(let reason): "could not store the message: \(reason)"
            }
        }
    }

    static let maxSize = 40 * 1024 * 1024

    var rawStore: BlobStore { BlobStore(dataDirectory: app.frontlineConfig.dataDirectory, kind: "mail") }

    /// Stores and processes one message; returns its record (processed, failed, or the earlier
    /// record of the same bytes).
    func ingest(_ raw: [UInt8], source: String, now: Date = Date()) async throws(IngestError) -> InboundMail {
        guard raw.count <= Self.maxSize else { throw .notMail("larger than \(Self.maxSize / 1024 / 1024) MiB") }
        let parsed: ParsedMessage
        do { parsed = try MessageParser.parse(raw) } catch { throw .notMail(String(describing: error)) }

        let record: InboundMail
        let isNew: Bool
        do {
            let store = rawStore
            let hash = try await app.threadPool.runIfActive { try store.put(raw) }
            (record, isNew) = try await app.write { db in
                if let existing = try await InboundMail.query(on: db).filter(\.$sha256 == hash).first() { return (existing, false) }
                let record = InboundMail(sha256: hash, messageID: parsed.messageID, size: raw.count, source: source, at: now)
                try await record.create(on: db)
                return (record, true)
            }
        } catch {
            throw .notStored(String(describing: error))
        }
        guard isNew else { return record }
        await MailProcessor(app: app).process(record, parsed: parsed, now: now)
        return record
    }

    /// Processes a stored message again (after a fix, or a passing failure).
    func retry(_ record: InboundMail, now: Date = Date()) async throws {
        let store = rawStore
        let raw = try await app.threadPool.runIfActive { try store.get(record.sha256) }
        let parsed = try MessageParser.parse(raw)
        record.status = .received
        record.error = nil
        await MailProcessor(app: app).process(record, parsed: parsed, now: now)
    }
}
