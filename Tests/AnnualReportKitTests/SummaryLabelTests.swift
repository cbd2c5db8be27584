import Foundation
import Testing
@testable import AnnualReportKit

/// A ledger line whose first word is `Total` is a control total, never a partner or a line.
@Suite(.serialized) struct SummaryLabelTests {
    @Test func totalContributionsIsCheckedNotAdded() throws {
        let dir = try scratchWithSample()
        let finance = dir.url.appendingPathComponent("Inputs/finance.csv")
        let text = try String(contentsOf: finance, encoding: .utf8) + "2022-23,contribution,Total contributions,364633.00,\n"
        try text.write(to: finance, atomically: true, encoding: .utf8)
        let result = try run(["build", "--format", "md"], in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(dir.read("Reports/2022-23/annual-report.md")?.contains("Partner contributions totalled £364,633 in 2022-23") == true)
        #expect(result.stderr.contains("finance.csv:44:42: note: control total £364,633 (amount) in the 'Total contributions' row agrees with the 4 rows above it for year 2022-23, type contribution"))
    }

    @Test func theWiderRuleNeedsACheckableFigure() {
        #expect(ControlTotals.isSummaryLabel("Total SCP expenditure", leadingWord: true))
        #expect(ControlTotals.isSummaryLabel("Grand total income", leadingWord: true))
        #expect(!ControlTotals.isSummaryLabel("Total Respect", leadingWord: false))
        #expect(!ControlTotals.isSummaryLabel("Totally Safe", leadingWord: true))
        #expect(ControlTotals.isSummaryLabel("Sub-total:", leadingWord: false))
    }
}
