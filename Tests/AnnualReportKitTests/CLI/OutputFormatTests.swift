import Foundation
import Testing

@testable import AnnualReportKit

/// Which files each `--format` writes: charts/ only with the documents that show charts.
@Suite(.serialized) struct OutputFormatTests {
    func files(_ dir: Workdir, _ folder: String) -> [String] {
        ReportsUpToDateTests.files(under: dir.url.appendingPathComponent(folder))
    }

    @Test func csvAloneWritesNoCharts() throws {
        let dir = try scratchWithSample()
        let result = try run(["build", "--format", "csv"], in: dir)
        #expect(result.status == 0, "\(result)")
        let written = files(dir, "Reports/2022-23")
        #expect(written.contains("tables/finance-contributions.csv"))
        #expect(written.allSatisfy { $0.hasPrefix("tables/") }, "\(written)")
    }

    @Test func htmlAloneWritesThePageAndItsCharts() throws {
        let dir = try scratchWithSample()
        let result = try run(["build", "--format", "html"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            files(dir, "Reports/2022-23") == [
                "annual-report.html", "charts/attendances-per-year.svg", "charts/audits-agencies.svg",
                "charts/contributions.svg", "charts/expenditure.svg",
                "charts/impact-before-after.svg", "charts/priority-reach.svg", "charts/rapid-reviews-per-year.svg",
                "charts/recommendations-by-source.svg",
            ])
        let html = try #require(dir.read("Reports/2022-23/annual-report.html"))
        #expect(html == HTMLWriter.html(SampleReportTests.report))
    }

    @Test func theDefaultWritesEveryFormat() throws {
        let dir = try scratchWithSample()
        let result = try run([], in: dir)
        #expect(result.status == 0, "\(result)")
        let written = files(dir, "Reports/2022-23")
        for file in [
            "annual-report.md", "annual-report.xlsx", "annual-report.html", "charts/contributions.svg",
            "tables/videos.csv",
        ] {
            #expect(written.contains(file), "missing \(file)")
        }
        // What `--help` says of the default is pinned in CommandLineTests.helpIsPinned.
    }
}
