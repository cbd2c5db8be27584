import Foundation
import Testing

@testable import AnnualReportKit

/// No shape of inputs stops a report: every combination of present, absent and header-only
/// datasets, and finance ledgers with one type of row, are written in every format.
@Suite struct EveryShapeTests {
    enum Shape: CaseIterable { case absent, headerOnly, present }

    static let datasets: [(name: String, header: String, rows: String)] = [
        (
            "training.csv", "date,title,kind,priorities,status,attendees",
            """
            2023-05-02,Online Safety,course,Digital Harm,delivered,30
            2023-06-10,Summit,conference,Digital Harm,delivered,120
            2023-07-01,Online Safety,course,,cancelled,
            """
        ),
        (
            "videos.csv", "year,category,video,views,priorities",
            """
            2023-24,Online,Grooming explained,40,Digital Harm
            2023-24,Online,,40,
            """
        ),
        (
            "reviews.csv", "reference,type,date,published,count",
            """
            RR-1,rapid review,2023-06-01,,
            LCSPR-1,LCSPR,2023-10-01,,
            """
        ),
        (
            "finance.csv", "year,type,line,amount",
            """
            2023-24,contribution,Council,"£10,000"
            2023-24,expenditure,Staff,"£9,000"
            """
        ),
        (
            "attendance.csv", "session_id,date,title,priorities,delegate_id,agency,attended",
            """
            A1,2023-09-01,Neglect,Digital Harm,P1,Police,yes
            A1,2023-09-01,Neglect,Digital Harm,P2,Health,no
            """
        ),
    ]

    /// Builds every format from `dir` and checks `check` and `build` agree.
    static func buildsCompletely(_ dir: Workdir, year: FinancialYear? = nil, _ label: String) throws {
        let out = Workdir("shape-out")
        let run = ReportRun(inputs: dir.url, output: out.url, year: year)
        let checked = run.check()
        #expect(checked.errors.isEmpty, "\(label): \(checked.errors)")
        #expect(run.yearProblem(checked) == nil, "\(label)")
        let outcome = try run.build()
        let written = try #require(outcome.written, "\(label): nothing written")
        for file in ["annual-report.md", "annual-report.xlsx", "tables/data-quality.csv"] {
            #expect(
                FileManager.default.fileExists(atPath: written.appendingPathComponent(file).path),
                "\(label): no \(file)")
        }
        let md = try String(contentsOf: written.appendingPathComponent("annual-report.md"), encoding: .utf8)
        #expect(!md.contains("and 0 people watched"), "\(label)")
        #expect(!md.contains(": £0)"), "\(label)")
    }

    @Test func everyCombinationOfPresentAbsentAndHeaderOnly() throws {
        var combinations = 0
        let count = Int(pow(3.0, Double(Self.datasets.count)))
        for code in 0..<count {
            var shapes: [Shape] = []
            var c = code
            for _ in Self.datasets {
                shapes.append(Shape.allCases[c % 3])
                c /= 3
            }
            let dir = Workdir("shape\(code)")
            for (dataset, shape) in zip(Self.datasets, shapes) {
                switch shape {
                case .absent: break
                case .headerOnly: dir.write(dataset.name, dataset.header + "\n")
                case .present: dir.write(dataset.name, dataset.header + "\n" + dataset.rows + "\n")
                }
            }
            let label = zip(Self.datasets, shapes).map { "\($0.0.name)=\($0.1)" }.joined(separator: " ")
            if shapes.contains(.present) {
                try Self.buildsCompletely(dir, label)
            } else if !shapes.contains(.headerOnly) {
                // No dataset file at all: an error, not a report of empty sections.
                let run = ReportRun(inputs: dir.url, output: Workdir("none").url)
                #expect(
                    run.check().errors.map(\.message).first?.hasPrefix(
                        "no file in the folder is one of the report's records") == true)
            } else {
                // No records at all: check and build agree that a year must be given, and with one both write.
                let run = ReportRun(inputs: dir.url, output: Workdir("none").url)
                #expect(run.yearProblem(run.check()) == .noRecords, "\(label)")
                #expect(throws: ReportBuilder.Failure.noRecords) { try run.build() }
                try Self.buildsCompletely(dir, year: FinancialYear(startYear: 2023), label)
            }
            combinations += 1
        }
        #expect(combinations == 243)
    }

    @Test(arguments: [
        ("contributions only", "2023-24,contribution,Council,100"),
        ("expenditure only", "2023-24,expenditure,Staff,100"),
        ("budget only", "2024-25,budget,Council,100"),
        (
            "one year of contributions and a budget for next year",
            "2023-24,contribution,Council,100\n2024-25,budget,Council,120"
        ),
    ])
    func ledgersWithOneTypeOfRow(shape: String, rows: String) throws {
        let dir = Workdir("ledger")
        dir.write("finance.csv", "year,type,line,amount\n" + rows + "\n")
        try Self.buildsCompletely(dir, shape)
    }

    @Test func yearOptionsInTheFormsPeopleType() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv", "year,type,line,amount\n2022-23,contribution,Council,100\n2023-24,contribution,Council,110\n"
        )
        for form in ["22-23", "FY2022-23", "2022/23"] {
            let result = try run(["--inputs", ".", "--year", form, "--format", "csv"], in: dir)
            #expect(result.status == 0, "\(form): \(result)")
            #expect(dir.exists("Reports/2022-23/tables/finance-contributions.csv"), "\(form)")
        }
        let bad = try run(["check", "--inputs", ".", "--year", "FY2022-24"], in: dir)
        #expect(bad.status == 64, "\(bad)")
    }

    @Test func aBudgetForNextYearDoesNotMakeTheReportYear() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv", "year,type,line,amount\n2023-24,contribution,Council,100\n2024-25,budget,Council,120\n")
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        #expect(report.year.label == "2023-24")
        let finance = try #require(report.sections.first { $0.title == "Finance" })
        #expect(finance.paragraphs.first == "Partner contributions totalled £100 in 2023-24 (2022-23: not recorded).")
    }
}
