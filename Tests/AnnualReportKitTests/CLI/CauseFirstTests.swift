import Foundation
import Testing

@testable import AnnualReportKit

/// Errors that lead to the fix: the cause before what follows from it, one line for errors
/// with one cause, every error printed under `--keep-going` too, and advice that works when
/// followed literally. Each asserts the whole of stderr.
@Suite(.serialized) struct CauseFirstTests {
    static let training = "date,title,attendees\n2022-05-02,Safer sleep,20\n2022-10-11,Exploitation,18\n"

    /// Twelve forms for the two events of `training`; `ratings(k)` gives form k's four ratings.
    static func forms(_ ratings: (Int) -> [Int]) -> String {
        "date,title,respondent,Knowledge before,Knowledge after,Confidence before,Confidence after\n"
            + (0..<12).map { k in
                ([k % 2 == 0 ? "2022-05-02,Safer sleep" : "2022-10-11,Exploitation", "Delegate \(k)"]
                    + ratings(k).map(String.init)).joined(separator: ",")
            }.joined(separator: "\n") + "\n"
    }

    /// Forms on a 1-10 scale: Knowledge after is above 5 on ten forms, Knowledge before on two
    /// and Confidence after on four (16 ratings, on 10 of the 12 forms).
    static let tenPointForms = forms { k in [2 + k % 5, 5 + k % 6, 1 + k % 4, 4 + k % 3] }

    @Test func formsOnATenPointScaleAreOneErrorNamingTheSetting() throws {
        let dir = Workdir()
        dir.write("in/training-2022-23.csv", Self.training)
        dir.write("in/evaluations-2022-23.csv", Self.tenPointForms)
        let check = try run(["check", "--inputs", "in"], in: dir)
        #expect(check.status == 1, "\(check)")
        #expect(
            check.stderr == """
                evaluations-2022-23.csv: error: the forms rate on a 1-10 scale, not 1-5: 16 ratings in 'Knowledge before', 'Knowledge after' and 'Confidence after' are above 5, and the 10 forms holding them are rejected; set `evaluation_scale: [1, 10]` in annual-report.yaml to read them
                1 error in the inputs.

                """)

        // The cells are still rejected, each listed in rejects.csv and the data-quality section.
        let build = try run(["build", "--inputs", "in", "--out", "out", "--format", "md", "--keep-going"], in: dir)
        #expect(build.status == 1, "\(build)")
        #expect(
            build.stderr.hasSuffix(
                "1 error in the inputs; the report was written without the rejected rows (listed in rejects.csv and the data-quality section).\n"
            ))
        let rejects = parseCSV(dir.read("out/2022-23/rejects.csv") ?? "")
        #expect(rejects.count == 11)
        #expect(
            rejects.dropFirst().first == [
                "evaluations-2022-23.csv", "3",
                "rating '6' for Knowledge after is off the scale; expected a whole number from 1 to 5 (if the forms use a 1 to 10 scale, set `evaluation_scale: [1, 10]` in annual-report.yaml)",
                // The title is free text, withheld as every column the dataset does not read as a
                // number, date, id or keyword is.
                "2022-10-11", "(withheld)", "(withheld)", "(withheld)", "(withheld)", "(withheld)", "(withheld)",
            ])
        let md = dir.read("out/2022-23/annual-report.md") ?? ""
        #expect(md.contains("evaluations-2022-23.csv:3:38: error: rating '6' for Knowledge after is off the scale"))
        #expect(md.contains("evaluations-2022-23.csv: error: the forms rate on a 1-10 scale, not 1-5"))

        // The advice followed: every form read.
        dir.write("in/annual-report.yaml", "evaluation_scale: [1, 10]\n")
        let fixed = try run(["check", "--inputs", "in"], in: dir)
        #expect(fixed.status == 0, "\(fixed)")
        #expect(fixed.stderr == "")
        #expect(fixed.stdout.contains("evaluations-2022-23.csv  evaluations       12       12        0        0"))
    }

    /// One stray 7 on a 1-5 form is a slip, not another scale: an error at its cell.
    @Test func aStrayRatingStaysAnErrorAtItsCell() throws {
        let dir = Workdir()
        dir.write("in/training-2022-23.csv", Self.training)
        dir.write("in/evaluations-2022-23.csv", Self.forms { k in [2 + k % 3, k == 4 ? 7 : 4 + k % 2, 2, 3] })
        let check = try run(["check", "--inputs", "in"], in: dir)
        #expect(check.status == 1, "\(check)")
        #expect(
            check.stderr == """
                evaluations-2022-23.csv:6:37: error: rating '7' for Knowledge after is off the scale; expected a whole number from 1 to 5 (if the forms use a 1 to 10 scale, set `evaluation_scale: [1, 10]` in annual-report.yaml)
                1 error in the inputs.

                """)
    }

    /// A training log saved as .xls is named first, and the forms naming its events are one line under it.
    @Test func formsOfAnUnreadTrainingLogAreOneLineUnderIt() throws {
        let dir = Workdir()
        dir.write("in/training-2022-23.xls", Self.training)
        dir.write("in/training-2021-22.csv", "date,title,attendees\n2021-05-10,Neglect,12\n")
        dir.write(
            "in/evaluations-2022-23.csv",
            Self.forms { k in [2, 3, 2 + k % 3, 4] }
                + Self.forms { _ in [3, 4, 3, 4] }.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n")
        let check = try run(["check", "--inputs", "in"], in: dir)
        #expect(check.status == 1, "\(check)")
        #expect(
            check.stderr == """
                training-2022-23.xls: error: not read, so the training records in it would be missing from the report: .xls is the old Excel format: open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV UTF-8
                evaluations-2022-23.csv: error: 24 evaluation forms name events of training-2022-23.xls, which could not be read: save it as .xlsx or CSV
                2 errors in the inputs.

                """)
        let build = try run(["build", "--inputs", "in", "--out", "out", "--format", "md", "--keep-going"], in: dir)
        #expect(build.status == 1, "\(build)")
        #expect(parseCSV(dir.read("out/2021-22/rejects.csv") ?? "").count == 25)
    }

    /// Under --keep-going too, every error prints, and "no records" says which files could not be read.
    @Test func aDuplicateColumnPrintsUnderKeepGoing() throws {
        let dir = Workdir()
        dir.write(
            "in/training-2022-23.csv",
            """
            LRSCP Multi-agency Training Log 2022-23
            date,title,places,booked,Places booked,attendees
            05/06/2022,Neglect,20,18,18,15

            """)
        let expected = """
            training-2022-23.csv:2: error: columns 4 ('booked') and 5 ('Places booked') are both read as 'booked'; expected one such column (rename or delete the other)
            training-2022-23.csv:2: note: the header is on line 2; the row above it (line 1) is a title, not a record, and is not read
            error: no records to report on and no year to report: nothing could be read from training-2022-23.csv (see its errors above); expected at least one dataset with rows, or --year (or reporting_year in annual-report.yaml)

            """
        let build = try run(["build", "--inputs", "in", "--out", "out", "--keep-going"], in: dir)
        #expect(build.status == 1, "\(build)")
        #expect(build.stderr == expected)
        #expect(!dir.exists("out"))
        let check = try run(["check", "--inputs", "in"], in: dir)
        #expect(check.stderr == expected + "1 error in the inputs.\n")
    }

    /// A folder with only the configuration and clutter: an error, no report even under
    /// --keep-going, the folder named as given and each file with why it is not read.
    @Test func aFolderWithNothingToReadWritesNoReport() throws {
        let dir = Workdir()
        dir.write(
            "in/annual-report.yaml",
            "partnership: Northmoor Safeguarding Children Partnership\nreporting_year: 2023-24\n")
        dir.write("in/Thumbs.db", "x")
        dir.write("in/Minutes March 2024.docx", bytes: [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 40))
        let build = try run(["build", "--inputs", "in", "--out", "out", "--keep-going"], in: dir)
        #expect(build.status == 1, "\(build)")
        #expect(
            build.stderr == """
                in: error: no file in the folder is one of the report's records, so no report is written: the folder holds annual-report.yaml (the configuration), Minutes March 2024.docx (a document, not records) and Thumbs.db (Windows' thumbnail cache, skipped); expected CSV files or workbooks named for their dataset (training…, videos…, catalogue…, youtube…, reviews…, finance…, bookings…, attendance…, evaluations…, recommendations…, audits…) or a platform's export (see docs/inputs.md)
                1 error in the inputs; nothing was written.

                """)
        #expect(build.stdout == "No file was read as records.\n")
        #expect(!dir.exists("out"))
        #expect(!build.stderr.contains(dir.url.path) && !build.stdout.contains(dir.url.path))
    }

    static let misspelt = """
        date,title,attendees,priorities
        2021-06-10,Neglect,10,Safeguarding Babies
        2021-09-10,Online safety,8,Digital Harm
        2022-05-10,Neglect,12,Safeguarding Babies
        2022-06-10,Neglect,9,Safeguardng Babies
        2022-07-11,Exploitation,14,Keeping Adolescents Safe
        2022-09-12,Safer sleep,11,Safeguarding Babies

        """

    /// The advice for names a typo apart, pasted as printed (into a new file, or under a
    /// file's settings), gives a run with no error and the misspelling's figures merged.
    @Test(arguments: ["", "partnership: Northmoor Safeguarding Children Partnership\n"])
    func similarNamesAdviceWorksWhenPasted(_ existing: String) throws {
        let dir = Workdir()
        dir.write("in/training.csv", Self.misspelt)
        if !existing.isEmpty { dir.write("in/annual-report.yaml", existing) }
        let first = try run(["check", "--inputs", "in"], in: dir)
        #expect(first.status == 0, "\(first)")
        #expect(
            first.stderr == """
                training.csv:5: warning: priorities 'Safeguardng Babies' and 'Safeguarding Babies' (training.csv:2) are one letter or two apart, and are counted as two; if they are one, correct the misspelt cells, or add these lines to annual-report.yaml, which list every priority in the data by year with the misspelling as an alias:
                priorities:
                  "2021-22":
                    - name: Safeguarding Babies
                      aliases: [Safeguardng Babies]
                    - Digital Harm
                  "2022-23":
                    - name: Safeguarding Babies
                      aliases: [Safeguardng Babies]
                    - Keeping Adolescents Safe

                """)
        let advice = first.stderr.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "priorities:" }
            .joined(separator: "\n")
        dir.write("in/annual-report.yaml", existing + advice)
        let second = try run(["build", "--inputs", "in", "--out", "out", "--format", "csv"], in: dir)
        #expect(second.status == 0, "\(second)")
        #expect(second.stderr == "")
        #expect(
            parseCSV(dir.read("out/2022-23/tables/priorities.csv") ?? "") == [
                ["Priority", "Sessions", "Trained", "Watched a training video", "Total"],
                ["Safeguarding Babies", "3", "32", "", "32"],
                ["Keeping Adolescents Safe", "1", "14", "", "14"],
                ["Total", "4", "46", "", "46"],
            ])
    }

    /// A file that cannot be decoded or whose header does not match prints before any row's
    /// error, whichever file comes first by name.
    @Test func fileLevelProblemsPrintBeforeRowLevelOnes() throws {
        let dir = Workdir()
        dir.write("in/finance.csv", "year,type,line,amount\n2022-23,contribution,Council,12x\n")
        dir.write("in/training.csv", "date,title,attendees,Attended\n2022-05-10,Neglect,12,12\n")
        dir.write("in/videos.csv", bytes: [0xFF, 0xFE, 0x79, 0x00, 0x65])
        let check = try run(["check", "--inputs", "in"], in: dir)
        #expect(check.status == 1, "\(check)")
        #expect(
            check.stderr == """
                training.csv:1: error: columns 3 ('attendees') and 4 ('Attended') are both read as 'attendees'; expected one such column (rename or delete the other)
                videos.csv:1:1: error: UTF-16 file with an odd number of bytes; expected whole UTF-16 code units
                finance.csv:2:30: error: bad amount '12x'; expected pounds with at most 2 decimals, such as £102,496, 102496.00, -£1,000 or (1,000)
                error: no records to report on and no year to report: nothing could be read from training.csv, videos.csv and finance.csv (see their errors above); expected at least one dataset with rows, or --year (or reporting_year in annual-report.yaml)
                3 errors in the inputs.

                """)
    }

    /// "Children's" is text, not a closing quote: forms for it and for 'Neglect' are one cause,
    /// 20 lines and a count.
    @Test func anApostropheInAQuotedNameKeepsOneCause() throws {
        let dir = Workdir()
        dir.write("in/training-2022-23.csv", Self.training)
        let rows = (0..<30).map { k in "2022-06-\(10 + k % 15),\(k < 15 ? "Neglect" : "Children's Wellbeing"),3,4" }
        dir.write(
            "in/evaluations-2022-23.csv",
            "date,title,knowledge before,knowledge after\n" + rows.joined(separator: "\n") + "\n")
        let check = try run(["check", "--inputs", "in"], in: dir)
        let lines = check.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 22)
        #expect(
            lines[19]
                == "evaluations-2022-23.csv:21:12: error: form for 'Children's Wellbeing' on 2022-06-14, which is not in the training records; expected the date and title of a training event, or its event_id"
        )
        #expect(
            lines[20]
                == "  … and 10 more like this (build --keep-going lists every one in the data-quality section and rejects.csv)"
        )
        #expect(lines[21] == "30 errors in the inputs.")
    }
}
