import ArgumentParser
import AsyncHTTPClient
import Foundation
import FrontlineMail
import NIOCore
import NIOHTTP1

/// `frontline-bench mail`: the mail parser alone, then ingestion through the HTTP endpoint.
struct MailBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Parser MB/s and inbound messages/s (half new tickets, half replies).")

    @Option(help: "Messages to ingest over HTTP.") var messages = 10_000
    @Option(help: "Requests in flight at once.") var concurrency = 8
    @Option(help: "Seconds to run the parser-only measurement.") var parserSeconds = 5.0
    @Option(help: "Port for the server.") var port = 18_082

    func run() async throws {
        let parser = measureParser()
        print(String(format: "parser: %.1f MB/s (%d messages of %d bytes in %.2f s)", parser.megabytesPerSecond, parser.count, MailCorpus.typicalSize, parser.seconds))

        let binaryDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let server = try ServerProcess(binaryDirectory: binaryDirectory, port: port, environment: ["FRONTLINE_MAIL_ACK": "off"])
        defer { server.stop() }
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)))
        do {
            let load = LoadRunner(client: client, baseURL: server.baseURL, token: server.token, contentType: "message/rfc822")
            try await load.waitUntilReady()
            let ingest = try await load.run(count: messages, concurrency: concurrency) { index in
                (.POST, "/api/v1/mail/inbound", MailCorpus.message(index))
            }
            print("")
            print("| measure | value |")
            print("|---|---|")
            print(String(format: "| parser throughput (%d-byte messages, one core) | %.1f MB/s |", MailCorpus.typicalSize, parser.megabytesPerSecond))
            print("| inbound messages/s over HTTP (concurrency \(concurrency)) | \(Int(ingest.perSecond)) |")
            print(String(format: "| inbound p50 / p99 | %.2f / %.2f ms |", ingest.percentile(0.5), ingest.percentile(0.99)))
            print("| server peak RSS | \(server.peakRSSMiB.map { String(format: "%.0f MiB", $0) } ?? "n/a") |")
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    private func measureParser() -> (megabytesPerSecond: Double, count: Int, seconds: Double) {
        let samples = (0..<64).map { Array(MailCorpus.message($0).utf8) }
        let start = ContinuousClock.now
        var count = 0
        var bytes = 0
        var elapsed = 0.0
        repeat {
            for sample in samples {
                _ = try? MessageParser.parse(sample)
                bytes += sample.count
            }
            count += samples.count
            let duration = ContinuousClock.now - start
            elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        } while elapsed < parserSeconds
        return (Double(bytes) / elapsed / 1_000_000, count, elapsed)
    }
}

/// Typical inbound mail of about 5 KB: a multipart/alternative message from a customer, every
/// other one a reply to the one before it.
enum MailCorpus {
    static let typicalSize = message(0).utf8.count

    static func message(_ index: Int) -> String {
        let isReply = index % 2 == 1
        let thread = isReply ? "In-Reply-To: <m\(index - 1)@client.example.test>\r\nReferences: <m\(index - 1)@client.example.test>\r\n" : ""
        let paragraph = "Guten Tag, seit dem Firmware-Update zeigt unser LX-400 den Fehler E3 und druckt nicht mehr. Wir haben ihn aus- und eingeschaltet und den Toner geprüft. "
        let text = String(repeating: paragraph, count: 12)
        return """
            From: Kunde \(index % 500) <kunde\(index % 500)@example.test>\r
            To: Support <support@frontline.test>\r
            Subject: \(isReply ? "Re: " : "")=?utf-8?Q?Drucker_E3_=E2=80=93_Auftrag_\(index - (isReply ? 1 : 0))?=\r
            Date: Mon, 23 Nov 2026 09:15:00 +0100\r
            Message-ID: <m\(index)@client.example.test>\r
            \(thread)MIME-Version: 1.0\r
            Content-Type: multipart/alternative; boundary="b\(index)"\r
            \r
            --b\(index)\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            \(text)\r
            --b\(index)\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <html><body><p>\(text)</p><p>Mit freundlichen Grüßen</p></body></html>\r
            --b\(index)--\r

            """
    }
}
