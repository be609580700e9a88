import Foundation

/// The files of `Sources/App/Resources`, compiled into the binary by the EmbedResources build
/// plugin: the binary needs nothing beside it, wherever it is installed.
enum EmbeddedResources {
    /// Decoded once; about 300 KB.
    private static let files: [String: Data] = embeddedResourceFiles.compactMapValues { Data(base64Encoded: $0) }

    /// The file at `path` relative to `Resources`, e.g. `"Public/frontline.css"`.
    static func data(_ path: String) -> Data? { files[path] }

    /// The files directly in `folder`, by file name, e.g. `files(in: "openapi")["base.json"]`.
    static func files(in folder: String) -> [String: Data] {
        let prefix = folder + "/"
        var found: [String: Data] = [:]
        for (path, data) in files where path.hasPrefix(prefix) {
            let name = String(path.dropFirst(prefix.count))
            if !name.contains("/") { found[name] = data }
        }
        return found
    }
}
