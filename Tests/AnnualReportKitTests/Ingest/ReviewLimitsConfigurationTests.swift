import Foundation
import Testing

@testable import AnnualReportKit

/// The configuration's `review_limits:`.
@Suite struct ReviewLimitsConfigurationTests {
    private func parse(_ yaml: String) -> (ReportConfiguration, [String]) {
        let (config, diagnostics) = ConfigurationLoader.parse(Data(yaml.utf8), file: "annual-report.yaml")
        return (config, diagnostics.map(\.description))
    }

    @Test func readsEitherLimitAndDefaultsTheOther() {
        #expect(parse("partnership: X\n").0.reviewLimits == ReviewLimits(notifyDays: 5, rapidReviewDays: 15))
        let (config, messages) = parse("review_limits:\n  rapid_review_days: 20\n")
        #expect(messages == [])
        #expect(config.reviewLimits == ReviewLimits(notifyDays: 5, rapidReviewDays: 20))
        #expect(
            parse("review_limits: {notify_days: 3, rapid_review_days: 10}\n").0.reviewLimits
                == ReviewLimits(notifyDays: 3, rapidReviewDays: 10))
    }

    @Test func badValuesAndUnknownKeysAreErrorsAtTheirLineAndColumn() {
        let (config, messages) = parse(
            """
            partnership: X
            review_limits:
              notify_days: 0
              rapid_review_days: 2.5
              panel_days: 3
            """)
        #expect(
            messages == [
                "annual-report.yaml:3:16: error: notify_days '0' is not a whole number of working days above 0; expected such as 5",
                "annual-report.yaml:4:22: error: rapid_review_days '2.5' is not a whole number of working days above 0; expected such as 15",
                "annual-report.yaml:5:3: error: unknown review limit 'panel_days'; expected notify_days or rapid_review_days",
            ])
        #expect(config.reviewLimits == ReviewLimits())
        #expect(
            parse("review_limits: 5\n").1 == [
                "annual-report.yaml:1:16: error: review_limits must map notify_days and rapid_review_days to working days, such as {notify_days: 5, rapid_review_days: 15}"
            ])
        #expect(
            parse("review_limits: {notify_days: -1, rapid_review_days: [15]}\n").1 == [
                "annual-report.yaml:1:30: error: notify_days '-1' is not a whole number of working days above 0; expected such as 5",
                "annual-report.yaml:1:53: error: rapid_review_days is not a whole number of working days above 0; expected such as 15",
            ])
    }
}
