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

@Suite struct CalendarTests {
    @Test func parsesBothDateForms() {
        #expect(CalendarDate(parsing: "2022-09-26") == CalendarDate(year: 2022, month: 9, day: 26))
        #expect(CalendarDate(parsing: "26/09/2022") == CalendarDate(year: 2022, month: 9, day: 26))
        #expect(CalendarDate(parsing: "31/02/2022") == nil)
        #expect(CalendarDate(parsing: "29/02/2024") != nil)
        #expect(CalendarDate(parsing: "09/26/2022") == nil)
        #expect(CalendarDate(parsing: "2022-9-26") == nil)
    }

    @Test func financialYears() {
        #expect(FinancialYear(label: "2022-23")?.startYear == 2022)
        #expect(FinancialYear(label: "2022/23")?.startYear == 2022)
        #expect(FinancialYear(label: "2022-2023")?.startYear == 2022)
        #expect(FinancialYear(label: "2022/2023")?.startYear == 2022)
        #expect(FinancialYear(label: "2022-24") == nil)
        #expect(FinancialYear(label: "1999-00")?.label == "1999-00")
        #expect(FinancialYear(containing: CalendarDate(year: 2023, month: 3, day: 31)!).label == "2022-23")
        #expect(FinancialYear(containing: CalendarDate(year: 2023, month: 4, day: 1)!).label == "2023-24")
    }
}

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
