import Foundation
import Testing

@testable import AnnualReportKit

/// A small report built by hand: finance with money, pence, N/A, a formula-looking partner name,
/// a total row and every kind of derivation; a training trend with counts and two charts; a
/// reviews table with a percent column; and a data-quality ledger with notes and a rejected row.
enum XLSXSample {
    static let financeTitle = "Partner contributions 2021-22 and 2022-23 (received)"
    static let dangerousName = "=HYPERLINK(\"http://x\",\"click\")"

    static func money(_ pounds: Int64, _ pence: Int64 = 0) -> CellValue { .money(Money(pence: pounds * 100 + pence)) }

    static var finance: ReportTable {
        // Partner, 2021-22, 2022-23, change £, change %, share of 2022-23.
        let previous: [Money?] = [Money(pounds: 100_000), Money(pence: 5_000_050), nil, Money(pounds: 0)]
        let current: [Money?] = [
            Money(pounds: 110_000), Money(pounds: 45_000), Money(pounds: 20_000), Money(pounds: 5_000),
        ]
        let names = ["Council", "Police", "Health", dangerousName]
        let totalPrevious = previous.compactMap { $0 }.reduce(Money.zero, +)
        let totalCurrent = current.compactMap { $0 }.reduce(Money.zero, +)
        let totalRow = names.count
        var rows: [ReportRow] = []
        for i in names.indices {
            let change: CellValue = if let p = previous[i], let c = current[i] { .money(c - p) } else { .notApplicable }
            let percent: CellValue =
                Ratio.change(from: previous[i]?.pence, to: current[i]?.pence).map(CellValue.percent) ?? .notApplicable
            let share: CellValue =
                current[i].flatMap { Ratio($0.pence, totalCurrent.pence) }.map(CellValue.percent) ?? .notApplicable
            rows.append(
                ReportRow([
                    .text(names[i]), .money(previous[i]), .money(current[i]),
                    ReportCell(
                        change, derivation: .difference(CellRef(row: i, column: 2), minus: CellRef(row: i, column: 1))),
                    ReportCell(
                        percent,
                        derivation: .percentChange(from: CellRef(row: i, column: 1), to: CellRef(row: i, column: 2))),
                    ReportCell(
                        share, derivation: .share(CellRef(row: i, column: 2), of: CellRef(row: totalRow, column: 2))),
                ]))
        }
        let refs = { (column: Int) in names.indices.map { CellRef(row: $0, column: column) } }
        rows.append(
            ReportRow(
                [
                    .text("Total"),
                    ReportCell(.money(totalPrevious), derivation: .sum(refs(1))),
                    ReportCell(.money(totalCurrent), derivation: .sum(refs(2))),
                    ReportCell(
                        .money(totalCurrent - totalPrevious),
                        derivation: .difference(
                            CellRef(row: totalRow, column: 2), minus: CellRef(row: totalRow, column: 1))),
                    ReportCell(
                        Ratio.change(from: totalPrevious.pence, to: totalCurrent.pence).map(CellValue.percent)
                            ?? .notApplicable,
                        derivation: .percentChange(
                            from: CellRef(row: totalRow, column: 1), to: CellRef(row: totalRow, column: 2))),
                    ReportCell(
                        .percent(Ratio(1, 1)!),
                        derivation: .share(CellRef(row: totalRow, column: 2), of: CellRef(row: totalRow, column: 2))),
                ], role: .total))
        return ReportTable(
            id: "finance-contributions", title: financeTitle,
            columns: [
                ReportColumn("Partner", .label), ReportColumn("2021-22", .money),
                ReportColumn("2022-23", .money), ReportColumn("Change", .money),
                ReportColumn("Change %", .percent(decimals: 1)),
                ReportColumn("Share", .percent(decimals: 0)),
            ],
            rows: rows, notes: ["Health joined in 2022-23."])
    }

    static var attendances: ReportTable {
        let years = ["2020-21", "2021-22", "2022-23"]
        let courses: [Int64] = [400, 520, 610]
        let conferences: [Int64] = [0, 150, 444]
        var rows: [ReportRow] = []
        for i in years.indices {
            rows.append(
                ReportRow([
                    .text(years[i]), .count(courses[i]), .count(conferences[i]),
                    ReportCell(
                        .count(courses[i] + conferences[i]),
                        derivation: .sum([CellRef(row: i, column: 1), CellRef(row: i, column: 2)])),
                ]))
        }
        let column = { (c: Int) in years.indices.map { CellRef(row: $0, column: c) } }
        rows.append(
            ReportRow(
                [
                    .text("Total"),
                    ReportCell(.count(courses.reduce(0, +)), derivation: .sum(column(1))),
                    ReportCell(.count(conferences.reduce(0, +)), derivation: .sum(column(2))),
                    ReportCell(.count(courses.reduce(0, +) + conferences.reduce(0, +)), derivation: .sum(column(3))),
                ], role: .total))
        return ReportTable(
            id: "training-attendances", title: "Attendances per year",
            columns: [
                ReportColumn("Year", .label), ReportColumn("Courses", .count),
                ReportColumn("Conferences", .count), ReportColumn("Total", .count),
            ],
            rows: rows)
    }

    /// Same title as `finance`, forbidden characters, a group row and a percent column.
    static var reviews: ReportTable {
        ReportTable(
            id: "reviews", title: "Reviews: rapid/LCSPR [all] *?",
            columns: [
                ReportColumn("Type", .label), ReportColumn("Count", .count),
                ReportColumn("Share", .percent(decimals: 0)),
            ],
            rows: [
                ReportRow([.text("Reviews"), .empty, .empty], role: .group),
                ReportRow([
                    .text("Rapid reviews"), .count(3),
                    ReportCell(
                        .percent(Ratio(3, 8)!),
                        derivation: .share(CellRef(row: 1, column: 1), of: CellRef(row: 3, column: 1))),
                ]),
                ReportRow([
                    .text("LCSPRs"), .count(5),
                    ReportCell(
                        .percent(Ratio(5, 8)!),
                        derivation: .share(CellRef(row: 2, column: 1), of: CellRef(row: 3, column: 1))),
                ]),
                ReportRow(
                    [
                        .text("Total"),
                        ReportCell(
                            .count(8), derivation: .sum([CellRef(row: 1, column: 1), CellRef(row: 2, column: 1)])),
                        .empty,
                    ], role: .total),
            ])
    }

    static var duplicateTitle: ReportTable {
        ReportTable(
            id: "finance-again", title: financeTitle,
            columns: [ReportColumn("Line", .label), ReportColumn("Amount", .money)],
            rows: [ReportRow([.text("Training"), ReportCell(money(1_234, 50))])])
    }

    static var report: Report {
        Report(
            title: "=Safeguarding Children Partnership annual report 2022-23", partnership: "Example SCP",
            year: FinancialYear(startYear: 2022),
            sections: [
                ReportSection(title: "Finance", tables: [finance, duplicateTitle]),
                ReportSection(
                    title: "Training", tables: [attendances],
                    charts: [
                        ChartSpec(
                            id: "attendance-trend", title: "Attendances per year", tableID: "training-attendances",
                            rows: [0, 1, 2], seriesColumns: [1, 2], style: .stackedColumn,
                            xAxisTitle: "Year", yAxisTitle: "Attendances"),
                        ChartSpec(
                            id: "first-and-last", title: "First and last year", tableID: "training-attendances",
                            rows: [0, 2], seriesColumns: [3], style: .bar, xAxisTitle: "Year", yAxisTitle: "Attendances"
                        ),
                    ]),
                ReportSection(title: "Reviews", tables: [reviews]),
                ReportSection(title: "Videos", notes: ["No videos records: section left out."]),
            ],
            dataQuality: DataQuality(
                ledger: [
                    FileLedger(file: "training.csv", dataset: "training", read: 10, used: 9, rejected: 1),
                    FileLedger(file: "finance.csv", dataset: "finance", read: 12, used: 12, rejected: 0),
                ],
                notes: ["training.csv: unknown column 'room' ignored."],
                rejected: [RejectedRow(file: "training.csv", line: 7, reason: "bad date '31/02/2022'", fields: [])]))
    }

    /// Writes `report` into a fresh temporary folder and returns the file.
    static func write(
        _ report: Report = report, timestamp: Date? = Date(timeIntervalSince1970: 1_680_264_000),
        name: String = "annual-report.xlsx"
    ) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        do {
            try XLSXWriter(documentTimestamp: timestamp).write(report, to: url)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return url
    }

    /// Writes `report`, reads the workbook back and removes the scratch folder.
    static func readBack(
        _ report: Report = report,
        timestamp: Date? = Date(timeIntervalSince1970: 1_680_264_000)
    ) throws -> XLSXReadBack {
        let url = try write(report, timestamp: timestamp)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        return try XLSXReadBack(url: url)
    }

    /// The bytes of the written workbook.
    static func bytes(
        _ report: Report = report, timestamp: Date? = Date(timeIntervalSince1970: 1_680_264_000),
        name: String = "annual-report.xlsx"
    ) throws -> Data {
        let url = try write(report, timestamp: timestamp, name: name)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        return try Data(contentsOf: url)
    }
}

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
        #expect(checked >= 25)
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

/// The workbook of the shipped sample (`Inputs/`), built by the real ingest and compute: it
/// writes, every stored figure agrees with its formula, and sheet names keep Excel's rules.
@Suite struct XLSXSampleInputsTests {
    static let inputs = sampleInputs

    @Test(.enabled(if: FileManager.default.fileExists(atPath: inputs.path)))
    func sampleWorkbookRecomputes() throws {
        let ingest = InputFolder.read(Self.inputs)
        let report = try ReportBuilder.build(ingest)
        // XLSX_KEEP=/path/file.xlsx keeps a copy to open in Excel or LibreOffice.
        if let keep = ProcessInfo.processInfo.environment["XLSX_KEEP"] {
            try XLSXWriter(documentTimestamp: nil).write(report, to: URL(fileURLWithPath: keep))
        }
        let book = try XLSXSample.readBack(report, timestamp: nil)
        #expect(book.sheets.first?.name == "Summary")
        #expect(book.sheets.last?.name == "Data quality")
        #expect(book.sheets.count == report.tables.count + 1)
        let names = book.sheets.map(\.name)
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        var formulas = 0
        for sheet in book.sheets {
            let evaluator = XLSXFormulaEvaluator(sheet: sheet)
            for (address, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) {
                guard let formula = cell.formula else { continue }
                formulas += 1
                switch (evaluator.evaluate(formula), evaluator.stored(address)) {
                case (.number(let a), .number(let b)):
                    #expect(abs(a - b) <= 1e-9 * max(1, abs(a)), "\(sheet.name)!\(address) =\(formula)")
                case (let computed, let stored):
                    #expect(computed == stored, "\(sheet.name)!\(address) =\(formula)")
                }
            }
        }
        #expect(formulas > 0)
        let charts = report.sections.flatMap(\.charts).count
        #expect(book.sheets.flatMap(\.charts).count == charts)
        #expect(try XLSXSample.bytes(report, timestamp: nil) == XLSXSample.bytes(report, timestamp: nil))
    }
}
