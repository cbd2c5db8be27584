import Foundation
import Testing
@testable import AnnualReportKit

/// How the sample workbook prints, read back from its XML parts: page setup, print titles and
/// areas (defined names), header and footer, chart placement and value-axis number formats.
@Suite struct WorkbookPrintTests {
    var book: XLSXReadBack { SampleWorkbookTests.book }

    static let header = "&LLeicestershire && Rutland Safeguarding Children Partnership\nAnnual report 2022-23&R"

    func sheet(_ name: String) throws -> XLSXReadBack.Sheet {
        try #require(book[sheet: name], "no sheet '\(name)' in \(book.sheets.map(\.name))")
    }

    @Test func everySheetPrintsOnePageWideOnA4WithHeaderAndPageNumbers() throws {
        #expect(book.sheets.count == 29)
        for sheet in book.sheets {
            let printing = sheet.printing
            #expect(printing.fitToPage, "\(sheet.name)")
            // fitToWidth and fitToHeight left out: OOXML's default, 1 page wide and 1 tall.
            #expect(Set(printing.pageSetup.keys) == ["paperSize", "orientation"], "\(sheet.name): \(printing.pageSetup)")
            #expect(printing.pageSetup["paperSize"] == "9", "\(sheet.name)")
            #expect(printing.oddHeader == Self.header + sheet.name)
            #expect(printing.oddFooter == "&CPage &P of &N")
            let quoted = sheet.name == "Summary" ? "Summary" : "'\(sheet.name)'"
            #expect(printing.printArea?.hasPrefix("\(quoted)!$A$1:") == true, "\(sheet.name): \(printing.printArea ?? "none")")
            #expect(printing.printTitles == (sheet.name == "Summary" ? nil : "\(quoted)!$1:$2"), "\(sheet.name)")
        }
    }

    @Test func orientationAndPrintAreasOfTheSampleSheets() throws {
        let expected: [(String, String, String)] = [
            ("Summary", "portrait", "Summary!$A$1:$C$60"),
            // Table A2:E9, its two notes to row 13, the 576-pixel chart (29 rows) below from row 15.
            ("Reach business priority 2022-23", "landscape", "'Reach business priority 2022-23'!$A$1:$E$42"),
            ("Training delivery", "portrait", "'Training delivery'!$A$1:$E$16"),
            // Four columns, widened to H for the 720-pixel chart below.
            ("Training events and attendances", "landscape", "'Training events and attendances'!$A$1:$H$28"),
            ("Training videos fully watched", "landscape", "'Training videos fully watched'!$A$1:$C$36"),
            ("Children subject reviews by sex", "portrait", "'Children subject reviews by sex'!$A$1:$C$5"),
            ("Contributions from partners", "landscape", "'Contributions from partners'!$A$1:$F$41"),
            ("SCP expenditure", "landscape", "'SCP expenditure'!$A$1:$I$32"),
        ]
        for (name, orientation, area) in expected {
            let s = try sheet(name)
            #expect(s.printing.pageSetup["orientation"] == orientation, "\(name)")
            #expect(s.printing.printArea == area, "\(name)")
        }
    }

    @Test func chartsSitBelowTheirTableInsideThePrintArea() throws {
        let placed: [(String, Int, String)] = [
            // sheet, first row after the table and its notes (zero-based), value axis format
            ("Reach business priority 2022-23", 13, "#,##0"),
            ("Training events and attendances", 6, "#,##0"),
            ("Reviews per year", 7, "#,##0"),
            ("Contributions from partners", 12, "\"£\"#,##0"),
            ("SCP expenditure", 10, "\"£\"#,##0"),
        ]
        for (name, row, format) in placed {
            let s = try sheet(name)
            #expect(s.charts.count == 1, "\(name)")
            #expect(s.chartAnchors.map(\.column) == [0], "\(name)")
            #expect(s.chartAnchors.map(\.row) == [row], "\(name)")
            #expect(s.charts.first?.valueAxisNumberFormats == [format], "\(name)")
        }
        #expect(try sheet("Training delivery").charts.isEmpty)
    }

    @Test func summaryIsAOnePageBriefWithWrappedSentences() throws {
        let summary = try sheet("Summary")
        #expect(summary.columnWidths[2] == 80.7109375) // 80 characters, plus libxlsxwriter's padding
        let sentence = "Overall training was delivered to 2,569 attendees over 103 training events in 2022-23 (2021-22: 2,215 over 88)."
        let row = try #require(summary.cells.first { $0.value.value == sentence }?.key)
        #expect(row.hasPrefix("B"))
        #expect(summary["A" + row.dropFirst()]?.value == "Training")
        #expect(summary.printing.pageSetup == ["paperSize": "9", "orientation": "portrait"])
    }

    @Test func valueAxisFormatsFollowTheColumns() {
        typealias Layout = XLSXWriter.ChartLayout
        #expect(Layout.valueAxisFormat([.money, .money]) == "\"£\"#,##0")
        #expect(Layout.valueAxisFormat([.count]) == "#,##0")
        #expect(Layout.valueAxisFormat([.percent(decimals: 0)]) == "0%")
        #expect(Layout.valueAxisFormat([.percent(decimals: 1)]) == "0.0%")
        #expect(Layout.valueAxisFormat([.count, .money]) == nil)
        #expect(Layout.valueAxisFormat([.label]) == nil)
    }
}

/// The print arithmetic on its own, and a long table that runs onto several pages.
@Suite struct PrintLayoutTests {
    typealias Layout = XLSXWriter.PrintLayout

    @Test func headerTextIsEscapedAndWithinExcelsLimit() {
        #expect(Layout.headerText(partnership: "A & B SCP", year: "2022-23", sheet: "Finance")
                == "&LA && B SCP\nAnnual report 2022-23&RFinance")
        #expect(Layout.headerText(partnership: nil, year: "2022-23", sheet: "Summary")
                == "&LSafeguarding Children Partnership\nAnnual report 2022-23&RSummary")
        // Codes in input text stay text: "&P" would print the page number.
        #expect(Layout.headerText(partnership: "&P&N\nSCP", year: "2022-23", sheet: "S")
                == "&L&&P&&N SCP\nAnnual report 2022-23&RS")
        let long = Layout.headerText(partnership: String(repeating: "&", count: 300), year: "2022-23", sheet: "Sheet")
        #expect(long.utf8.count <= 255)
        let tail = "…\nAnnual report 2022-23&RSheet"
        #expect(long.hasSuffix(tail))
        // Cut between escaped ampersands, never inside a `&&`.
        let left = long.dropFirst(2).dropLast(tail.count)
        #expect(left.count % 2 == 0 && left.allSatisfy { $0 == "&" } && left.count > 100)
    }

    @Test func orientationAndFitFollowTheContent() {
        // Narrow and short: portrait, one page.
        #expect(Layout.pageSetup(width: 400, height: 300) == .init(paper: 9, landscape: false, pagesWide: 1, pagesTall: 1))
        // Wide and short: landscape prints it larger.
        #expect(Layout.pageSetup(width: 900, height: 400) == .init(paper: 9, landscape: true, pagesWide: 1, pagesTall: 1))
        // Very long: one page wide, as many tall as needed, portrait.
        #expect(Layout.pageSetup(width: 600, height: 5_000) == .init(paper: 9, landscape: false, pagesWide: 1, pagesTall: 0))
        #expect(Layout.columnPixels(8.43) == 64)
        #expect(Layout.wrappedLines("one two three", pixels: 1000) == 1)
        // 7.5 pixels a character: 10 characters a line in 81 pixels.
        #expect(Layout.wrappedLines("aaaa bbbb cccc dddd", pixels: 81) == 2)
        #expect(Layout.wrappedLines(String(repeating: "x", count: 25), pixels: 81) == 3)
    }

    @Test func emptyTablesAndChartsWithNothingToPlotStillPrint() throws {
        let empty = ReportTable(id: "empty", title: "Nothing yet", columns: [ReportColumn("Year", .label), ReportColumn("Count", .count)])
        let chart = ChartSpec(id: "c", title: "C", tableID: "empty", rows: [], seriesColumns: [1], style: .column,
                              xAxisTitle: "", yAxisTitle: "")
        let report = Report(title: "T", partnership: nil, year: FinancialYear(startYear: 2022),
                            sections: [ReportSection(title: "S", tables: [empty], charts: [chart]),
                                       ReportSection(title: "Only notes", notes: ["Not recorded."])],
                            dataQuality: DataQuality())
        let read = try XLSXSample.readBack(report)
        let sheet = try #require(read[sheet: "Nothing yet"])
        #expect(sheet.charts.isEmpty)
        // Title and header only, as wide as the table: no room kept for the chart left out.
        #expect(sheet.printing.printArea == "'Nothing yet'!$A$1:$B$2")
        #expect(sheet.printing.oddHeader == "&LSafeguarding Children Partnership\nAnnual report 2022-23&RNothing yet")
        #expect(read[sheet: "Summary"]?.printing.printArea?.hasPrefix("Summary!$A$1:$C$") == true)
    }

    @Test func rejectedRowsAreInsideThePrintArea() throws {
        let read = try XLSXSample.readBack()
        let dq = try #require(read[sheet: "Data quality"])
        // The ledger A2:E5, its note on row 8, "Rejected rows" on 10, the header on 11, the row on 12.
        #expect(dq["C12"]?.value == "bad date '31/02/2022'")
        #expect(dq.printing.printArea == "'Data quality'!$A$1:$F$12")
        #expect(dq.printing.printTitles == "'Data quality'!$1:$2")
    }

    @Test func aLongTableRunsOntoMorePagesWithItsHeaderRepeated() throws {
        let rows = (1...200).map { ReportRow([.text("Row \($0)"), .count(Int64($0))]) }
        let table = ReportTable(id: "long", title: "A long table", columns: [ReportColumn("Item", .label), ReportColumn("Count", .count)],
                                rows: rows, notes: [String(repeating: "A long note that wraps. ", count: 10)])
        let report = Report(title: "T", partnership: "P", year: FinancialYear(startYear: 2022),
                            sections: [ReportSection(title: "S", tables: [table])], dataQuality: DataQuality())
        let read = try XLSXSample.readBack(report)
        let sheet = try #require(read[sheet: "A long table"])
        #expect(sheet.printing.pageSetup == ["paperSize": "9", "orientation": "portrait", "fitToHeight": "0"])
        #expect(sheet.printing.printTitles == "'A long table'!$1:$2")
        // Body A3:A202, "Notes" on row 204, the note on 205.
        #expect(sheet.printing.printArea == "'A long table'!$A$1:$B$205")
        #expect(sheet["A205"]?.value == String(repeating: "A long note that wraps. ", count: 10))
    }
}
