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
}
