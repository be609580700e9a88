import ArgumentParser

/// `frontline-bench`: load generators for Frontline's performance figures (see BENCHMARKS.md).
/// Benchmarks, not tests: they print what they measure and never fail on a time.
@main
struct FrontlineBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline-bench", abstract: "Measure Frontline under load.",
        subcommands: [HTTPBenchmark.self, MailBenchmark.self, CallsBenchmark.self, WebBenchmark.self])
}
