import Foundation
import Testing

@testable import AnnualReportKit

/// The year a report chooses by itself is the latest with activity; when that year holds
/// records of fewer datasets than the year before, a warning says so and how to choose.
@Suite(.serialized) struct DefaultYearTests {
    /// The trial's f15: one rapid review of April 2024 and everything else in 2023-24.
    static func partialYear(_ dir: Workdir, config: String? = nil, under folder: String = "") {
        let dir = Folder(dir: dir, prefix: folder)
        dir.write("training-2023-24.csv", "date,title,kind,status,attendees\n2023-06-01,Neglect,course,delivered,20\n")
        dir.write(
            "finance.csv",
            "year,type,line,amount\n2023-24,contribution,Wyvern County Council,100000\n2024-25,budget,Wyvern County Council,105000\n"
        )
        dir.write("audits-2023-24.csv", "audit,date,agency,cases\nNeglect,10/10/2023,Children's Social Care,8\n")
        dir.write(
            "recommendations.csv", "source,number,agreed,due,status\nRR-2023-01,1,01/06/2023,31/10/2023,in progress\n")
        dir.write(
            "reviews.csv",
            "reference,type,date\nRR-2023-01,rapid review,14/04/2023\nRR-2024-01,rapid review,15/04/2024\n")
        if let config { dir.write("annual-report.yaml", config) }
    }

    static let warning =
        "the report is on 2024-25, the latest year with records, which holds records of reviews only; training, finance, recommendations and audits have records in 2023-24 but none in 2024-25. To report on 2023-24, run with --year 2023-24 or set `reporting_year: 2023-24` in annual-report.yaml"

    @Test func aYearWithFewerDatasetsThanTheYearBeforeIsWarnedOf() throws {
        let dir = Workdir()
        Self.partialYear(dir)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let report = try ReportBuilder.build(input)
        #expect(report.year == FinancialYear(startYear: 2024))
        #expect(report.dataQuality.notes.first == "warning: " + Self.warning)
        #expect(
            ReportRun(inputs: dir.url, output: dir.url.appendingPathComponent("Reports")).yearWarning(input)
                == Self.warning)
    }

    /// A year chosen on the command line or in the configuration is what the user asked for.
    @Test func aChosenYearHasNoWarning() throws {
        let dir = Workdir()
        Self.partialYear(dir)
        let input = InputFolder.read(dir.url)
        #expect(
            ReportRun(inputs: dir.url, output: dir.url, year: FinancialYear(startYear: 2024)).yearWarning(input) == nil)
        let report = try ReportBuilder.build(input, year: FinancialYear(startYear: 2023))
        #expect(!report.dataQuality.notes.contains { $0.hasPrefix("warning: the report is on") })
        let configured = Workdir()
        Self.partialYear(configured, config: "reporting_year: 2024-25\n")
        let input2 = InputFolder.read(configured.url)
        #expect(ReportRun(inputs: configured.url, output: configured.url).yearWarning(input2) == nil)
    }

    /// A latest year with as many datasets as the year before is not warned of.
    @Test func aFullLatestYearHasNoWarning() throws {
        let dir = Workdir()
        dir.write(
            "reviews.csv",
            "reference,type,date\nRR-2023-01,rapid review,14/04/2023\nRR-2024-01,rapid review,15/04/2024\n")
        dir.write(
            "finance.csv", "year,type,line,amount\n2023-24,contribution,Council,100\n2024-25,contribution,Council,100\n"
        )
        let input = InputFolder.read(dir.url)
        #expect(ReportRun(inputs: dir.url, output: dir.url).yearWarning(input) == nil)
    }

    /// The command line prints it after the inputs' own diagnostics, in `build` and `check`.
    @Test func theCommandLinePrintsIt() throws {
        let dir = Workdir()
        Self.partialYear(dir, under: "Inputs/")
        let built = try run([], in: dir)
        #expect(built.status == 0, "\(built)")
        #expect(built.stderr.contains("warning: " + Self.warning + "\n"))
        #expect(built.stdout.contains("Wrote Reports/2024-25/"))
        let checked = try run(["check"], in: dir)
        #expect(checked.stderr.contains("warning: " + Self.warning + "\n"))
        #expect(
            dir.read("Reports/2024-25/annual-report.md")?.contains(
                "- warning: the report is on 2024-25, the latest year with records") == true)
    }

    /// Files written under a folder of a `Workdir`.
    struct Folder {
        let dir: Workdir, prefix: String
        func write(_ path: String, _ text: String) { dir.write(prefix + path, text) }
    }
}
