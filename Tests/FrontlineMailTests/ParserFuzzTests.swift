import Foundation
import Testing
@testable import FrontlineMail

/// Mutates the corpus thousands of times; parsing must never crash, hang or
/// take long, whatever the bytes.
@Suite struct ParserFuzzTests {
    static let mutationsPerFile = 40
    static let perMessageLimit = Duration.seconds(1)

    @Test func mutatedCorpusNeverCrashesOrHangs() throws {
        var random = SplitMix64(seed: 0xF00D)
        var parsed = 0
        let clock = ContinuousClock()
        for file in try Corpus.allFiles() {
            let original = try Corpus.bytes(file)
            for _ in 0..<Self.mutationsPerFile {
                let mutated = Mutator.mutate(original, using: &random)
                let elapsed = clock.measure { _ = try? MessageParser.parse(mutated) }
                #expect(elapsed < Self.perMessageLimit, "\(file) took \(elapsed)")
                parsed += 1
            }
        }
        #expect(parsed >= 1_600)
    }

    @Test func extremeNestingIsBounded() throws {
        var message = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 0..<10_000 {
            message += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n"
        }
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try MessageParser.parse(message) }
        #expect(elapsed < .seconds(3))
    }

    @Test func hugePartCountIsBounded() throws {
        var message = "From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n"
        message += String(repeating: "--x\nContent-Type: application/octet-stream\n\nab\n", count: 50_000) + "--x--\n"
        let parsedMessage = try MessageParser.parse(message)
        #expect(parsedMessage.attachments.count < MIMETreeBuilder.maximumParts)
    }

    @Test func pathologicalHeaders() throws {
        let folded = "From: a@example.com\nSubject: x\n" + String(repeating: " y\n", count: 100_000) + "\nbody"
        #expect(try MessageParser.parse(folded).subject.count > 100_000)
        let words = "From: a@example.com\nSubject: " + String(repeating: "=?utf-8?q?a?= ", count: 20_000) + "\n\n"
        #expect(try MessageParser.parse(words).subject == String(repeating: "a", count: 20_000))
        let addresses = "From: " + String(repeating: "\"((((\" <", count: 20_000) + "\n\n"
        _ = try MessageParser.parse(addresses)
    }
}

/// Deterministic so a failure can be reproduced from the seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Mutator {
    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let rounds = Int.random(in: 1...4, using: &random)
        for _ in 0..<rounds where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1:
                bytes.removeSubrange(position...)
            case 2:
                let junk = (0..<Int.random(in: 1...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                bytes.insert(contentsOf: junk, at: position)
            case 3:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...256, using: &random)))
            case 4:
                // Repeat a line that starts with "--": duplicated and misplaced boundaries.
                if let line = boundaryLine(in: bytes, using: &random) {
                    for _ in 0..<Int.random(in: 1...20, using: &random) { bytes.insert(contentsOf: line, at: position) }
                }
            case 5:
                let tokens: [String] = ["=?utf-8?B?", "?=", "\r\n\r\n", "\n--", ";filename*0*=", "<", "\"", "=\n", "=?"]
                bytes.insert(contentsOf: Array(tokens.randomElement(using: &random)!.utf8), at: position)
            default:
                let header = "Content-Type: multipart/mixed; boundary=n\n\n--n\n"
                let nested = String(repeating: header, count: Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: Array(nested.utf8), at: position)
            }
        }
        return bytes
    }

    private static func boundaryLine(in bytes: [UInt8], using random: inout SplitMix64) -> [UInt8]? {
        var lines: [ArraySlice<UInt8>] = []
        for line in bytes.split(separator: 0x0A) where line.starts(with: [45, 45]) {
            lines.append(line)
        }
        guard let line = lines.randomElement(using: &random) else { return nil }
        return Array(line) + [0x0A]
    }
}
