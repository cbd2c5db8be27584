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

    /// A list in a document that names the datasets: where it starts and ends, and how it
    /// writes a dataset's name (`NAME` is replaced by each name).
    struct DatasetList: Sendable, CustomTestStringConvertible {
        let file: String
        let start: String
        let end: String
        let form: String

        var testDescription: String { "\(file): \(start)" }
    }

    /// Every list of the datasets in the docs a new user reads; each went stale once.
    static let datasetLists = [
        DatasetList(file: "docs/inputs.md", start: "the names are ", end: ". ", form: "`NAME`"),
        DatasetList(
            file: "docs/inputs.md", start: "`columns:` adds header names to a dataset's columns (datasets: ", end: ";",
            form: "`NAME`"),
        DatasetList(
            file: "README.md", start: "Each dataset is found by file-name prefix (", end: ";", form: "`NAME*.csv`"),
        DatasetList(file: "README.md", start: "| dataset | what it holds |", end: "\n\n", form: "| `NAME` |"),
    ]

    /// Each list names every dataset of `Datasets.all`, not only some; a failure names the
    /// dataset, the file and the list.
    @Test(arguments: datasetLists)
    func listNamesEveryDataset(list: DatasetList) throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(list.file), encoding: .utf8)
        // A sentence wrapped over lines reads with its line breaks as spaces; a table keeps them.
        let body = list.end == "\n\n" ? text : text.replacingOccurrences(of: "\n", with: " ")
        let start = try #require(body.range(of: list.start), "\(list.file) has no list starting '\(list.start)'")
        let rest = body[start.upperBound...]
        let listed = rest.range(of: list.end).map { rest[..<$0.lowerBound] } ?? rest
        let missing = Self.datasetNames.filter {
            !listed.contains(list.form.replacingOccurrences(of: "NAME", with: $0))
        }
        #expect(
            missing.isEmpty,
            "\(list.file) does not name the dataset(s) \(missing.joined(separator: ", ")) in its list '\(list.start)…'")
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
