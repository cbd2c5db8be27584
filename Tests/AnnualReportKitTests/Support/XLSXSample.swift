import Foundation

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
