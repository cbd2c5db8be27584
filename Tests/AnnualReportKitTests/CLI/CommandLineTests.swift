import Foundation
import Testing

@testable import AnnualReportKit

@Suite(.serialized) struct CommandLineTests {
    @Test func noArgumentsBuildsTheSampleReport() throws {
        let dir = try scratchWithSample()
        let result = try run([], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Wrote Reports/2022-23/"))
        for file in [
            "annual-report.md", "annual-report.xlsx", "tables/finance-contributions.csv", "tables/data-quality.csv",
            "charts/attendances-per-year.svg",
        ] {
            #expect(dir.exists("Reports/2022-23/\(file)"), "missing \(file)")
        }
        #expect(!dir.exists("Reports/2022-23/rejects.csv"))
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: dir.url.appendingPathComponent("Reports").path)
        #expect(leftovers == ["2022-23"], "temporary folders left behind: \(leftovers)")
    }

    @Test func checkPrintsTheLedgerAndWritesNothing() throws {
        let dir = try scratchWithSample()
        let result = try run(["check"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("training-2022-23.csv     training             110      110        0        0"))
        #expect(result.stdout.contains("total                                        1131     1131        0        0"))
        #expect(!dir.exists("Reports"))
    }

    @Test func anErrorWritesNothingAndKeepsThePreviousReport() throws {
        let dir = try scratchWithSample()
        let first = try run([], in: dir)
        #expect(first.status == 0, "\(first)")
        let before = dir.read("Reports/2022-23/annual-report.md")
        dir.write(
            "Inputs/training-extra.csv",
            "date,title,attendees\n31/02/2023,Core Safeguarding,12\n2023-03-01,Core Safeguarding,9\n")
        let result = try run([], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "training-extra.csv:2:1: error: bad date '31/02/2023'; expected a real date such as 2022-09-26, 2022/09/26, 26/09/2022, 26/09/22, 26 September 2022, 26 Sep 2022, 26-Sep-22, Mon 26 Sep 2022 or 26/09/2022 09:30"
            ))
        #expect(result.stderr.contains("1 error in the inputs; nothing was written"))
        #expect(dir.read("Reports/2022-23/annual-report.md") == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.url.appendingPathComponent("Reports").path) == [
                "2022-23"
            ])
    }

    @Test func keepGoingWritesTheReportAndTheRejects() throws {
        let dir = try scratchWithSample()
        dir.write(
            "Inputs/training-extra.csv",
            "date,title,attendees\n31/02/2023,\"=HYPERLINK(\"\"x\"\")\",12\n2023-03-01,Core Safeguarding,9\n"
                + "2023-03-02,Core Safeguarding,\"=HYPERLINK(\"\"y\"\")\"\n")
        let result = try run(["build", "--keep-going"], in: dir)
        #expect(result.status == 1, "\(result)")
        let rejects = try #require(dir.read("Reports/2022-23/rejects.csv"))
        #expect(
            parseCSV(rejects) == [
                ["file", "line", "reason", "fields"],
                [
                    "training-extra.csv", "2",
                    "bad date '31/02/2023'; expected a real date such as 2022-09-26, 2022/09/26, 26/09/2022, 26/09/22, 26 September 2022, 26 Sep 2022, 26-Sep-22, Mon 26 Sep 2022 or 26/09/2022 09:30",
                    "31/02/2023", "(withheld)", "12",
                ],
                // A typed cell is shown, with a formula made text; the title (free text) never is.
                [
                    "training-extra.csv", "4",
                    "bad attendees '=HYPERLINK(\"y\")'; expected a whole number such as 1054 or 1,054",
                    "2023-03-02", "(withheld)", "'=HYPERLINK(\"y\")",
                ],
            ])
        let md = try #require(dir.read("Reports/2022-23/annual-report.md"))
        #expect(md.contains("| training-extra.csv | training | 3 | 1 | 2 |"))
        #expect(md.contains("training-extra.csv:2: bad date '31/02/2023'"))
    }

    @Test func formatAndYearOptions() throws {
        let dir = try scratchWithSample()
        let result = try run(["build", "--format", "md", "--year", "2021-22", "--out", "Out"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(dir.exists("Out/2021-22/annual-report.md"))
        #expect(!dir.exists("Out/2021-22/annual-report.xlsx"))
        #expect(!dir.exists("Out/2021-22/tables"))
        let bad = try run(["build", "--format", "pdf"], in: dir)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown format 'pdf'; expected md, csv, xlsx or html separated by commas"))
    }

    /// `--help` is the command line's documentation; pinned so a change to it is a reviewed change.
    /// After an intended change: `swift run annual-report <command> --help > Tests/AnnualReportKitTests/Fixtures/help/<command>.txt`.
    @Test(arguments: ["annual-report", "build", "check"])
    func helpIsPinned(command: String) throws {
        let arguments = command == "annual-report" ? ["--help"] : [command, "--help"]
        let help = try run(arguments, in: Workdir())
        #expect(help.status == 0, "\(help)")
        let pinned = try String(
            contentsOf: repositoryRoot.appendingPathComponent(
                "Tests/AnnualReportKitTests/Fixtures/help/\(command).txt"),
            encoding: .utf8)
        #expect(
            help.stdout == pinned,
            "`\(arguments.joined(separator: " "))` differs from Fixtures/help/\(command).txt:\n\(help.stdout)")
    }
}
