import Foundation
import Testing

@testable import AnnualReportKit

/// The sample `annual-report.html` printed from Chromium, as a reader's File > Print > Save as
/// PDF makes it, and measured from the PDF's text positions.
@Suite(.serialized) struct HTMLPrintTests {
    /// A4, at most 12 pages, each numbered "Page n of N" at its foot, and no page but the last
    /// holding less than a fifth of a page of content (a table or chart pushed to the next page
    /// leaves the space it did not fit).
    @Test(
        .enabled(
            if: Chromium.path != nil,
            "Chromium is not installed (apt-get install chromium): the print check is skipped"),
        .enabled(
            if: Poppler.available,
            "pdfinfo or pdftotext is not installed (apt-get install poppler-utils): the print check is skipped"))
    func theSamplePrintsOnTwelveA4PagesAtMostWithNoNearEmptyPage() throws {
        let dir = Workdir()
        let page = dir.write("annual-report.html", HTMLWriter.html(SampleReportTests.report))
        let pdf = dir.url.appendingPathComponent("annual-report.pdf")
        try Chromium.printToPDF(page, to: pdf)

        let info = try Poppler.info(pdf)
        #expect(info["Page size"]?.hasSuffix("(A4)") == true, "page size \(info["Page size"] ?? "not given")")
        let count = try #require(info["Pages"].flatMap { Int($0) })
        #expect(count <= 12, "\(count) pages")
        let pages = try Poppler.pages(pdf)
        #expect(pages.count == count)

        // The stylesheet's @page margins: 16 mm at the top, 18 mm at the foot, where the number is.
        let top = 16 / 25.4 * 72
        let foot = 18 / 25.4 * 72
        for (index, page) in pages.enumerated() {
            let footer = page.words.filter { $0.top >= page.height - foot }.map(\.text)
            #expect(footer == ["Page", "\(index + 1)", "of", "\(count)"], "page \(index + 1)'s foot")
            guard index < pages.count - 1 else { continue }
            let lowest = page.words.filter { $0.bottom < page.height - foot }.map(\.bottom).max() ?? top
            let filled = (lowest - top) / (page.height - top - foot)
            #expect(filled >= 0.2, "page \(index + 1) of \(count) is \(Int(filled * 100))% full")
        }
    }
}
