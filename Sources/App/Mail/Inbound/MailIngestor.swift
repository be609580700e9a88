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
    /// record of the same bytes). A new message is stored and processed in one transaction: its row
    /// commits with the outcome, `failed` with the reason when processing fails, so nothing is
    /// answered "accepted" before it is on disk and no second commit is spent on it. A redelivery of a
    /// message that was stored but never processed (the process died in between) processes it now.
    func ingest(_ raw: [UInt8], source: String, now: Date) async throws(IngestError) -> InboundMail {
        guard raw.count <= Self.maxSize else { throw .notMail("larger than \(Self.maxSize / 1024 / 1024) MiB") }
        let parsed: ParsedMessage
        do { parsed = try MessageParser.parse(raw) } catch { throw .notMail(String(describing: error)) }
        let record: InboundMail
        let isNew: Bool
        do {
            let store = rawStore
            let (hash, attachments) = try await app.threadPool.runIfActive { [app] in
                (try store.put(raw), try MailProcessor.storeAttachments(parsed, app: app))
            }
            (record, isNew) = try await app.write { [app] db in
                if let existing = try await InboundMail.query(on: db).filter(\.$sha256 == hash).first() { return (existing, false) }
                let record = InboundMail(sha256: hash, messageID: parsed.messageID, size: raw.count, source: source, at: now)
                try await record.create(on: db)
                try await MailProcessor(app: app).process(record, parsed: parsed, attachments: attachments, in: db, now: now)
                return (record, true)
            }
        } catch {
            // Two deliveries of the same bytes at once on PostgreSQL: the second one's insert meets
            // the first one's row; that row is the answer.
            guard let existing = try? await app.db.query(InboundMail.self).filter(\.$sha256 == BlobStore.sha256(raw)).first() else {
                throw .notStored(String(describing: error))
            }
            return existing
        }
        guard !isNew, record.status == .received else { return record }
        do {
            let id = try record.requireID()
            guard let claim = try await app.write({ db in try await InboundClaim.take(id, on: db, now: now) }) else {
                // Another process is on it right now (or its claim has yet to expire: recovery takes it then).
                return record
            }
            await MailProcessor(app: app).process(record, parsed: parsed, claim: claim, now: now)
        } catch {
            // Stored is what the sender needs; the recovery processes it later.
            app.logger.warning("inbound mail \(record.id?.uuidString ?? "?") stored but not claimed: \(error)")
        }
        return record
    }

    /// Stores without processing: the bytes synced to disk and the row committed as `received` (or
    /// the existing row of the same bytes). `ingest` no longer leaves this state, but versions before
    /// it did (they processed in a second transaction), and the recovery is tested from it.
    func store(_ raw: [UInt8], messageID: String?, source: String, now: Date) async throws(IngestError) -> InboundMail {
        do {
            let store = rawStore
            let hash = try await app.threadPool.runIfActive { try store.put(raw) }
            return try await app.write { db in
                if let existing = try await InboundMail.query(on: db).filter(\.$sha256 == hash).first() { return existing }
                let record = InboundMail(sha256: hash, messageID: messageID, size: raw.count, source: source, at: now)
                try await record.create(on: db)
                return record
            }
        } catch {
            throw .notStored(String(describing: error))
        }
    }

    /// Processes a stored message this process has claimed, reading its bytes back from the store.
    /// Returns false when it could not even be read (then it is marked failed with the reason).
    func processStored(_ record: InboundMail, claim: InboundClaim, now: Date) async throws -> Bool {
        let store = rawStore
        let parsed: ParsedMessage
        do {
            let raw = try await app.threadPool.runIfActive { try store.get(record.sha256) }
            parsed = try MessageParser.parse(raw)
        } catch {
            let reason = "the stored message cannot be read: \(error)"
            try await app.write { db in try await claim.fail(reason: reason, on: db, now: now) }
            record.status = .failed
            record.error = reason
            return false
        }
        record.status = .received
        record.error = nil
        await MailProcessor(app: app).process(record, parsed: parsed, claim: claim, now: now)
        return true
    }

    /// Processes a failed message again (after a fix, or a passing failure); false when someone else
    /// already took it up.
    @discardableResult
    func retry(_ record: InboundMail, now: Date) async throws -> Bool {
        let id = try record.requireID()
        guard let claim = try await app.write({ db in try await InboundClaim.reopen(id, on: db, now: now) }) else { return false }
        return try await processStored(record, claim: claim, now: now)
    }
}
