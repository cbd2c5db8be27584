import Foundation
import Testing

@testable import AnnualReportKit

/// A second partnership unlike the sample: its own partners and priorities, no configuration
/// file, contributions but no expenditure, no videos, one year of reviews, headers and values
/// as an office writes them, and a `Total` row in every file.
@Suite struct SecondPartnershipTests {
    static func inputs() -> Workdir {
        let dir = Workdir("borsetshire")
        dir.write(
            "training.csv",
            """
            Date of Event,Course Title,Type,Priority,Number Attended,Evaluations
            02/05/2023,Online Safety,course,Digital Harm,30,12
            10 June 2023,Exploitation Summit,conference,Digital Harm; Exploitation,200,80
            15-Jan-24,Online  Safety,course,,25,10
            01/11/2022,Online Safety,course,Exploitation,18,9

            Total,,,,273,111
            """)
        dir.write(
            "finance.csv",
            """
            Financial Year,Type,Partner,Amount
            2022/23,contribution,Borsetshire Council,"£50,000"
            2022/23,contribution,Borsetshire Health Board," £ 8,000.00 "
            2022/23,Total,,"£58,000"
            2023/24,contribution,Borsetshire Council,"£52,500.50"
            2023/24,contribution,Borsetshire  Health Board,"£10,000"
            2023/24,contribution,Borsetshire Police, £ -   \u{20}
            2023/24,Total,,"£62,500.50"
            """)
        dir.write(
            "reviews.csv",
            """
            reference,type,date,published,sex,ethnicity,age_group,count
            RR-1,rapid review,2023-06-01,,Male,White British,baby,
            RR-2,rapid review,2023-09-12,,Female,Asian,teenager,
            LCSPR-1,LCSPR,2023-10-01,,Male,White British,baby,
            Total,,,,,,,3
            """)
        return dir
    }

    /// Every row read and used, and each control total checked against the rows above it.
    @Test func readsEveryRowAndChecksItsTotals() throws {
        let dir = Self.inputs()
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.ledger.map { [$0.file, "\($0.read)", "\($0.used)", "\($0.rejected)", "\($0.controlTotals)"] } == [
                ["training.csv", "5", "4", "0", "1"],
                ["reviews.csv", "4", "3", "0", "1"],
                ["finance.csv", "7", "5", "0", "2"],
            ])
        #expect(
            input.notes.map(\.description).filter { $0.contains("control total") } == [
                "finance.csv:4:16: note: control total £58,000 (amount) in the 'Total' row agrees with the 2 rows above it for year 2022-23",
                "finance.csv:8:16: note: control total £62,500.50 (amount) in the 'Total' row agrees with the 3 rows above it for year 2023-24",
                "reviews.csv:5:13: note: control total 3 (count) in the 'Total' row agrees with the 3 rows above it",
                "training.csv:7:10: note: control total 273 (attendees) in the 'Total' row agrees with the 4 rows above it",
                "training.csv:7:14: note: control total 111 (evaluations) in the 'Total' row agrees with the 4 rows above it",
            ])
    }

    /// The report built from the partnership's inputs, and its tables by id.
    static func report() throws -> (report: Report, table: (String) throws -> ReportTable) {
        let dir = Self.inputs()
        let input = withExtendedLifetime(dir) { InputFolder.read(dir.url) }
        let report = try ReportBuilder.build(input)
        #expect(report.year.label == "2023-24")
        return (report, { id in try #require(report.tables.first { $0.id == id }, "no table \(id)") })
    }

    /// The training tables and sentences, priority by priority.
    @Test func trainingFigures() throws {
        let (report, table) = try Self.report()
        #expect(
            try table("priorities").displayRows == [
                ["Digital Harm", "2", "230", "N/A", "230"],
                ["Exploitation", "1", "200", "N/A", "200"],
                ["Total", "3", "430", "N/A", "430"],
            ])
        #expect(
            try table("priorities-previous").displayRows == [
                ["Exploitation", "1", "18", "N/A", "18"],
                ["Total", "1", "18", "N/A", "18"],
            ])
        let delivery = try table("training-delivery")
        #expect(delivery.display("Events delivered") == ["Events delivered", "1", "3", "2", "200.0%"])
        #expect(delivery.display("Attendances") == ["Attendances", "18", "255", "237", "1316.7%"])
        #expect(delivery.display("Evaluations completed") == ["Evaluations completed", "9", "102", "93", "1033.3%"])
        #expect(
            try table("conferences").displayRows == [
                ["Exploitation Summit", "1", "200", "80"], ["Total", "1", "200", "80"],
            ])
        // Runs of spaces collapse: "Online  Safety" is the same course.
        #expect(
            report.sections[1].paragraphs[0]
                == "Overall training was delivered to 255 attendees over 3 training events in 2023-24 (2022-23: 18 over 1)."
        )

    }

    /// Contributions as recorded; expenditure, never recorded, is N/A, not £0.
    @Test func financeFigures() throws {
        let (report, table) = try Self.report()
        let contributions = try table("finance-contributions")
        #expect(
            contributions.displayRows == [
                ["Borsetshire Council", "£50,000", "£52,500.50", "£2,500.50", "5.0%", "84%"],
                ["Borsetshire Health Board", "£8,000", "£10,000", "£2,000", "25.0%", "16%"],
                ["Borsetshire Police", "N/A", "£0", "N/A", "N/A", "0%"],
                ["Total income", "£58,000", "£62,500.50", "£4,500.50", "7.8%", "100%"],
            ])
        #expect(report.tables.first { $0.id == "finance-expenditure" } == nil)
        #expect(
            try table("finance-balance").displayRows == [
                ["Total income", "£58,000", "£62,500.50", "£4,500.50", "7.8%"],
                ["Total expenditure", "N/A", "N/A", "N/A", "N/A"],
                ["Income less expenditure", "N/A", "N/A", "N/A", "N/A"],
            ])
        let finance = try #require(report.sections.first { $0.title == "Finance" })
        #expect(
            finance.paragraphs == [
                "Partner contributions totalled £62,500.50 in 2023-24 (2022-23: £58,000).",
                "Expenditure in 2022-23 and 2023-24: not recorded.",
            ])
        #expect(finance.charts.map(\.id) == ["contributions"])

    }

    /// Reviews by type and children; videos absent, so that section says so.
    @Test func reviewAndVideoFigures() throws {
        let (report, table) = try Self.report()
        #expect(try table("reviews-trend").displayRows == [["2023-24", "2", "1", "0"], ["Total", "2", "1", "0"]])
        let reviews = try #require(report.sections.first { $0.title == "Child safeguarding practice reviews" })
        #expect(
            reviews.paragraphs[0] == "The partnership carried out 2 rapid reviews in 2023-24 (2022-23: not recorded).")
        #expect(
            try table("children-sex").displayRows == [
                ["Male", "2", "67%"], ["Female", "1", "33%"], ["Total", "3", "100%"],
            ])

        let videos = try #require(report.sections.first { $0.title == "Training videos" })
        #expect(videos.tables.isEmpty)
        #expect(videos.notes == ["No video records were supplied (no videos*.csv), so this section has no tables."])
        #expect(
            report.sections[0].paragraphs == [
                "Digital Harm: 2 sessions were delivered to 230 attendees, and video views: not recorded.",
                "Exploitation: 1 session was delivered to 200 attendees, and video views: not recorded.",
            ])
    }

    @Test func everyFormatIsWrittenAndNoZeroStandsForMissingData() throws {
        let dir = Self.inputs()
        let out = Workdir("borsetshire-out")
        let outcome = try ReportRun(inputs: dir.url, output: out.url).build()
        #expect(!outcome.failed)
        let md = try #require(out.read("2023-24/annual-report.md"))
        #expect(!md.contains("and 0 people watched"))
        #expect(!md.contains("£0)"))
        #expect(out.exists("2023-24/annual-report.xlsx"))
        #expect(
            out.read("2023-24/tables/finance-balance.csv") == """
                Measure,2022-23,2023-24,Change,% change
                Total income,58000.00,62500.50,4500.50,7.8
                Total expenditure,,,,
                Income less expenditure,,,,

                """)
        #expect(out.read("2023-24/tables/data-quality.csv")?.contains("training.csv,training,5,4,0,1") == true)
    }
}
