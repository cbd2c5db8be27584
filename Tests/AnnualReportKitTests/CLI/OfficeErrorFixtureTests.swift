import Foundation
import Testing

@testable import AnnualReportKit

/// Folders as offices keep them, each mixing several habits (Fixtures/offices/errors-…):
/// the whole of `check`'s stderr, cause first, at most 20 lines a cause.
@Suite(.serialized) struct OfficeErrorFixtureTests {
    /// A scratch folder holding the fixture as `in/`.
    static func fixture(_ name: String) throws -> Workdir {
        let dir = Workdir(name)
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Tests/AnnualReportKitTests/Fixtures/offices/\(name)"),
            to: dir.url.appendingPathComponent("in"))
        return dir
    }

    /// A UTF-16 tab-separated training log under two title rows (Excel's "Unicode text"),
    /// evaluation forms on a 1-10 scale, a ledger kept as .xls and Windows' Thumbs.db.
    @Test func unicodeTextLogTenPointFormsAndAnOldWorkbook() throws {
        let dir = try Self.fixture("errors-unicode-text-ten-point")
        let check = try run(["check", "--inputs", "in"], in: dir)
        #expect(check.status == 1, "\(check)")
        #expect(
            check.stderr == """
                evaluations-2023-24.csv: error: the forms rate on a 1-10 scale, not 1-5: 31 ratings in 'Knowledge before', 'Knowledge after', 'Confidence (pre)' and 'Confidence (post)' are above 5, and the 14 forms holding them are rejected; set `evaluation_scale: [1, 10]` in annual-report.yaml to read them
                finance 2023-24.xls: error: not read, so the finance records in it would be missing from the report: .xls is the old Excel format: open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV UTF-8
                training-2023-24.csv: note: read as UTF-16LE because the file is not UTF-8
                training-2023-24.csv: note: read with tab as the separator (as Excel saves "Unicode text")
                training-2023-24.csv:4: note: the header is on line 4; the 2 rows above it (from line 1) are titles, not records, and are not read
                2 errors in the inputs.

                """)
        #expect(
            check.stdout.contains(
                "training-2023-24.csv     training           5        5        0        0  (UTF-16LE)"))
        #expect(check.stdout.contains("evaluations-2023-24.csv  evaluations       15        1       14        0"))

        // With the scale set, every form is read and only the workbook is left.
        let yaml = dir.url.appendingPathComponent("in/annual-report.yaml")
        try (try String(contentsOf: yaml, encoding: .utf8) + "evaluation_scale: [1, 10]\n").write(
            to: yaml, atomically: true, encoding: .utf8)
        let again = try run(["check", "--inputs", "in"], in: dir)
        #expect(
            again.stderr.split(separator: "\n").filter { $0.contains(": error: ") } == [
                "finance 2023-24.xls: error: not read, so the finance records in it would be missing from the report: .xls is the old Excel format: open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
            ])
        #expect(again.stdout.contains("evaluations-2023-24.csv  evaluations       15       15        0        0"))
    }

    /// Excel's `sep=;` line, semicolons with decimal commas, a priority misspelt in training
    /// and videos, a Total row and a signed footnote, an Office lock file and desktop.ini.
    @Test func semicolonsAndAMisspeltPriority() throws {
        let dir = try Self.fixture("errors-semicolons-misspelt-priority")
        let check = try run(["check", "--inputs", "in"], in: dir)
        #expect(check.status == 0, "\(check)")
        #expect(
            check.stderr == """
                finance.csv: note: read with ';' as the separator (as Excel saves CSV where the decimal mark is a comma; amounts such as 1.234,56 and counts such as 1.054 are read so)
                training.csv: note: read with ';' as the separator, as its first line (sep=) says
                training.csv:5: warning: priorities 'Child Exploitaton' and 'Child Exploitation' (training.csv:4) are one letter or two apart, and are counted as two; if they are one, correct the misspelt cells, or add these lines to annual-report.yaml, which list every priority in the data by year with the misspelling as an alias:
                priorities:
                  "2022-23":
                    - Safeguarding Babies
                    - name: Child Exploitation
                      aliases: [Child Exploitaton]
                  "2023-24":
                    - name: Child Exploitation
                      aliases: [Child Exploitaton]
                    - Digital Safety
                training.csv:9:10: note: control total 101 (attendees) in the 'Total' row agrees with the 6 rows above it
                training.csv:10: note: a footnote line under the records, not read as a record: footnote withheld (line 10), as it may name a person

                """)

        // The advice pasted: no warning, and the misspelt video's views join its priority.
        let advice = check.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0 != "priorities:" }.prefix { $0 == "priorities:" || $0.hasPrefix(" ") }.joined(separator: "\n")
        dir.write("in/annual-report.yaml", advice + "\n")
        let build = try run(["build", "--inputs", "in", "--out", "out", "--format", "csv"], in: dir)
        #expect(build.status == 0, "\(build)")
        #expect(!build.stderr.contains("warning"))
        #expect(
            parseCSV(dir.read("out/2023-24/tables/priorities.csv") ?? "") == [
                ["Priority", "Sessions", "Trained", "Training video views", "Total"],
                ["Child Exploitation", "1", "20", "318", "338"],
                ["Digital Safety", "1", "11", "0", "11"],
                ["Total", "2", "31", "318", "349"],
            ])
        #expect(
            parseCSV(dir.read("out/2023-24/tables/priorities-previous.csv") ?? "") == [
                ["Priority", "Sessions", "Trained", "Training video views", "Total"],
                ["Safeguarding Babies", "2", "30", "1054", "1084"],
                ["Child Exploitation", "2", "40", "432", "472"],
                ["Total", "4", "70", "1486", "1556"],
            ])
    }

    /// A training log saved as .xls with 30 forms naming its events, a review log with two
    /// type columns, and a ledger with 22 lines awaiting invoices: the two files that cannot be
    /// read first, the forms one line under the log, then 20 ledger lines and a count.
    @Test func anOldWorkbookLogADuplicateColumnAndAnUnpricedLedger() throws {
        let dir = try Self.fixture("errors-xls-log-forms-dup-column")
        let check = try run(["check", "--inputs", "in"], in: dir)
        #expect(check.status == 1, "\(check)")
        let columns = [30, 36, 30, 30, 29, 32, 27, 29, 28, 30, 34, 33, 30, 31, 29, 31, 35, 42, 27, 38]
        let ledger = columns.enumerated().map { i, column in
            "finance.csv:\(i + 4):\(column): error: bad amount 'awaiting invoice'; expected pounds with at most 2 decimals, such as £102,496, 102496.00, -£1,000 or (1,000)"
        }
        #expect(
            check.stderr
                == ([
                    "reviews.csv:1: error: columns 2 ('Type') and 3 ('Review type') are both read as 'type'; expected one such column (rename or delete the other)",
                    "training-2022-23.xls: error: not read, so the training records in it would be missing from the report: .xls is the old Excel format: open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV UTF-8",
                    "evaluations-2022-23.csv: error: 30 evaluation forms name events of training-2022-23.xls, which could not be read: save it as .xlsx or CSV",
                ] + ledger + [
                    "  … and 2 more like this (build --keep-going lists every one in the data-quality section and rejects.csv)",
                    "25 errors in the inputs.",
                ]).joined(separator: "\n") + "\n")
        #expect(check.stdout.contains("evaluations-2022-23.csv  evaluations       30        0       30        0"))
    }
}
