import Foundation
import Testing

@testable import AnnualReportKit

/// Recommendations as at a year's end, from a tracker written as an office keeps one.
@Suite struct RecommendationTests {
    static let reviews = """
        reference,type,date
        LCSPR-2022-01,LCSPR,2022-05-03

        """

    func report(_ recommendations: String) throws -> (IngestResult, Report) {
        let dir = Workdir()
        dir.write("reviews.csv", Self.reviews)
        dir.write("recommendations.csv", recommendations)
        let input = InputFolder.read(dir.url)
        return (input, try ReportBuilder.build(input, year: FinancialYear(startYear: 2022)))
    }

    @Test func standingAtEachYearEnd() throws {
        let (input, report) = try report(
            """
            Review,No.,Lead agency,Date agreed,Target date,RAG status,Date completed,Recommendation
            LCSPR-2022-01,1,Police,2021-12-01,2022-02-28,Done,2022-02-10,Text that is never written out
            LCSPR-2022-01,2,Police,2022-06-01,2023-01-31,closed,2023-04-12,Completed after the year's end
            LCSPR-2022-01,3,,2022-06-01,2023-06-30,on track,,
            Neglect audit,1,Health,2022-10-01,2023-03-31,Embedded,2023-03-31,
            Neglect audit,2,Health,,2023-09-30,not yet started,,

            """)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let bySource = try #require(report.tables.first { $0.id == "recommendations-by-source" })
        #expect(
            bySource.displayRows == [
                ["LCSPR-2022-01", "3", "1", "2", "0", "1", "1"],
                ["Neglect audit", "2", "1", "0", "1", "0", "1"],
                ["Total", "5", "2", "2", "1", "1", "2"],
            ])
        let trend = try #require(report.tables.first { $0.id == "recommendations-trend" })
        #expect(
            trend.displayRows == [
                ["Recommendations", "1", "5"], ["Complete", "1", "2"], ["In progress", "0", "2"],
                ["Not started", "0", "1"], ["Overdue", "0", "1"], ["Completed by due date", "1", "2"],
            ])
        let owners = try #require(report.tables.first { $0.id == "recommendations-owners" })
        #expect(
            owners.displayRows == [
                ["Health", "2", "1", "0"], ["Police", "2", "1", "1"], ["Not recorded", "1", "1", "0"],
                ["Total", "5", "3", "1"],
            ])
        let overdue = try #require(report.tables.first { $0.id == "recommendations-overdue" })
        #expect(overdue.displayRows == [["LCSPR-2022-01", "2", "Police", "2023-01-31"]])
        let section = try #require(report.sections.first { $0.title == "Recommendations from reviews and audits" })
        #expect(
            section.paragraphs == [
                "Of the 5 recommendations from reviews and audits at 31 March 2023, 2 were complete, 2 in progress and 1 not started; 1 was overdue (31 March 2022: 1, of which 1 complete and 0 overdue)."
            ])
        #expect(section.notes == ["1 recommendation has no agreed date, so it is counted at 31 March 2023 only."])
        // The recommendation's text is read to be withheld, never written.
        #expect(!MarkdownWriter.markdown(report).contains("never written out"))
    }

    @Test func unknownStatusAndDatesOutOfOrderAreErrorsAtTheirCell() throws {
        let (input, _) = try report(
            """
            source,number,agreed,due,status,completed
            LCSPR-2022-01,1,2022-06-01,2023-01-31,nearly there,
            LCSPR-2022-01,2,2022-06-01,2023-01-31,in progress,2022-12-01
            LCSPR-2022-01,3,2022-06-01,2022-05-01,complete,2022-04-01
            LCSPR-2022-01,3,2022-06-01,2023-01-31,complete,

            """)
        #expect(
            input.errors.map(\.description) == [
                "recommendations.csv:2:39: error: unknown status 'nearly there'; expected one of: not started, in progress, complete, impact evidenced",
                "recommendations.csv:3:51: error: completed 2022-12-01 but status 'in progress'; expected status complete (or impact evidenced), or no completed date",
                "recommendations.csv:4:28: error: due 2022-05-01 before it was agreed 2022-06-01; expected a later date",
                "recommendations.csv:4:48: error: completed 2022-04-01 before it was agreed 2022-06-01; expected a later date",
            ])
    }

    @Test func anAbsentTrackerLeavesTheSectionOutWithANote() throws {
        let dir = Workdir()
        dir.write("reviews.csv", Self.reviews)
        let report = try ReportBuilder.build(InputFolder.read(dir.url), year: FinancialYear(startYear: 2022))
        #expect(!report.sections.contains { $0.title == "Recommendations from reviews and audits" })
        #expect(report.tables.allSatisfy { !$0.id.hasPrefix("recommendations") })
        #expect(
            report.dataQuality.notes.contains("No recommendations dataset was supplied; its sections are left out."))
    }
}
