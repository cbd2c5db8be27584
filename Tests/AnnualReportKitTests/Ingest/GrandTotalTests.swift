import Foundation
import Testing

@testable import AnnualReportKit

/// A summary row directly under other summary rows, with none of its own rows left, totals
/// their block (`Grand total` under `Total SCP contributions` and `Total SAB contributions`);
/// a dated record whose title begins with a total word (`Total Respect`) is a record.
@Suite struct GrandTotalTests {
    func controlTotals(_ result: IngestResult, _ file: String) -> [String] {
        result.diagnostics.filter { $0.file == file && $0.message.contains("control total") }.map(\.description)
    }

    /// Trial f8: a Windows-1252 ledger with a total per board, then the grand total of both.
    @Test func aGrandTotalUnderBoardTotalsIsCheckedAgainstTheirRows() throws {
        let dir = try trialFixture("f8-ledger-totals")
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [[19, 15, 0, 4]])
        #expect(
            controlTotals(result, "finance.csv") == [
                "finance.csv:12:41: note: control total £209,000 (amount) in the 'Total SCP contributions' row agrees with the 4 rows above it for year 2023-24, type income",
                "finance.csv:15:41: note: control total £125,000 (amount) in the 'Total SAB contributions' row agrees with the 2 rows above it for year 2023-24, type income",
                "finance.csv:16:29: note: control total £334,000 (amount) in the 'Grand total' row agrees with the 6 rows above it for year 2023-24, type income, as totalled by the summary rows above it ('Total SCP contributions' on line 12, 'Total SAB contributions' on line 15)",
                "finance.csv:20:35: note: control total £277,500 (amount) in the 'Sum of expenditure' row agrees with the 3 rows above it for year 2023-24, type spend",
            ])
    }

    /// Only a grand total that disagrees with its block is an error, naming both figures.
    @Test func aGrandTotalThatDisagreesNamesBothFigures() throws {
        let dir = try trialFixture("f8-ledger-totals")
        let url = dir.url.appendingPathComponent("in/finance.csv")
        let bytes = try [UInt8](Data(contentsOf: url))
        let text = String(decoding: bytes.map { $0 == 0xA3 ? UInt8(ascii: "#") : $0 }, as: UTF8.self)
            .replacingOccurrences(of: "Grand total,\"#334,000.00\"", with: "Grand total,\"#335,000.00\"")
        try Data(text.utf8.map { $0 == UInt8(ascii: "#") ? 0xA3 : $0 }).write(to: url)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            result.errors.map(\.description) == [
                "finance.csv:16:29: error: control total £335,000 (amount) in the 'Grand total' row does not agree with the 6 rows above it for year 2023-24, type income (lines 8–14), as totalled by the summary rows above it ('Total SCP contributions' on line 12, 'Total SAB contributions' on line 15), which add up to £334,000, a difference of £1,000; expected the rows to add up to the total"
            ])
    }

    /// The training version: a total per kind of event, then the grand total of both.
    @Test func trainingTotalsPerKindThenAGrandTotal() throws {
        let dir = Workdir()
        dir.write(
            "in/training-2023-24.csv",
            """
            date,title,kind,attendees
            2023-05-01,Neglect Toolkit,course,10
            2023-05-02,Safer Sleep,course,15
            ,Total courses,,25
            2023-09-01,Annual Conference,conference,140
            2023-10-01,Exploitation Conference,conference,60
            ,Total conferences,,200
            ,Grand total,,225

            """)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [[7, 4, 0, 3]])
        #expect(
            controlTotals(result, "training-2023-24.csv") == [
                "training-2023-24.csv:4:17: note: control total 25 (attendees) in the 'Total courses' row agrees with the 2 rows above it",
                "training-2023-24.csv:7:21: note: control total 200 (attendees) in the 'Total conferences' row agrees with the 2 rows above it",
                "training-2023-24.csv:8:15: note: control total 225 (attendees) in the 'Grand total' row agrees with the 4 rows above it, as totalled by the summary rows above it ('Total courses' on line 4, 'Total conferences' on line 7)",
            ])
        let delivery = try #require(try ReportBuilder.build(result).tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Attendances") == ["Attendances", "N/A", "225", "N/A", "N/A"])
    }

    /// A record between the totals and the grand total leaves the grand total its own rows.
    @Test func aGrandTotalAfterARecordTakesTheRunningRows() {
        let dir = Workdir()
        dir.write(
            "in/finance.csv",
            """
            year,type,line,amount
            2023-24,contribution,Council,100
            2023-24,Total,,100
            2023-24,contribution,Police,50
            2023-24,Grand total,,150

            """)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            controlTotals(result, "finance.csv") == [
                "finance.csv:3:16: note: control total £100 (amount) in the 'Total' row agrees with the 1 row above it for year 2023-24",
                "finance.csv:5:22: error: control total £150 (amount) in the 'Grand total' row does not agree with the 1 row above it for year 2023-24 (lines 4–4), which add up to £50, a difference of £100; expected the rows to add up to the total",
            ])
    }

    /// Trial f20: `2023-06-01,Total Respect,course,25` is a course whose 25 happens to equal
    /// the two rows above it, not their total.
    @Test func aDatedCourseCalledTotalRespectIsARecord() throws {
        let dir = try trialFixture("f20-total-respect")
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [[4, 4, 0, 0]])
        #expect(
            result.records.training?.map(\.title) == [
                "Neglect Toolkit", "Safer Sleep", "Total Respect", "Exploitation",
            ])
        let delivery = try #require(try ReportBuilder.build(result).tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Events delivered") == ["Events delivered", "N/A", "4", "N/A", "N/A"])
        #expect(delivery.display("Attendances") == ["Attendances", "N/A", "62", "N/A", "N/A"])
    }

    /// A dated row labelled only with a total word is still a summary row; an undated
    /// `Total courses` too.
    @Test func aDatedBareTotalAndAnUndatedTotalWordAreSummaryRows() {
        let dir = Workdir()
        dir.write(
            "in/training-2023-24.csv",
            """
            date,title,kind,attendees
            2023-05-01,Neglect Toolkit,course,10
            2023-05-02,Safer Sleep,course,15
            31/03/2024,Total:,,25
            2023-06-01,Total Respect,course,25
            ,Total courses,,25

            """)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [[5, 3, 0, 2]])
        #expect(
            controlTotals(result, "training-2023-24.csv") == [
                "training-2023-24.csv:4:20: note: control total 25 (attendees) in the 'Total:' row agrees with the 2 rows above it",
                "training-2023-24.csv:6:17: note: control total 25 (attendees) in the 'Total courses' row agrees with the 1 row above it",
            ])
    }
}
