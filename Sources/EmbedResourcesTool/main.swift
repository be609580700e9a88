import Foundation

// Writes a Swift file holding every file under a folder, base64-encoded, keyed by its path
// relative to the folder (e.g. "Public/frontline.css"). Used by the EmbedResources plugin.
// Base64 in one string literal per file compiles fast; an array of byte literals does not.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool <folder> <output.swift>\n".utf8))
    exit(64)
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var entries: [(name: String, base64: String)] = []
let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
while let url = walker?.nextObject() as? URL {
    guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
    let name = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
    if name.hasPrefix(".") || name.contains("/.") { continue }
    entries.append((name, try Data(contentsOf: url).base64EncodedString()))
}
entries.sort { $0.name < $1.name }

var source = """
    // Generated at build time by the EmbedResources plugin from the target's Resources folder.
    // Do not edit; edit the files under Resources instead.

    /// The target's resource files, base64-encoded, by path relative to `Resources`.
    let embeddedResourceFiles: [String: String] = [

    """
for entry in entries {
    let name = entry.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "    \"\(name)\": \"\(entry.base64)\",\n"
}
source += entries.isEmpty ? "    :]\n" : "]\n"
try Data(source.utf8).write(to: output, options: .atomic)
