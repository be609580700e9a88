import Foundation
import PackagePlugin

/// Compiles a target's `Resources` folder into the target as Swift source, so the binary carries
/// its stylesheet, script, OpenAPI document and questionnaire wherever it is installed: a resource
/// bundle beside the build folder is lost when the binary alone is copied to `/usr/local/bin`.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Resources")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResourceFiles.swift")
        // Every file is an input, so editing, adding or removing one regenerates the source.
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])?
            .compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true } ?? [])
            .sorted { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) resources of \(target.name)",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [folder.path, output.path],
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
