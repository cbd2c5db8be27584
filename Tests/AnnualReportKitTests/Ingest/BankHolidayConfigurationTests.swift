import Foundation
import Testing

@testable import AnnualReportKit

/// The configuration's `bank_holidays:`.
@Suite struct BankHolidayConfigurationTests {
    private func parse(_ yaml: String) -> (ReportConfiguration, [String]) {
        let (config, diagnostics) = ConfigurationLoader.parse(Data(yaml.utf8), file: "annual-report.yaml")
        return (config, diagnostics.map(\.description))
    }

    @Test func readsAListOfISODates() {
        let (config, messages) = parse("partnership: X\nbank_holidays: [2024-12-27, 2025-12-29]\n")
        #expect(messages == [])
        #expect(
            config.bankHolidays == [
                CalendarDate(year: 2024, month: 12, day: 27)!, CalendarDate(year: 2025, month: 12, day: 29)!,
            ])
        #expect(parse("partnership: X\n").0.bankHolidays == [])
    }

    @Test func aBadDateIsAnErrorAtItsLineAndColumn() {
        let (config, messages) = parse(
            """
            partnership: X
            bank_holidays:
              - 2024-12-27
              - 2024-02-30
              - 27/12/2024
            """)
        #expect(
            messages == [
                "annual-report.yaml:4:5: error: bank holiday '2024-02-30' is not a date written as 2024-12-27",
                "annual-report.yaml:5:5: error: bank holiday '27/12/2024' is not a date written as 2024-12-27",
            ])
        #expect(config.bankHolidays == [CalendarDate(year: 2024, month: 12, day: 27)!])
        #expect(
            parse("bank_holidays: {a: 1}\n").1 == [
                "annual-report.yaml:1:16: error: bank_holidays must be a list of dates such as [2024-12-27]"
            ])
    }
}
