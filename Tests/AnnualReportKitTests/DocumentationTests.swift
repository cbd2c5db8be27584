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
}
