import Foundation
import Testing

@testable import AnnualReportKit

/// Absent is never zero: a year or dataset without records reads "not recorded".
@Suite struct AbsentIsNotZeroTests {
    @Test func oneYearOfFinanceSaysNotRecordedForTheYearBefore() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            "year,type,line,amount\n2022-23,contribution,Council,\"£364,633\"\n2022-23,expenditure,Staff,\"£300,000\"\n"
        )
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        let finance = try #require(report.sections.first { $0.title == "Finance" })
        #expect(finance.paragraphs == ["Partner contributions totalled £364,633 in 2022-23 (2021-22: not recorded)."])
        let income = try #require(report.tables.first { $0.id == "finance-contributions" })
        #expect(income.display("Total income") == ["Total income", "N/A", "£364,633", "N/A", "N/A", "100%"])
    }

    @Test func oneYearOfTrainingHasNoPreviousYearTable() throws {
        let dir = Workdir()
        dir.write("training.csv", "date,title,priorities,attendees\n2022-05-02,Online Safety,Digital Harm,30\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        #expect(report.tables.map(\.id).contains("priorities"))
        #expect(!report.tables.map(\.id).contains("priorities-previous"))
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Attendances") == ["Attendances", "N/A", "30", "N/A", "N/A"])
        #expect(delivery.display("Evaluations completed") == ["Evaluations completed", "N/A", "N/A", "N/A", "N/A"])
        #expect(
            report.sections[1].paragraphs == [
                "Overall training was delivered to 30 attendees over 1 training events in 2022-23 (2021-22: not recorded).",
                "30 delegates attended regular multi-agency courses, and a further 0 attended 0 conference and larger events.",
                "Evaluations completed in 2022-23: not recorded.",
            ])
    }

    @Test func aRejectedYearOfTrainingIsNotRecordedUnderKeepGoing() throws {
        let dir = Workdir()
        dir.write("training-2021-22.csv", "date,title,attendees\n2021-05-02,Online Safety,30\n")
        dir.write("training-2022-23.csv", "date,title,attendees\n2022-05-02,Online Safety,lots\n")
        dir.write("finance.csv", "year,type,line,amount\n2022-23,contribution,Council,100\n")
        let out = Workdir("out")
        let outcome = try ReportRun(inputs: dir.url, output: out.url, keepGoing: true).build()
        #expect(outcome.failed)
        let report = try #require(outcome.report)
        #expect(report.year.label == "2022-23")
        #expect(
            report.sections[1].paragraphs == ["Training in 2022-23: not recorded (the training records cover 2021-22)."]
        )
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Attendances") == ["Attendances", "30", "N/A", "N/A", "N/A"])
        #expect(out.read("2022-23/annual-report.md")?.contains("0 attendees") == false)
    }

    @Test func aYearInsideTheSpanWithoutRecordsIsARealZero() throws {
        let dir = Workdir()
        dir.write("reviews.csv", "reference,type,date\nRR-1,rapid review,2020-06-01\nRR-2,rapid review,2022-06-01\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url), year: FinancialYear(startYear: 2022))
        let trend = try #require(report.tables.first { $0.id == "reviews-trend" })
        #expect(
            trend.displayRows.map { Array($0.prefix(2)) } == [
                ["2020-21", "1"], ["2021-22", "0"], ["2022-23", "1"], ["Total", "2"],
            ])
        #expect(
            report.sections[3].paragraphs.first == "The partnership carried out 1 rapid review in 2022-23 (2021-22: 0)."
        )
    }

    @Test func videosOutsideTheReportYearAreNotRecorded() throws {
        let dir = Workdir()
        dir.write("videos.csv", "year,category,video,views\n2021-22,Online,Grooming,40\n")
        dir.write("training.csv", "date,title,attendees\n2022-05-02,Online Safety,30\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        let videos = try #require(report.sections.first { $0.title == "Training videos" })
        #expect(videos.tables.isEmpty)
        #expect(
            videos.paragraphs == ["Training video views in 2022-23: not recorded (the video records cover 2021-22)."])
    }
}
