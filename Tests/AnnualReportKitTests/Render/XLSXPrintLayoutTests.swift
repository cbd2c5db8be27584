import Foundation
import Testing

@testable import AnnualReportKit

/// The print arithmetic on its own, and a long table that runs onto several pages.
@Suite struct XLSXPrintLayoutTests {
    typealias Layout = XLSXWriter.PrintLayout

    @Test func headerAndFooterTextAreEscapedAndWithinExcelsLimit() {
        #expect(Layout.headerText(partnership: "A & B SCP", year: "2022-23") == "&LA && B SCP\nAnnual report 2022-23")
        #expect(
            Layout.headerText(partnership: nil, year: "2022-23")
                == "&LSafeguarding Children Partnership\nAnnual report 2022-23")
        // Codes in input text stay text: "&P" would print the page number.
        #expect(Layout.headerText(partnership: "&P&N\nSCP", year: "2022-23") == "&L&&P&&N SCP\nAnnual report 2022-23")
        let long = Layout.headerText(partnership: String(repeating: "&", count: 300), year: "2022-23")
        #expect(long.utf8.count <= 255)
        let tail = "…\nAnnual report 2022-23"
        #expect(long.hasSuffix(tail))
        // Cut between escaped ampersands, never inside a `&&`.
        let left = long.dropFirst(2).dropLast(tail.count)
        #expect(left.count % 2 == 0 && left.allSatisfy { $0 == "&" } && left.count > 100)
        #expect(Layout.footerText(sheet: "Finance") == "&LFinance&RPage &P of &N")
        #expect(Layout.footerText(sheet: "R&D") == "&LR&&D&RPage &P of &N")
    }

    @Test func orientationAndFitFollowTheContent() {
        // Narrow and short: portrait, one page.
        #expect(
            Layout.pageSetup(width: 400, height: 300) == .init(paper: 9, landscape: false, pagesWide: 1, pagesTall: 1))
        // Wide and short: landscape prints it larger.
        #expect(
            Layout.pageSetup(width: 900, height: 400) == .init(paper: 9, landscape: true, pagesWide: 1, pagesTall: 1))
        // Very long: one page wide, as many tall as needed, portrait.
        #expect(
            Layout.pageSetup(width: 600, height: 5_000) == .init(paper: 9, landscape: false, pagesWide: 1, pagesTall: 0)
        )
        // One page would print it at 75%: text alone runs onto two pages at full size instead…
        #expect(
            Layout.pageSetup(width: 600, height: 1_300) == .init(paper: 9, landscape: false, pagesWide: 1, pagesTall: 0)
        )
        // …and a table with its chart keeps them together on one page (down to 60%).
        #expect(
            Layout.pageSetup(width: 600, height: 1_300, charts: true)
                == .init(paper: 9, landscape: false, pagesWide: 1, pagesTall: 1))
        #expect(
            Layout.pageSetup(width: 600, height: 1_700, charts: true)
                == .init(paper: 9, landscape: false, pagesWide: 1, pagesTall: 0))
        #expect(Layout.columnPixels(8.43) == 64)
        #expect(Layout.wrappedLines("one two three", pixels: 1000) == 1)
        // 81 pixels hold 10.9 digits; a lower-case letter is 0.95 of a digit, a space 0.5.
        #expect(Layout.wrappedLines("aaaa bbbb cccc dddd", pixels: 81) == 2)
        #expect(Layout.wrappedLines(String(repeating: "x", count: 25), pixels: 81) == 3)
    }

    @Test func labelsAreMeasuredCharacterByCharacter() {
        // 40 characters of column: the 46-character name is 39.1 digits wide and fits; bold, it wraps.
        #expect(Layout.wrappedLines("Safeguarding Children from Diverse Backgrounds", columnWidth: 40) == 1)
        #expect(Layout.wrappedLines("Safeguarding Children from Diverse Backgrounds", columnWidth: 40, bold: true) == 2)
        // Capitals are wider than a digit: 36 of them take two lines of 40.
        #expect(Layout.wrappedLines(String(repeating: "W", count: 36), columnWidth: 40) == 2)
        #expect(
            Layout.wrappedLines(
                "Learning from Reviews: Baby's first Home (womb) (film played as trainer unavailable)",
                columnWidth: 40) == 2)
        #expect(Layout.wrappedLines("one\ntwo", columnWidth: 40) == 2)
        // A title's room: its bold width in digits or its characters, whichever is more, and one to
        // spare. 46 characters (40.2 digits bold): 47 characters, 334 pixels.
        #expect(Layout.titlePixels("Children subject of reviews in 2022-23, by sex") == 334)
        // Ten bold capitals W are 15.5 digits wide: 16.5 characters, 121 pixels.
        #expect(Layout.titlePixels("WWWWWWWWWW") == 121)
    }

    @Test func emptyTablesAndChartsWithNothingToPlotStillPrint() throws {
        let empty = ReportTable(
            id: "empty", title: "Nothing yet", columns: [ReportColumn("Year", .label), ReportColumn("Count", .count)])
        let chart = ChartSpec(
            id: "c", title: "C", tableID: "empty", rows: [], seriesColumns: [1], style: .column,
            xAxisTitle: "", yAxisTitle: "")
        let report = Report(
            title: "T", partnership: nil, year: FinancialYear(startYear: 2022),
            sections: [
                ReportSection(title: "S", tables: [empty], charts: [chart]),
                ReportSection(title: "Only notes", notes: ["Not recorded."]),
            ],
            dataQuality: DataQuality())
        let read = try XLSXSample.readBack(report)
        let sheet = try #require(read[sheet: "Nothing yet"])
        #expect(sheet.charts.isEmpty)
        // Title and header only, as wide as the table: no room kept for the chart left out.
        #expect(sheet.printing.printArea == "'Nothing yet'!$A$1:$B$2")
        #expect(sheet.printing.oddHeader == "&LSafeguarding Children Partnership\nAnnual report 2022-23")
        #expect(sheet.printing.oddFooter == "&LNothing yet&RPage &P of &N")
        #expect(read[sheet: "Summary"]?.printing.printArea?.hasPrefix("Summary!$A$1:$C$") == true)
    }

    @Test func aTitleWiderThanAPortraitPageWrapsAcrossTheTable() throws {
        let title =
            "Training delivered to every partner agency across Leicestershire and Rutland, by month, format and kind, 2022-23"
        let table = ReportTable(
            id: "t", title: title, columns: [ReportColumn("Month", .label), ReportColumn("Events", .count)],
            rows: [ReportRow([.text("April"), .count(3)])])
        let report = Report(
            title: "T", partnership: "P", year: FinancialYear(startYear: 2022),
            sections: [ReportSection(title: "S", tables: [table])], dataQuality: DataQuality())
        let read = try XLSXSample.readBack(report)
        let sheet = try #require(read.sheets.first { $0["A1"]?.value == title })
        // 113 characters: the print area is widened to a portrait page's width (A and B, then
        // seven default columns, 659 pixels), and the title wraps across it on two lines.
        #expect(sheet.printing.printArea == "'\(sheet.name)'!$A$1:$I$3")
        #expect(sheet.mergedCells == ["A1:I1"])
        #expect(sheet["A1"]?.wraps == true && sheet["A1"]?.bold == true && sheet["A1"]?.vertical == "top")
        #expect(sheet.rowHeights == [1: 30])
        #expect(sheet.printing.pageSetup["orientation"] == "portrait")
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
        let table = ReportTable(
            id: "long", title: "A long table", columns: [ReportColumn("Item", .label), ReportColumn("Count", .count)],
            rows: rows, notes: [String(repeating: "A long note that wraps. ", count: 10)])
        let report = Report(
            title: "T", partnership: "P", year: FinancialYear(startYear: 2022),
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
