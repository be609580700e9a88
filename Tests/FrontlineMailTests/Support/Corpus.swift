import Foundation
@testable import FrontlineMail

/// Loads the .eml files kept in Corpus/ as test resources.
enum Corpus {
    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Corpus")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func message(_ name: String) throws -> ParsedMessage {
        try MessageParser.parse(bytes(name))
    }

    static func allFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }.sorted()
    }
}
