import Foundation
import Testing

@testable import AnnualReportKit

/// The report's outline as `docs/architecture.md` shows it, and the years every reported
/// dataset's declaration gives.
struct ReportOutlineTests {
    @Test func architectureDocShowsTheOutline() throws {
        let doc = try String(
            contentsOf: repositoryRoot.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "static var outline: [any Section.Type] {\n"))
        let rest = doc[start.upperBound...]
        let end = try #require(rest.range(of: "\n```"))
        let listed = rest[..<end.lowerBound].split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasSuffix(".self,") }
            .map { String($0.dropLast(".self,".count)) }
        #expect(listed == ReportBuilder.outline.map { String(describing: $0) })
        #expect(listed.count == 11)
    }

    /// A dataset the report notes as absent has a section, so its records must make years: an
    /// audits-only folder is reported on.
    @Test func everyReportedDatasetGivesItsYears() {
        let reported = Datasets.all.filter { $0.supplied != nil }.map(\.schema.name)
        #expect(reported == ["training", "videos", "reviews", "finance", "recommendations", "audits"])
        for d in Datasets.all where d.supplied != nil {
            #expect(d.years != nil, "\(d.schema.name)")
        }
    }
}
