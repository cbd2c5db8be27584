import Foundation
import Testing

@testable import AnnualReportKit

/// `Reports/` is what the tool writes from `Inputs/`: regenerate it and compare every file.
/// When this fails after a deliberate change, run `swift run annual-report` and commit.
@Suite struct ReportsUpToDateTests {
    static func files(under root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                paths.append(String(url.path.dropFirst(root.path.count + 1)))
            }
        }
        return paths.sorted()
    }

    @Test func committedReportMatchesARegeneration() throws {
        let dir = Workdir()
        let outcome = try ReportRun(inputs: SampleInputs.folder, output: dir.url).build()
        let fresh = try #require(outcome.written)
        let committed = repositoryRoot.appendingPathComponent("Reports").appendingPathComponent(fresh.lastPathComponent)
        let freshFiles = Self.files(under: fresh)
        #expect(freshFiles.count == 39)
        #expect(
            Self.files(under: committed) == freshFiles,
            "Reports/ lists other files than a regeneration: run `swift run annual-report`")
        for path in freshFiles {
            let a = FileManager.default.contents(atPath: committed.appendingPathComponent(path).path)
            let b = FileManager.default.contents(atPath: fresh.appendingPathComponent(path).path)
            #expect(
                a == b,
                "Reports/\(fresh.lastPathComponent)/\(path) is out of date: run `swift run annual-report` and commit")
        }
    }

    @Test func rerunsAreByteIdentical() throws {
        let dir = Workdir()
        let stamp = Date(timeIntervalSince1970: 1_700_000_000)
        let first = try #require(
            try ReportRun(
                inputs: SampleInputs.folder, output: dir.url.appendingPathComponent("a"), documentTimestamp: stamp
            )
            .build().written)
        let second = try #require(
            try ReportRun(
                inputs: SampleInputs.folder, output: dir.url.appendingPathComponent("b"), documentTimestamp: stamp
            )
            .build().written)
        let files = Self.files(under: first)
        #expect(
            files.contains("annual-report.xlsx") && files.contains("annual-report.md")
                && files.contains("charts/priority-reach.svg"))
        #expect(files == Self.files(under: second))
        #expect(files.count == 39)
        for path in files {
            #expect(
                FileManager.default.contents(atPath: first.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: second.appendingPathComponent(path).path),
                "\(path) differs between runs")
        }
    }
}
