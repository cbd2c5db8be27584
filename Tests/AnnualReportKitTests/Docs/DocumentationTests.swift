import Foundation
import Testing

@testable import AnnualReportKit

/// Text that cannot go stale: the documents a new user reads name every dataset the tool reads.
@Suite struct DocumentationTests {
    static let datasetNames = Datasets.all.map(\.schema.name)

    @Test func thereAreDatasetsToName() {
        #expect(Self.datasetNames.count >= 9, "\(Self.datasetNames)")
    }

    @Test(arguments: ["README.md", "docs/inputs.md"])
    func documentNamesEveryDataset(path: String) throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        let missing = Self.datasetNames.filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "\(path) does not name the dataset(s) \(missing) as `name`")
    }

    /// The sentence that lists the file-name prefixes lists all of them, not only some.
    @Test func theListOfFileNamesIsWhole() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/inputs.md"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: " ")
        let start = try #require(text.range(of: "the names are "))
        let sentence = text[start.upperBound...].prefix { $0 != "." }
        let missing = Self.datasetNames.filter { !sentence.contains("`\($0)`") }
        #expect(missing.isEmpty, "docs/inputs.md's 'the names are' sentence lacks \(missing)")
    }

    /// The README's "What you get" screenshots are committed, and small (under 300 KB each).
    @Test func theReadmesScreenshotsAreCommitted() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let images = text.matches(of: /!\[[^\]]*\]\(([^)]+\.png)\)/).map { String($0.output.1) }
        #expect(
            images == [
                "docs/screenshots/report-desktop-1366.png", "docs/screenshots/report-phone-390.png",
                "docs/screenshots/printed-page-1.png", "docs/screenshots/printed-page-10.png",
            ])
        for path in images {
            let size =
                try FileManager.default.attributesOfItem(atPath: repositoryRoot.appendingPathComponent(path).path)[
                    .size] as? Int
            #expect((size ?? .max) < 300_000, "\(path): \(size.map(String.init) ?? "missing")")
        }
    }
}
