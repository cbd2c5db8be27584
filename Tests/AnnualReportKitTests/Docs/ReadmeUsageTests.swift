import Foundation
import Testing

@testable import AnnualReportKit

/// The README's usage block is the USAGE lines of the real binary's `build --help` and
/// `check --help` (whose whole text `CommandLineTests.helpIsPinned` pins), so it cannot drift.
@Suite(.serialized) struct ReadmeUsageTests {
    @Test func readmeUsageIsTheHelpsUsage() throws {
        let usage = try ["build", "check"].map { command in
            let help = try run([command, "--help"], in: Workdir("readme-usage-\(command)"))
            #expect(help.status == 0, "stderr: \(help.stderr)")
            let line = try #require(help.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE: ") })
            return String(line.dropFirst("USAGE: ".count))
        }
        #expect(
            usage[0]
                == "annual-report build [--inputs <inputs>] [--year <year>] [--out <out>] [--format <format>] [--keep-going]"
        )
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Command line\n\n```\n"))
        let rest = readme[start.upperBound...]
        let end = try #require(rest.range(of: "```\n"))
        #expect(String(rest[..<end.lowerBound]) == usage.map { $0 + "\n" }.joined())
    }
}
