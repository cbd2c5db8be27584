import Foundation
import Testing

@testable import AnnualReportKit

@Suite struct XLSXWriterRuleTests {
    @Test func aStoredValueThatDisagreesWithItsFormulaIsRejected() throws {
        var table = XLSXSample.attendances
        table.rows[3].cells[1] = ReportCell(.count(9_999), derivation: table.rows[3].cells[1].derivation)
        let report = Report(
            title: "T", partnership: nil, year: FinancialYear(startYear: 2022),
            sections: [ReportSection(title: "Training", tables: [table])], dataQuality: DataQuality())
        #expect {
            try XLSXSample.write(report)
        } throws: { error in
            guard case XLSXWriterError.inconsistentDerivation(let id, let cell, let formula, _, _) = error else {
                return false
            }
            return id == "training-attendances" && cell == "B6" && formula == "SUM(B3:B5)"
        }
    }

    @Test func referencesOutsideTheTableAndUnknownChartTablesAreErrors() throws {
        var table = XLSXSample.attendances
        table.rows[0].cells[3] = ReportCell(.count(400), derivation: .sum([CellRef(row: 9, column: 1)]))
        let bad = Report(
            title: "T", partnership: nil, year: FinancialYear(startYear: 2022),
            sections: [ReportSection(title: "Training", tables: [table])], dataQuality: DataQuality())
        #expect(
            throws: XLSXWriterError.badReference(
                table: "training-attendances", cell: "D3",
                reference: CellRef(row: 9, column: 1))
        ) {
            try XLSXSample.write(bad)
        }
        let chart = ChartSpec(
            id: "c", title: "C", tableID: "missing", rows: [], seriesColumns: [1], style: .line,
            xAxisTitle: "", yAxisTitle: "")
        let noTable = Report(
            title: "T", partnership: nil, year: FinancialYear(startYear: 2022),
            sections: [ReportSection(title: "Training", tables: [XLSXSample.attendances], charts: [chart])],
            dataQuality: DataQuality())
        #expect(throws: XLSXWriterError.badChart(chart: "c", reason: "no table with id 'missing'")) {
            try XLSXSample.write(noTable)
        }
    }

    @Test func lineChartOverBodyRowsByDefault() throws {
        let chart = ChartSpec(
            id: "trend", title: "=Trend", tableID: "training-attendances", rows: [], seriesColumns: [3],
            style: .line, xAxisTitle: "Year", yAxisTitle: "")
        let report = Report(
            title: "T", partnership: nil, year: FinancialYear(startYear: 2022),
            sections: [ReportSection(title: "Training", tables: [XLSXSample.attendances], charts: [chart])],
            dataQuality: DataQuality())
        let read = try XLSXSample.readBack(report)
        let drawn = try #require(read[sheet: "Attendances per year"]?.charts.first)
        #expect(drawn.plotTypes == ["c:lineChart"])
        // The total row is not a body row, so it is not plotted.
        #expect(drawn.series.first?.values == "'Attendances per year'!$D$3:$D$5")
        // A title starting with "=" stays text rather than becoming a cell reference.
        #expect(drawn.title == " =Trend")
        // The empty ledger still gets its sheet, with no Excel table (it has no rows).
        #expect(read[sheet: "Data quality"]?.tables.isEmpty == true)
        #expect(read[sheet: "Data quality"]?["A2"]?.value == "File")
    }

    @Test func libxlsxwriterErrorsBecomeSwiftErrors() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/annual-report.xlsx")
        #expect {
            try XLSXWriter(documentTimestamp: nil).write(XLSXSample.report, to: url)
        } throws: { error in
            guard let error = error as? XLSXError else { return false }
            return error.function == "workbook_close" && error.code != nil && error.description.contains("xlsx file")
        }
    }

    @Test func sheetNamesFollowExcelRules() {
        typealias Names = XLSXWriter.SheetNames
        #expect(
            Names.base("Finance: contributions 2022/23", fallback: "x", index: 0) == "Finance contributions 2022-23")
        #expect(Names.base("'Quoted'", fallback: "x", index: 0) == "Quoted")
        #expect(Names.base("::??**", fallback: "table-id", index: 0) == "table-id")
        #expect(Names.base("", fallback: "", index: 4) == "Table 5")
        #expect(
            Names.base("Training events and attendances per year", fallback: "x", index: 0)
                == "Training events and attendances")
        #expect(
            Names.base("Children subject of rapid reviews by ethnicity and age", fallback: "x", index: 0)
                == "Children subject of rapid")
        // Shortened as a reader would, keeping what tells tables apart.
        #expect(
            Names.base("Reach per business priority, 2022-23", fallback: "x", index: 0)
                == "Reach business priority 2022-23")
        #expect(Names.base("SCP expenditure, 2021-22 and 2022-23", fallback: "x", index: 0) == "SCP expenditure")
        #expect(
            Names.candidates("SCP expenditure, 2021-22 and 2022-23", fallback: "x", index: 0) == [
                "SCP expenditure", "SCP expenditure, 2021-22",
            ])
        #expect(
            Names.base("Children subject of reviews in 2022-23, by ethnicity", fallback: "x", index: 0)
                == "Children subject by ethnicity")
        #expect(
            Names.base("Children subject of reviews in 2022-23, by sex", fallback: "x", index: 0)
                == "Children subject reviews by sex")
        var names = Names()
        names.reserve("History")
        #expect(names.unique("history") == "history (2)")
        #expect(names.unique("Summary") == "Summary")
        #expect(names.unique("SUMMARY") == "SUMMARY (2)")
        let full = String(repeating: "x", count: 31)
        #expect(names.unique(full) == full)
        #expect(names.unique(full) == String(repeating: "x", count: 27) + " (2)")
        // The next candidate before a number.
        #expect(names.unique(["Training delivery", "Training delivery 2022-23"]) == "Training delivery")
        #expect(names.unique(["Training delivery", "Training delivery 2022-23"]) == "Training delivery 2022-23")
        #expect(names.unique(["Training delivery", "Training delivery 2022-23"]) == "Training delivery (2)")
    }

    @Test func excelTableHeadersAreUniqueAndNonEmpty() {
        #expect(
            XLSXWriter.TableLayout.excelTableHeaders(["", "Change", "change", "Change"]) == [
                "Column 1", "Change", "change (2)", "Change (3)",
            ])
    }

    @Test func sumArgumentsUseRangesForConsecutiveRows() {
        let refs = [
            CellRef(row: 4, column: 1), CellRef(row: 0, column: 1), CellRef(row: 1, column: 1),
            CellRef(row: 2, column: 1), CellRef(row: 0, column: 2),
        ]
        #expect(XLSXWriter.FormulaBuilder.sumArguments(refs) == "B3:B5,B7,C3")
    }

    @Test func a1Addresses() {
        #expect(XLSXWorkbook.A1.column(0) == "A")
        #expect(XLSXWorkbook.A1.column(25) == "Z")
        #expect(XLSXWorkbook.A1.column(26) == "AA")
        #expect(XLSXWorkbook.A1.column(16_383) == "XFD")
        #expect(XLSXWorkbook.A1.quotedSheetName("Children's ages") == "'Children''s ages'")
    }
}
