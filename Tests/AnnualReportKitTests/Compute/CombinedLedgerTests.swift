import Foundation
import Testing

@testable import AnnualReportKit

/// A ledger shared by the children's partnership and the adults board: each board's figures
/// in tables of their own, never one board's added into the other's.
@Suite(.serialized) struct CombinedLedgerTests {
    /// Northmoor's ledger, of our own invention: capitalised headers in another order, a board on
    /// every row, both boards contributing, pounds written three ways, no configuration.
    static let ledger = """
        Year,Board,Type,Line,Amount
        2023-24,SCP,contribution,Northmoor Council,"£120,000.00"
        2023-24,SAB,contribution,Northmoor Council,"£95,000.00"
        2023-24,SCP,contribution,Northmoor Police,"£40,500.50"
        2023-24,SAB,contribution,Northmoor Police,"£30,000.00"
        2022-23,SCP,contribution,Northmoor Council,115000
        2022-23,SAB,contribution,Northmoor Council,90000
        2023-24,SCP,expenditure,Staffing,"100,000"
        2023-24,SAB,expenditure,Staffing,"80,000"
        2023-24,scp,expenditure,Training,"12,345.67"

        """

    @Test func withoutConfigurationTheChildrensBoardIsTheReportsWithANote() throws {
        let dir = Workdir()
        dir.write("in/finance-2023-24.csv", Self.ledger)
        let result = try run(["build", "--inputs", "in", "--out", "out", "--format", "md,csv"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr.contains(
                "finance-2023-24.csv: note: the ledger holds lines for the boards 'SCP', 'SAB'; the report's board is taken to be 'SCP'"
            ))
        let md = dir.read("out/2023-24/annual-report.md") ?? ""
        #expect(md.contains("SCP partner contributions totalled £160,500.50 in 2023-24 (2022-23: £115,000)."))
        #expect(md.contains("Contributions across all boards for 2023-24 were £285,500.50."))
        // SAB's own table
        #expect(md.contains("| **Total income** | **£90,000** | **£125,000** | **£35,000** | **38.9%** | **100%** |"))
        let balance = parseCSV(dir.read("out/2023-24/tables/finance-balance.csv") ?? "")
        #expect(
            balance.map(\.first) == [
                "Measure", "Income, SCP", "Income, all boards", "Expenditure, SCP", "Expenditure, all boards",
                "Income less expenditure",
            ])
        #expect(balance[1][2] == "160500.50" && balance[2][2] == "285500.50")
        #expect(balance[3][2] == "112345.67" && balance[4][2] == "192345.67")
        #expect(balance[5][2] == "93154.83")
        #expect(parseCSV(dir.read("out/2023-24/tables/finance-contributions-sab.csv") ?? "").last?[2] == "125000.00")
        #expect(parseCSV(dir.read("out/2023-24/tables/finance-expenditure-sab.csv") ?? "").last?[2] == "80000.00")
    }

    @Test func twoBoardsNeitherAChildrensOneIsAnErrorSayingWhatToAdd() throws {
        let dir = Workdir()
        dir.write(
            "in/finance.csv",
            Self.ledger.replacingOccurrences(of: "SCP", with: "North").replacingOccurrences(of: "scp", with: "north")
                .replacingOccurrences(of: "SAB", with: "South"))
        let result = try run(["build", "--inputs", "in", "--out", "out"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "finance.csv: error: the ledger holds lines for the boards 'North', 'South' and no configuration says which is the report's; expected `board: <name>` in annual-report.yaml"
            ))
        #expect(!dir.exists("out/2023-24"))
    }

    @Test func aConfiguredBoardTheLedgerDoesNotNameIsAnError() throws {
        let dir = Workdir()
        dir.write("in/finance.csv", Self.ledger)
        dir.write("in/annual-report.yaml", "board: LSCP\n")
        let result = try run(["check", "--inputs", "in"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "finance.csv: error: the configured board 'LSCP' names no line of the ledger, whose boards are 'SCP', 'SAB'"
            ))
    }

    @Test func theSampleShowsTheAdultsBoardsSpendingInItsOwnTable() throws {
        let report = try SampleInputs.report()
        let finance = try #require(report.sections.first { $0.title == "Finance" })
        let sab = try #require(finance.tables.first { $0.id == "finance-expenditure-sab" })
        #expect(sab.title == "SAB expenditure, 2021-22 and 2022-23")
        #expect(sab.displayRows.last == ["Total expenditure", "£131,595", "£132,275", "£680", "0.5%"])
        #expect(finance.paragraphs.first == "Partner contributions totalled £364,633 in 2022-23 (2021-22: £327,126).")
    }
}
