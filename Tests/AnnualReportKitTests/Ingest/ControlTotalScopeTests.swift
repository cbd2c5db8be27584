import Foundation
import Testing

@testable import AnnualReportKit

/// A summary row totals the rows above it that share its filled key cells (year, type,
/// board), back to the previous summary row that took them: back-to-back totals for two
/// boards each check their own board's rows.
@Suite struct ControlTotalScopeTests {
    func messages(_ text: String) -> (ledger: [[Int]], messages: [String]) {
        let dir = Workdir()
        dir.write("in/finance.csv", text)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        return (
            result.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] },
            result.diagnostics.filter { $0.file == "finance.csv" && $0.message.contains("control total") }.map(
                \.description)
        )
    }

    static let ledger = """
        year,board,type,line,amount
        2023-24,SCP,contribution,Northmoor Council,60000
        2023-24,SAB,contribution,Northmoor Council,95000
        2023-24,SCP,contribution,Northmoor Police,40000
        2023-24,SAB,contribution,Northmoor Police,30000
        2023-24,SCP,contribution,Total contributions,100000
        2023-24,SAB,contribution,Total contributions,125000

        """

    @Test func backToBackBoardTotalsEachTakeTheirOwnRows() {
        let (ledger, messages) = messages(Self.ledger)
        #expect(ledger == [[6, 4, 0, 2]])
        #expect(
            messages == [
                "finance.csv:6:46: note: control total £100,000 (amount) in the 'Total contributions' row agrees with the 2 rows above it for year 2023-24, type contribution, board scp",
                "finance.csv:7:46: note: control total £125,000 (amount) in the 'Total contributions' row agrees with the 2 rows above it for year 2023-24, type contribution, board sab",
            ])
    }

    @Test func theSecondBoardsMismatchNamesItsOwnRows() {
        let (_, messages) = messages(
            Self.ledger.replacingOccurrences(of: "Total contributions,125000", with: "Total contributions,126000"))
        #expect(
            messages.last
                == "finance.csv:7:46: error: control total £126,000 (amount) in the 'Total contributions' row does not agree with the 2 rows above it for year 2023-24, type contribution, board sab (lines 3–5), which add up to £125,000, a difference of £1,000; expected the rows to add up to the total"
        )
    }

    /// A year's total leaves the other year's rows above it for that year's own total.
    @Test func rowsOfAnotherYearAboveATotalStayForTheirOwn() {
        let (ledger, messages) = messages(
            """
            year,type,line,amount
            2022-23,contribution,Council,100
            2023-24,contribution,Council,200
            2022-23,Total,,100
            2023-24,contribution,Police,50
            2023-24,Total,,250

            """)
        #expect(ledger == [[5, 3, 0, 2]])
        #expect(
            messages == [
                "finance.csv:4:16: note: control total £100 (amount) in the 'Total' row agrees with the 1 row above it for year 2022-23",
                "finance.csv:6:16: note: control total £250 (amount) in the 'Total' row agrees with the 2 rows above it for year 2023-24",
            ])
    }

    /// A rejected row is named by the total of its own board only.
    @Test func aRejectedRowIsNamedByItsOwnBoardsTotal() {
        let (ledger, messages) = messages(
            Self.ledger.replacingOccurrences(
                of: "SAB,contribution,Northmoor Police,30000", with: "SAB,contribution,Northmoor Police,30k"))
        #expect(ledger == [[6, 3, 1, 2]])
        #expect(
            messages == [
                "finance.csv:6:46: note: control total £100,000 (amount) in the 'Total contributions' row agrees with the 2 rows above it for year 2023-24, type contribution, board scp",
                "finance.csv:7:46: error: control total £125,000 (amount) in the 'Total contributions' row does not agree with the 1 row above it for year 2023-24, type contribution, board sab (lines 3–3), which add up to £95,000, a difference of £30,000; 1 rejected row is not in the sum; expected the rows to add up to the total",
            ])
    }
}
