import Testing

@testable import AnnualReportKit

@Suite struct RatioTests {
    @Test func roundsHalfAwayFromZero() {
        #expect(Ratio(825, 1000)!.percentText(decimals: 0) == "83%")
        #expect(Ratio(4, 5)!.percentText(decimals: 0) == "80%")
        #expect(Ratio(-1, 2000)!.percentText(decimals: 1) == "-0.1%")
        #expect(Ratio.change(from: 327_126, to: 364_633)!.percentText(decimals: 1) == "11.5%")
        #expect(Ratio.change(from: 0, to: 5) == nil)
        #expect(Ratio.change(from: nil, to: 5) == nil)
    }

    @Test func groupsThousands() {
        #expect(Count.grouped(2569) == "2,569")
        #expect(Count.grouped(100) == "100")
        #expect(Count.parseGrouped("1,054") == 1054)
        #expect(Count.parseGrouped("1,05") == nil)
        #expect(Count.parseGrouped("-3") == nil)
    }
}
