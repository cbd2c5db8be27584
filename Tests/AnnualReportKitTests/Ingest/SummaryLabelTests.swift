import Foundation
import Testing

@testable import AnnualReportKit

/// A ledger line whose first word is `Total` is a control total, never a partner or a line.
@Suite(.serialized) struct SummaryLabelTests {
    @Test func totalContributionsIsCheckedNotAdded() throws {
        let dir = try scratchWithSample()
        let finance = dir.url.appendingPathComponent("Inputs/finance.csv")
        let text =
            try String(contentsOf: finance, encoding: .utf8) + "2022-23,contribution,Total contributions,364633.00,\n"
        try text.write(to: finance, atomically: true, encoding: .utf8)
        let result = try run(["build", "--format", "md"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            dir.read("Reports/2022-23/annual-report.md")?.contains("Partner contributions totalled £364,633 in 2022-23")
                == true)
        #expect(
            result.stderr.contains(
                "finance.csv:44:42: note: control total £364,633 (amount) in the 'Total contributions' row agrees with the 4 rows above it for year 2022-23, type contribution"
            ))
    }

    /// `Sum` is a summary label as `Total` is, matched on the label's first word only.
    @Test func sumLabelsAreControlTotalsNotPartners() {
        let dir = Workdir()
        dir.write(
            "in/finance.csv",
            """
            year,type,line,amount
            2022-23,contribution,Northmoor Council,"£120,000.00"
            2022-23,contribution,Summerfield Trust,"£40,000.00"
            2022-23,contribution,Sum of contributions,"£160,000.00"
            2022-23,expenditure,Training,"£15,250.50"
            2022-23,expenditure,Staffing,"£9,749.50"
            2022-23,expenditure,SUM:,"£25,000.00"
            2023-24,contribution,Northmoor Council,£10
            2023-24,Sum,,£10

            """)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [[8, 5, 0, 3]])
        #expect(
            result.records.finance?.map(\.line) == [
                "Northmoor Council", "Summerfield Trust", "Training", "Staffing", "Northmoor Council",
            ])
        #expect(
            result.diagnostics.filter { $0.file == "finance.csv" }.map(\.description) == [
                "finance.csv:4:43: note: control total £160,000 (amount) in the 'Sum of contributions' row agrees with the 2 rows above it for year 2022-23, type contribution",
                "finance.csv:7:26: note: control total £25,000 (amount) in the 'SUM:' row agrees with the 2 rows above it for year 2022-23, type expenditure",
                "finance.csv:9:14: note: control total £10 (amount) in the 'Sum' row agrees with the 1 row above it for year 2023-24",
            ])
    }

    @Test func theWiderRuleNeedsACheckableFigure() {
        #expect(ControlTotals.isSummaryLabel("Total SCP expenditure", leadingWord: true))
        #expect(ControlTotals.isSummaryLabel("Grand total income", leadingWord: true))
        #expect(!ControlTotals.isSummaryLabel("Total Respect", leadingWord: false))
        #expect(!ControlTotals.isSummaryLabel("Totally Safe", leadingWord: true))
        #expect(ControlTotals.isSummaryLabel("Sub-total:", leadingWord: false))
        #expect(ControlTotals.isSummaryLabel("Sum of contributions", leadingWord: true))
        #expect(ControlTotals.isSummaryLabel("SUM:", leadingWord: false))
        #expect(ControlTotals.isSummaryLabel("TOTAL:", leadingWord: false))
        #expect(!ControlTotals.isSummaryLabel("Summerfield Trust", leadingWord: true))
        #expect(!ControlTotals.isSummaryLabel("Sum of contributions", leadingWord: false))
    }
}
