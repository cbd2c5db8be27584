import Foundation
import Testing

@testable import AnnualReportKit

@Suite struct XLSXWriterTests {
    let book: XLSXReadBack
    let financeSheetName = "Partner contributions 2021-22"

    init() throws {
        book = try XLSXSample.readBack()
    }

    func sheet(_ name: String) throws -> XLSXReadBack.Sheet {
        try #require(book[sheet: name], "no sheet '\(name)' in \(book.sheets.map(\.name))")
    }

    @Test func sheetsAreSummaryTablesThenDataQuality() {
        #expect(
            book.sheets.map(\.name) == [
                "Summary", financeSheetName, "Partner contributions (2)", "Attendances per year",
                "Reviews rapid-LCSPR (all)", "Data quality",
            ])
        let names = book.sheets.map(\.name)
        #expect(
            names.allSatisfy {
                $0.utf16.count <= 31 && $0.rangeOfCharacter(from: CharacterSet(charactersIn: "[]:*?/\\")) == nil
            })
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }

    @Test func summaryLinksEveryTable() throws {
        let summary = try sheet("Summary")
        #expect(summary["A1"]?.value == XLSXSample.report.title)
        #expect(summary["A1"]?.isString == true && summary["A1"]?.formula == nil)
        #expect(summary["A1"]?.bold == true)
        #expect(summary["B3"]?.value == "Example SCP")
        #expect(summary["B4"]?.value == "2022-23")
        #expect(summary["A6"]?.value == "Section" && summary["A6"]?.bold == true)
        // One row per table, linking to A1 of its sheet.
        let tableSheets = book.sheets.dropFirst().map(\.name)
        #expect(tableSheets.count == 5)
        for (i, name) in tableSheets.enumerated() {
            let row = 7 + i
            #expect(summary.hyperlinks["B\(row)"] == "'\(name)'!A1")
            #expect(summary["C\(row)"]?.value == name)
        }
        #expect(summary["B7"]?.value == XLSXSample.financeTitle)
        #expect(summary["A7"]?.value == "Finance")
        #expect(summary["A10"]?.value == "Reviews")
        #expect(summary["A11"]?.value == "Data quality")
        #expect(summary["A13"]?.value == "Notes")
        #expect(summary["A14"]?.value == "Videos: No videos records: section left out.")
    }

    @Test func tableSheetLayout() throws {
        let finance = try sheet(financeSheetName)
        #expect(finance["A1"]?.value == XLSXSample.financeTitle)
        #expect(finance["A1"]?.bold == true)
        #expect(
            ["A2", "B2", "C2", "D2", "E2", "F2"].map { finance[$0]?.value } == [
                "Partner", "2021-22", "2022-23", "Change", "Change %", "Share",
            ])
        #expect(["A2", "B2", "C2", "D2", "E2", "F2"].allSatisfy { finance[$0]?.bold == true })
        #expect(finance["A2"]?.alignment == nil && finance["B2"]?.alignment == "right")
        #expect(finance.frozenRows == 2)
        // Body rows are not bold; the total row is, in every column.
        #expect(finance["A3"]?.bold == false && finance["B3"]?.bold == false)
        #expect(["A7", "B7", "C7", "D7", "E7", "F7"].allSatisfy { finance[$0]?.bold == true })
        // Notes under the table.
        #expect(finance["A9"]?.value == "Notes" && finance["A9"]?.bold == true)
        #expect(finance["A10"]?.value == "Health joined in 2022-23.")
        // Widths fit the content: the partner column holds the longest name, within the cap.
        let widthA = try #require(finance.columnWidths[1])
        #expect(widthA >= Double(XLSXSample.dangerousName.count) && widthA <= 60)
        #expect((finance.columnWidths[2] ?? 0) >= 8)
    }

    @Test func moneyCountsPercentagesAndNA() throws {
        let finance = try sheet(financeSheetName)
        #expect(finance["B3"]?.number == 100_000)
        #expect(finance["B3"]?.numberFormat.contains("£") == true)
        #expect(finance["B3"]?.numberFormat.contains(".00") == false)
        // Pence shown only where there are any.
        #expect(finance["B4"]?.number == 50_000.5)
        #expect(finance["B4"]?.numberFormat.contains("£") == true)
        #expect(finance["B4"]?.numberFormat.contains(".00") == true)
        // No record: the text N/A, right-aligned, never £0.
        #expect(finance["B5"]?.isString == true && finance["B5"]?.value == "N/A")
        #expect(finance["B5"]?.alignment == "right")
        // Percentages are fractions with a percent format of the column's decimals.
        #expect(finance["E3"]?.number == 0.1)
        #expect(finance["E3"]?.numberFormat == "0.0%")
        #expect(finance["F3"]?.numberFormat == "0%")
        let attendances = try sheet("Attendances per year")
        #expect(attendances["B3"]?.number == 400 && attendances["B3"]?.numberFormat == "#,##0")
    }

    @Test func textFromInputsIsNeverAFormula() throws {
        let finance = try sheet(financeSheetName)
        let cell = try #require(finance["A6"])
        #expect(cell.type == "s")
        #expect(cell.formula == nil)
        #expect(cell.value == XLSXSample.dangerousName)
        // The report title starting with "=" too.
        #expect(try sheet("Summary")["A1"]?.type == "s")
    }

    @Test func totalsAreLiveFormulasWithTheirValuesStored() throws {
        let finance = try sheet(financeSheetName)
        #expect(finance["B7"]?.formula == "SUM(B3:B6)")
        #expect(finance["C7"]?.formula == "SUM(C3:C6)")
        // The stored total is the sum of the stored numbers it covers (N/A is text, not counted).
        let covered = ["B3", "B4", "B5", "B6"].compactMap { finance[$0]?.number }
        #expect(finance["B7"]?.number == covered.reduce(0, +))
        #expect(finance["B7"]?.number == 150_000.5)
        #expect(finance["B7"]?.numberFormat.contains(".00") == true)
        #expect(finance["C7"]?.number == 180_000)

        #expect(finance["D3"]?.formula == "C3-B3")
        #expect(finance["D3"]?.number == 10_000)
        #expect(finance["D4"]?.number == -5_000.5)
        // A difference with an N/A operand says so instead of #VALUE!.
        #expect(finance["D5"]?.formula == "IF(COUNT(C5,B5)<2,\"N/A\",C5-B5)")
        #expect(finance["D5"]?.type == "str" && finance["D5"]?.value == "N/A")

        #expect(finance["E3"]?.formula == "IF(N(B3)=0,\"N/A\",(C3-B3)/B3)")
        #expect(finance["E6"]?.formula == "IF(N(B6)=0,\"N/A\",(C6-B6)/B6)")
        #expect(finance["E6"]?.value == "N/A" && finance["E6"]?.alignment == "right")
        #expect(abs((finance["E7"]?.number ?? 0) - (180_000 - 150_000.5) / 150_000.5) < 1e-12)

        #expect(finance["F3"]?.formula == "IF(N(C7)=0,\"N/A\",C3/C7)")
        #expect(abs((finance["F3"]?.number ?? 0) - 110_000.0 / 180_000) < 1e-12)
        #expect(finance["F7"]?.number == 1)

        // Sums of refs across a row list the cells; a column of them is a range.
        let attendances = try sheet("Attendances per year")
        #expect(attendances["D3"]?.formula == "SUM(B3,C3)")
        #expect(attendances["D6"]?.formula == "SUM(D3:D5)")
        #expect(attendances["D6"]?.number == 2_124)
    }

    /// Every formula in the workbook, evaluated independently on the stored cells, gives the
    /// stored value: what a finance lead recalculating in Excel will see.
    @Test func everyFormulaRecomputesToItsStoredValue() throws {
        var checked = 0
        for sheet in book.sheets {
            let evaluator = XLSXFormulaEvaluator(sheet: sheet)
            for (address, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) {
                guard let formula = cell.formula else { continue }
                let computed = evaluator.evaluate(formula)
                let stored = evaluator.stored(address)
                switch (computed, stored) {
                case (.number(let a), .number(let b)):
                    #expect(abs(a - b) <= 1e-9 * max(1, abs(a)), "\(sheet.name)!\(address) =\(formula)")
                default:
                    #expect(computed == stored, "\(sheet.name)!\(address) =\(formula)")
                }
                checked += 1
            }
        }
        #expect(checked == 30)
    }

    @Test func eachTableIsAnExcelTable() throws {
        let finance = try sheet(financeSheetName)
        let table = try #require(finance.tables.first)
        #expect(finance.tables.count == 1)
        #expect(table.ref == "A2:F7")
        #expect(table.columns == ["Partner", "2021-22", "2022-23", "Change", "Change %", "Share"])
        #expect(table.style?.hasPrefix("TableStyleLight") == true)
        #expect(table.totalsRowCount == 0)
        #expect(table.hasAutoFilter)
        #expect(try sheet("Data quality").tables.first?.ref == "A2:F5")
        #expect(try sheet("Summary").tables.isEmpty)
    }

    @Test func chartsPointAtTheirTable() throws {
        let attendances = try sheet("Attendances per year")
        #expect(attendances.charts.count == 2)
        let stacked = try #require(attendances.charts.first)
        #expect(stacked.plotTypes == ["c:barChart"])
        #expect(stacked.barDirection == "col")
        #expect(stacked.grouping == "stacked")
        #expect(stacked.title == "Attendances per year")
        #expect(stacked.axisTitles.contains("c:catAx=Year") && stacked.axisTitles.contains("c:valAx=Attendances"))
        #expect(
            stacked.series.map(\.values) == ["'Attendances per year'!$B$3:$B$5", "'Attendances per year'!$C$3:$C$5"])
        #expect(
            stacked.series.map(\.categories) == [
                "'Attendances per year'!$A$3:$A$5", "'Attendances per year'!$A$3:$A$5",
            ])
        #expect(stacked.series.map(\.name) == ["'Attendances per year'!$B$2", "'Attendances per year'!$C$2"])
        #expect(stacked.series.allSatisfy { $0.showsValueLabels })
        // Rows with a gap become a union of ranges.
        let bar = try #require(attendances.charts.last)
        #expect(bar.barDirection == "bar")
        #expect(bar.axisTitles.contains("c:catAx=Year") && bar.axisTitles.contains("c:valAx=Attendances"))
        #expect(bar.series.first?.values == "('Attendances per year'!$D$3,'Attendances per year'!$D$5)")
        // Below the table from column A, so they print on its page: the body ends on row 6
        // (zero-based 5), one row spare; the second below the first.
        #expect(attendances.chartAnchors.map(\.column) == [0, 0])
        // 432 px = 22 rows of 20 px, one spare row between.
        #expect(attendances.chartAnchors.map(\.row) == [7, 30])
        #expect(try sheet(financeSheetName).charts.isEmpty)
    }

    @Test func dataQualitySheetIsLastWithLedgerNotesAndRejects() throws {
        let dq = try sheet("Data quality")
        #expect(book.sheets.last?.name == "Data quality")
        #expect(dq["A1"]?.value == "Data quality: rows read, used and rejected")
        #expect(dq["A3"]?.value == "training.csv" && dq["C3"]?.number == 10)
        #expect(dq["C5"]?.formula == "SUM(C3:C4)" && dq["C5"]?.number == 22 && dq["C5"]?.bold == true)
        #expect(dq["A7"]?.value == "Notes")
        #expect(dq["A8"]?.value == "training.csv: unknown column 'room' ignored.")
        #expect(dq["A10"]?.value == "Rejected rows")
        #expect(
            dq["A12"]?.value == "training.csv" && dq["B12"]?.number == 7 && dq["C12"]?.value == "bad date '31/02/2022'")
    }

    @Test func documentProperties() throws {
        #expect(book.core["dc:title"] == XLSXSample.report.title)
        #expect(book.core["dc:subject"] == "Annual report 2022-23 tables")
        #expect(book.core["dc:creator"] == "Example SCP")
        #expect(book.core["dcterms:created"] == "2023-03-31T12:00:00Z")
        #expect(book.core["dcterms:modified"] == "2023-03-31T12:00:00Z")
        #expect(book.app["Company"] == "Example SCP")
    }

    @Test func withoutATimestampTheCreatedTimeIsFixed() throws {
        var report = XLSXSample.report
        report.partnership = nil
        let read = try XLSXSample.readBack(report, timestamp: nil)
        #expect(read.core["dcterms:created"] == "2000-01-01T00:00:00Z")
        #expect(read.core["dc:creator"] == "annual-report")
        // Epoch 0 would mean "now" to libxlsxwriter; it is written one second later instead.
        let epoch = try XLSXSample.readBack(report, timestamp: Date(timeIntervalSince1970: 0))
        #expect(epoch.core["dcterms:created"] == "1970-01-01T00:00:01Z")
    }

    @Test func twoWritesAreByteIdentical() throws {
        let first = try XLSXSample.bytes()
        let second = try XLSXSample.bytes(name: "other-name.xlsx")
        #expect(first == second)
        let untimed = try XLSXSample.bytes(timestamp: nil)
        #expect(untimed == (try XLSXSample.bytes(timestamp: nil)))
        // The timestamp is the only thing that differs.
        #expect(untimed != first)
    }
}
