import Foundation
import Testing

@testable import AnnualReportKit

/// The Wilcoxon signed-rank test against SciPy 1.17's
/// `wilcoxon(after, before, zero_method="wilcox", correction=False, method="approx")`.
@Suite struct WilcoxonTests {
    @Test func matchesTheReferenceWithTiesAndZeroDifferences() throws {
        // 12 pairs, two zero differences dropped, tied ranks: SciPy p = 0.003510470737, W+ = 55, n = 10.
        let r = try #require(Wilcoxon.test([2, 1, 0, 1, 1, 2, 1, 0, 2, 1, 1, 1]))
        #expect(r.n == 10)
        #expect(r.wPlus == 55)
        #expect(abs(r.p - 0.003510470737) < 1e-9)
        // Mixed signs with ties: SciPy p = 0.189783401217.
        let mixed = try #require(Wilcoxon.test([1, 0, -1, 1, 0, 1, 2, 0, -1, 2, 1, -1]))
        #expect(abs(mixed.p - 0.189783401217) < 1e-9)
    }

    /// Wikipedia's worked example (10 pairs, one tie at zero): W = 9 as the signed-rank sum,
    /// i.e. W+ = 18 of n = 9; SciPy p = 0.593630591443.
    @Test func theWorkedExample() throws {
        let before: [Int64] = [125, 115, 130, 140, 140, 115, 140, 125, 140, 135]
        let after: [Int64] = [110, 122, 125, 120, 140, 124, 123, 137, 135, 145]
        let r = try #require(Wilcoxon.test(zip(after, before).map { $0 - $1 }))
        #expect(r.n == 9)
        #expect(r.wPlus == 18)
        #expect(abs(r.z - -0.533582250055877) < 1e-9)
        #expect(abs(r.p - 0.593630591443) < 1e-9)
    }

    @Test func noChangeIsNothingToTest() {
        #expect(Wilcoxon.test([0, 0, 0]) == nil)
        #expect(Wilcoxon.pText(0.0009) == "< 0.001")
        #expect(Wilcoxon.pText(0.0035104) == "0.004")
        #expect(Wilcoxon.pText(0.0012969) == "0.001")
    }
}
