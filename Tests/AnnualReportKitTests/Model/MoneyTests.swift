import Testing

@testable import AnnualReportKit

@Suite struct MoneyTests {
    @Test func parsesPublishedForms() {
        #expect(Money(parsing: "£102,496")?.pence == 10_249_600)
        #expect(Money(parsing: "102496.00")?.pence == 10_249_600)
        #expect(Money(parsing: "-£1,000")?.pence == -100_000)
        #expect(Money(parsing: "(1,000)")?.pence == -100_000)
        #expect(Money(parsing: "£1,234.5")?.pence == 123_450)
        #expect(Money(parsing: "12.345") == nil)
        #expect(Money(parsing: "1,00") == nil)
        #expect(Money(parsing: "£") == nil)
        #expect(Money(parsing: "99999999999999999999") == nil)
    }

    @Test func formatsWholePoundsAndPence() {
        #expect(Money(pounds: 119_266).formatted == "£119,266")
        #expect(Money(pence: 123_450).formatted == "£1,234.50")
        #expect(Money(pence: -100_000).formatted == "-£1,000")
        #expect(Money(pence: 10_249_600).plainPounds == "102496.00")
        #expect(Money(pence: -5).plainPounds == "-0.05")
    }
}
