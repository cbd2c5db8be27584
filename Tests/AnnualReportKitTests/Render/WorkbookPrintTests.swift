import Foundation
import Testing

@testable import AnnualReportKit

/// How the sample workbook prints, read back from its XML parts: page setup, print titles and
/// areas (defined names), header and footer, chart placement and value-axis number formats.
@Suite struct WorkbookPrintTests {
    var book: XLSXReadBack { SampleWorkbookTests.book }

    static let header = "&LLeicestershire && Rutland Safeguarding Children Partnership\nAnnual report 2022-23"

    func sheet(_ name: String) throws -> XLSXReadBack.Sheet {
        try #require(book[sheet: name], "no sheet '\(name)' in \(book.sheets.map(\.name))")
    }

    /// The sheets that run onto more pages than one (one page wide, as many tall as needed)
    /// rather than print smaller than the other sheets.
    /// (The per-priority impact sheet, a priority a row group over its measures, now fits one.)
    static let multiPage: Set<String> = ["Summary"]

    @Test func everySheetPrintsOnePageWideOnA4WithHeaderAndPageNumbers() throws {
        #expect(book.sheets.count == 29)
        for sheet in book.sheets {
            let printing = sheet.printing
            #expect(printing.fitToPage, "\(sheet.name)")
            // fitToWidth and fitToHeight left out: OOXML's default, 1 page wide and 1 tall.
            let keys: Set<String> =
                Self.multiPage.contains(sheet.name)
                ? ["paperSize", "orientation", "fitToHeight"] : ["paperSize", "orientation"]
            #expect(Set(printing.pageSetup.keys) == keys, "\(sheet.name): \(printing.pageSetup)")
            #expect(
                printing.pageSetup["fitToHeight"] == (Self.multiPage.contains(sheet.name) ? "0" : nil), "\(sheet.name)")
            #expect(printing.pageSetup["paperSize"] == "9", "\(sheet.name)")
            // The header holds the partnership and the report alone; the sheet is in the footer.
            #expect(printing.oddHeader == Self.header)
            #expect(printing.oddFooter == "&L\(sheet.name)&RPage &P of &N")
            let quoted = sheet.name == "Summary" ? "Summary" : "'\(sheet.name)'"
            #expect(
                printing.printArea?.hasPrefix("\(quoted)!$A$1:") == true,
                "\(sheet.name): \(printing.printArea ?? "none")")
            #expect(printing.printTitles == (sheet.name == "Summary" ? nil : "\(quoted)!$1:$2"), "\(sheet.name)")
        }
    }

    @Test func orientationAndPrintAreasOfTheSampleSheets() throws {
        let expected: [(String, String, String)] = [
            // Two pages wide in portrait would print it at 60%: landscape, one page wide, two tall.
            ("Summary", "landscape", "Summary!$A$1:$C$60"),
            // Table A2:E9, its two notes to row 13, the 576-pixel chart (29 rows) below from row 15.
            ("Reach business priority 2022-23", "portrait", "'Reach business priority 2022-23'!$A$1:$E$42"),
            ("Training delivery", "portrait", "'Training delivery'!$A$1:$E$16"),
            // Four columns, widened to H for the 720-pixel chart below.
            ("Training events and attendances", "landscape", "'Training events and attendances'!$A$1:$H$28"),
            ("Training videos fully watched", "portrait", "'Training videos fully watched'!$A$1:$C$36"),
            // Three columns (33 characters), widened to E for the 46-character title.
            ("Children subject reviews by sex", "portrait", "'Children subject reviews by sex'!$A$1:$E$5"),
            // The bar chart (five partners) is 432 pixels tall: 22 rows from row 13.
            ("Contributions from partners", "landscape", "'Contributions from partners'!$A$1:$F$34"),
            ("SCP expenditure", "landscape", "'SCP expenditure'!$A$1:$I$32"),
        ]
        for (name, orientation, area) in expected {
            let s = try sheet(name)
            #expect(s.printing.pageSetup["orientation"] == orientation, "\(name)")
            #expect(s.printing.printArea == area, "\(name)")
        }
    }

    /// The 1-based number of the last column of a print area such as `'S'!$A$1:$E$5` (5).
    static func lastColumn(_ area: String) -> Int {
        let letters = area.split(separator: ":").last.map { $0.filter { $0.isLetter } } ?? ""
        return letters.reduce(0) { $0 * 26 + Int($1.asciiValue! - 64) }
    }

    @Test func everyTitleFitsTheWidthOfItsPrintArea() throws {
        #expect(book.sheets.count == 29)
        for sheet in book.sheets {
            let title = try #require(sheet["A1"]?.value, "\(sheet.name)")
            let last = Self.lastColumn(try #require(sheet.printing.printArea))
            // Columns without a width of their own are Excel's default 8.43 characters wide.
            let width = (1...last).map { sheet.columnWidths[$0] ?? 8.43 }.reduce(0, +)
            #expect(width >= Double(title.count) + 1, "\(sheet.name): '\(title)' (\(title.count)) in \(width)")
            #expect(sheet.mergedCells.allSatisfy { !$0.hasPrefix("A1:") }, "\(sheet.name)")
        }
        // The sex sheet: A 8.71 + B 13.71 + C 10.71 (33.13) and two default columns, 49.99
        // characters, for the 46 of "Children subject of reviews in 2022-23, by sex".
        let sex = try sheet("Children subject reviews by sex")
        #expect(sex["A1"]?.value == "Children subject of reviews in 2022-23, by sex")
        #expect(sex.columnWidths == [1: 8.7109375, 2: 13.7109375, 3: 10.7109375])
        #expect(sex.printing.printArea == "'Children subject reviews by sex'!$A$1:$E$5")
    }

    @Test func longLabelsWrapInTheirCellInATallerRow() throws {
        let conferences = try sheet("Conferences and larger events")
        // The conference column is capped at 40 characters (plus libxlsxwriter's padding).
        #expect(conferences.columnWidths[1] == 40.7109375)
        #expect(
            conferences["A9"]?.value
                == "Learning from Reviews: Baby's first Home (womb) (film played as trainer unavailable)")
        #expect(conferences["A9"]?.wraps == true)
        #expect(conferences["A9"]?.vertical == "top")
        // Its figures sit on its first line.
        #expect(
            conferences["B9"]?.vertical == "top" && conferences["B9"]?.wraps == false && conferences["B9"]?.value == "1"
        )
        #expect(conferences["A7"]?.value == "Supporting Families – Reducing the Impact of Parental Imprisonment")
        #expect(conferences["A7"]?.wraps == true)
        // Two lines each (15 points a line); short names stay on one line in rows of the default height.
        #expect(conferences.rowHeights == [6: 30, 7: 30, 9: 30])
        #expect(conferences["A3"]?.value == "Missing from Home Joint Protocol" && conferences["A3"]?.wraps == false)
        #expect(conferences["A3"]?.vertical == nil)
        // A bold group row measures bold: "Neglect and the graded care profile (2023-03-15)" wraps.
        let audits = try sheet("Multi-agency case audits")
        #expect(audits["A10"]?.bold == true && audits["A10"]?.wraps == true)
        #expect(audits.rowHeights == [3: 30, 10: 30])
    }

    @Test func aTextColumnAfterANumberColumnIsIndented() throws {
        let reviews = try sheet("Local child safeguarding")
        #expect(
            reviews["D2"]?.value == "Months running" && reviews["D2"]?.alignment == "right"
                && reviews["D2"]?.indent == 0)
        #expect(reviews["E2"]?.value == "Beyond statutory 6 months" && reviews["E2"]?.indent == 1)
        #expect(reviews["D3"]?.value == "19" && reviews["E3"]?.value == "yes" && reviews["E3"]?.indent == 1)
        // libxlsxwriter writes an indent with its left alignment, as Excel does.
        #expect(reviews["E3"]?.alignment == "left")
        // Text after text is not indented.
        #expect(reviews["C3"]?.value == "2022-08-19" && reviews["C3"]?.indent == 0)
    }

    @Test func chartsSitBelowTheirTableInsideThePrintArea() throws {
        let placed: [(String, Int, String)] = [
            // sheet, first row after the table and its notes (zero-based), value axis format
            ("Reach business priority 2022-23", 13, "#,##0"),
            ("Training events and attendances", 6, "#,##0"),
            ("Training impact ratings before", 9, "0"),
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

    @Test func chartsAreInTheReportsColours() throws {
        // Navy, then the mid blue of the SVG charts (`SVGChartWriter.palette`), outlined in its ink.
        let reach = try #require(try sheet("Reach business priority 2022-23").charts.first)
        #expect(reach.series.map(\.fill) == ["1F3B73", "6B8FD6"])
        #expect(reach.series.map(\.outline) == ["1A1A1A", "1A1A1A"])
        let reviews = try #require(try sheet("Reviews per year").charts.first)
        #expect(reviews.series.map(\.fill) == ["1F3B73"])
        #expect(XLSXWriter.ChartLayout.rgb(SVGChartWriter.palette[0]) == 0x1F3B73)
    }

    @Test func barChartsListTheTablesRowsFromTheTopAndItsColumnsInTheLegend() throws {
        let contributions = try #require(try sheet("Contributions from partners").charts.first)
        #expect(contributions.barDirection == "bar")
        // Categories top-down in the table's order, the value axis along the bottom.
        #expect(contributions.categoryAxis?.orientation == "maxMin")
        #expect(contributions.valueAxis?.orientation == "minMax")
        #expect(contributions.valueAxis?.crosses == "max")
        // Series added last column first (LibreOffice lists a bar chart's legend bottom-up), each
        // in its column's colour: 2021-22 navy, 2022-23 mid blue.
        #expect(
            contributions.series.map(\.name) == [
                "'Contributions from partners'!$C$2", "'Contributions from partners'!$B$2",
            ])
        #expect(contributions.series.map(\.fill) == ["6B8FD6", "1F3B73"])
        let audits = try #require(try sheet("Cases audited per agency").charts.first)
        #expect(audits.categoryAxis?.orientation == "maxMin")
        // Column charts keep Excel's left-to-right order.
        let reviews = try #require(try sheet("Reviews per year").charts.first)
        #expect(reviews.categoryAxis?.orientation == "minMax")
        #expect(reviews.valueAxis?.crosses == "autoZero")
    }

    @Test func stackedChartsHideZeroLabels() throws {
        let recommendations = try #require(try sheet("Recommendations by source").charts.first)
        #expect(recommendations.grouping == "stacked")
        #expect(recommendations.series.map(\.labelNumberFormat) == Array(repeating: "#,##0;-#,##0;;", count: 3))
        // White labels on the navy segments; the lighter blues keep dark labels.
        #expect(recommendations.series.map(\.labelColour) == ["FFFFFF", nil, nil])
        #expect(recommendations.series.map(\.fill) == ["1F3B73", "6B8FD6", "C9D6F2"])
        // Unstacked bars show every label, zero included, as their cells do.
        let contributions = try #require(try sheet("Contributions from partners").charts.first)
        #expect(contributions.series.map(\.labelNumberFormat) == [nil, nil])
        #expect(XLSXWriter.ChartLayout.zeroHidingFormat("\"£\"#,##0") == "\"£\"#,##0;-\"£\"#,##0;;")
        #expect(XLSXWriter.ChartLayout.zeroHidingFormat(nil) == "General;-General;;")
    }

    @Test func meanRatingsPlotOnTheRatingScale() throws {
        let impact = try #require(try sheet("Training impact ratings before").charts.first)
        #expect(impact.valueAxis?.min == "1")
        #expect(impact.valueAxis?.max == "5")
        #expect(impact.valueAxis?.majorUnit == "1")
        #expect(impact.valueAxis?.numberFormat == "0")
        // Other charts choose their own range from zero.
        let reviews = try #require(try sheet("Reviews per year").charts.first)
        #expect(reviews.valueAxis?.min == nil && reviews.valueAxis?.max == nil && reviews.valueAxis?.majorUnit == nil)
    }

    @Test func summaryIsABriefWithWrappedSentences() throws {
        let summary = try sheet("Summary")
        #expect(summary.columnWidths[2] == 80.7109375)  // 80 characters, plus libxlsxwriter's padding
        let sentence =
            "Overall training was delivered to 2,569 attendees over 103 training events in 2022-23 (2021-22: 2,215 over 88)."
        let row = try #require(summary.cells.first { $0.value.value == sentence }?.key)
        #expect(row.hasPrefix("B"))
        #expect(summary["A" + row.dropFirst()]?.value == "Training")
        #expect(summary.printing.pageSetup == ["paperSize": "9", "orientation": "landscape", "fitToHeight": "0"])
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
