import Foundation
import Testing

@testable import AnnualReportKit

/// Instalments and refunds are summed with a note naming each line; a negative sum is an error.
@Suite(.serialized) struct FinanceInstalmentTests {
    static let ledger = """
        year,type,line,amount
        2023-24,contribution,Northmoor Council,"60,000.00"
        2023-24,contribution,Northmoor Police,"40,000"
        2023-24,contribution,Northmoor Council,"60,000.00"
        2023-24,contribution,Northmoor Police,(2500)
        2023-24,expenditure,Staffing,"70,000"

        """

    @Test func instalmentsAndARefundAreSummedWithANote() throws {
        let dir = Workdir()
        dir.write("in/finance.csv", Self.ledger)
        let result = try run(["build", "--inputs", "in", "--out", "out", "--format", "md"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr.contains(
                "finance.csv:2: note: 2 lines for the contribution 'Northmoor Council' in 2023-24 are added together: £60,000 (line 2) + £60,000 (line 4) = £120,000; check that none is entered twice"
            ))
        #expect(
            result.stderr.contains(
                "finance.csv:3: note: 2 lines for the contribution 'Northmoor Police' in 2023-24 are added together: £40,000 (line 3) + -£2,500 (line 5) = £37,500"
            ))
        #expect(
            dir.read("out/2023-24/annual-report.md")?.contains("Partner contributions totalled £157,500 in 2023-24")
                == true)
    }

    @Test func aPartnerWhoseContributionsSumBelowZeroIsAnError() throws {
        let dir = Workdir()
        dir.write("in/finance.csv", Self.ledger + "2023-24,contribution,Northmoor Health,(100)\n")
        let result = try run(["check", "--inputs", "in"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "finance.csv:7: error: the contribution 'Northmoor Health' in 2023-24 sums to -£100; expected a partner's contributions in a year to come to £0 or more"
            ))
    }
}
