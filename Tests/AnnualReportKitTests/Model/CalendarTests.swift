import Testing

@testable import AnnualReportKit

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
