import Foundation
import Testing

@testable import AnnualReportKit

/// A ledger's amount column headed in thousands (`Amount (£000)`) is refused, never read as
/// pounds nor suggested as `amount`: `125` there is £125,000, not £125.
@Suite struct ThousandsHeaderTests {
    func errors(_ dir: Workdir) -> [String] {
        InputFolder.read(dir.url.appendingPathComponent("in")).diagnostics.filter { $0.file == "finance.csv" }.map(
            \.description)
    }

    /// Trial f14 as found: `Amount (£000)` mapped to `amount` in `columns:`.
    @Test func aMappedHeaderInThousandsIsAnErrorNamingIt() throws {
        let dir = try trialFixture("f14-thousands")
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            result.diagnostics.filter { $0.file == "finance.csv" }.map(\.description) == [
                "finance.csv:1: error: column 4 ('Amount (£000)') is read as 'amount', but its header says the figures are in thousands of pounds; expected pounds, as the report shows them: multiply its figures by 1,000 (125 becomes 125000) and name it 'amount'"
            ])
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected] } == [[6, 0, 6]])
        #expect(result.records.finance == [])
    }

    /// Without the mapping, the missing-column error does not offer `Amount (£000)` as `amount`.
    @Test func anUnmappedHeaderInThousandsIsNotSuggested() throws {
        let dir = try trialFixture("f14-thousands")
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("in/annual-report.yaml"))
        #expect(
            errors(dir) == [
                "finance.csv:1: note: ignored unknown column 'Amount (£000)'",
                "finance.csv:1: error: missing required column 'amount'; expected a header naming one of: amount, value, pounds; column 4 ('Amount (£000)') holds thousands of pounds, and the ledger must hold pounds: multiply its figures by 1,000 (125 becomes 125000) and name it 'amount'",
            ])
    }

    /// `Value £'000` (an alias's word with thousands) is refused unmapped and mapped; a header
    /// in pounds mapped the same way still reads.
    @Test func anotherFormOfThousandsIsRefusedAndPoundsRead() {
        let dir = Workdir()
        dir.write("in/finance.csv", "year,type,line,Value £'000\n2023-24,contribution,Council,125\n")
        #expect(
            errors(dir) == [
                "finance.csv:1: note: ignored unknown column 'Value £'000'",
                "finance.csv:1: error: missing required column 'amount'; expected a header naming one of: amount, value, pounds; column 4 ('Value £'000') holds thousands of pounds, and the ledger must hold pounds: multiply its figures by 1,000 (125 becomes 125000) and name it 'amount'",
            ])
        dir.write("in/annual-report.yaml", "columns:\n  finance:\n    amount: [\"Value £'000\"]\n")
        #expect(
            errors(dir) == [
                "finance.csv:1: error: column 4 ('Value £'000') is read as 'amount', but its header says the figures are in thousands of pounds; expected pounds, as the report shows them: multiply its figures by 1,000 (125 becomes 125000) and name it 'amount'"
            ])
        dir.write("in/finance.csv", "year,type,line,Value (£)\n2023-24,contribution,Council,125\n")
        dir.write("in/annual-report.yaml", "columns:\n  finance:\n    amount: [Value (£)]\n")
        #expect(errors(dir) == [])
    }

    @Test func theFormsOfThousands() {
        for header in [
            "Amount (£000)", "£'000", "Amount £ 000s", "Amount £k", "Amount (000)", "Amount in thousands", "Value '000",
            "GBP 000",
        ] {
            #expect(ThousandsHeader.says(header), "\(header)")
        }
        for header in ["Amount", "Amount (£)", "Pounds", "Value 2023-24", "Amount (GBP)"] {
            #expect(!ThousandsHeader.says(header), "\(header)")
        }
    }
}
