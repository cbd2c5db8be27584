import Foundation
import Testing
import ZIPFoundation

@testable import AnnualReportKit

/// Every file in the folder is read or named, and a folder with nothing to read is an error.
@Suite(.serialized) struct OtherFilesTests {
    @Test func aFolderWithOnlyTheConfigurationIsAnError() throws {
        let dir = Workdir()
        dir.write(
            "in/annual-report.yaml",
            "partnership: Northmoor Safeguarding Children Partnership\nreporting_year: 2023-24\n")
        dir.write("in/Thumbs.db", "x")
        let result = try run(["build", "--inputs", "in", "--out", "out"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr == """
                in: error: no file in the folder is one of the report's records, so no report is written: the folder holds annual-report.yaml (the configuration) and Thumbs.db (Windows' thumbnail cache, skipped); expected CSV files or workbooks named for their dataset (training…, videos…, catalogue…, youtube…, reviews…, finance…, bookings…, attendance…, evaluations…, recommendations…, audits…) or a platform's export (see docs/inputs.md)
                1 error in the inputs; nothing was written.

                """)
        #expect(!dir.exists("out/2023-24"))
    }

    @Test func aWorkbookOrOldExcelFileIsNamed() throws {
        let dir = Workdir()
        dir.write("in/training-2022-23.csv", "date,title,attendees\n2022-05-10,Neglect,12\n")
        dir.write("in/finance.xlsx", "PK")
        dir.write("in/evaluations 2022-23.xls", "x")
        dir.write("in/~$finance.xlsx", "x")
        dir.write("in/Minutes.pdf", "%PDF")
        let result = try run(["check", "--inputs", "in"], in: dir)
        #expect(result.status == 1, "\(result)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "finance.xlsx: error: cannot read the workbook: it is damaged or incomplete (not a whole zip archive); open it in Excel or LibreOffice Calc and save it again"
            ))
        #expect(
            lines.contains(
                "evaluations 2022-23.xls: error: not read, so the evaluations records in it would be missing from the report: .xls is the old Excel format: open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
            ))
        #expect(
            lines.contains(
                "Minutes.pdf: note: not read: not a CSV file; expected the records as CSV files (or a .zip of them)"))
        #expect(!result.stderr.contains("~$"))
    }

    @Test func aBinaryWorkbookBesideItsCSVIsANote() throws {
        let dir = Workdir()
        dir.write("in/finance.csv", "year,type,line,amount\n2022-23,contribution,Council,100\n")
        dir.write("in/finance.xlsb", "PK")
        let result = try run(["check", "--inputs", "in"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr.contains(
                "finance.xlsb: note: not read: .xlsb is Excel's binary workbook: open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV UTF-8"
            ))
    }

    /// A training log that is not read makes every form for its events an error; the first
    /// line printed names the training file and its own error, not the forms.
    @Test func formsForAnUnreadTrainingFileNameItFirst() throws {
        let dir = Workdir()
        dir.write("in/training-2022-23.xls", "x")
        dir.write("in/training-2021-22.csv", "date,title,attendees\n2021-05-10,Neglect,12\n")
        dir.write(
            "in/evaluations-2022-23.csv",
            "date,title,knowledge before,knowledge after\n2022-05-10,Neglect,2,4\n2022-06-10,Neglect,3,4\n")
        let result = try run(["check", "--inputs", "in"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr == """
                training-2022-23.xls: error: not read, so the training records in it would be missing from the report: .xls is the old Excel format: open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx) or as CSV UTF-8
                evaluations-2022-23.csv: error: 2 evaluation forms name events of training-2022-23.xls, which could not be read: save it as .xlsx or CSV
                2 errors in the inputs.

                """)

        // A header that names no required column: the header line's error is the cause.
        dir.write("in/training-2022-23.csv", "Date of course,Course,Number\n2022-05-10,Neglect,12\n")
        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("in/training-2022-23.xls"))
        let again = try run(["check", "--inputs", "in"], in: dir)
        let lines = again.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "training-2022-23.csv:1: error: missing required column 'attendees'; expected a header naming one of: attendees, attended, delegates, attendance, number attended, no attended, no. attended, attendees number, no. of delegates, number of delegates, delegates attended. If 'Number' is that column, add these lines to annual-report.yaml:"
        )
        #expect(
            lines.contains(
                "evaluations-2022-23.csv: error: 2 evaluation forms name events of training-2022-23.csv, which could not be read: fix it first, and the forms will find their events"
            ))
        #expect(!again.stderr.contains("which is not in the training records"))
    }

    /// A zip whose entry claims more bytes than the whole archive holds (damaged, or crafted) is
    /// one error naming the entry, at once: ZIPFoundation would read on without end.
    @Test func aZipEntryLargerThanItsArchiveIsDamage() throws {
        let dir = Workdir()
        let staging = Workdir("staging")
        staging.write("finance.csv", "year,type,line,amount\n2022-23,contribution,Council,100\n")
        let url = dir.url.appendingPathComponent("in/ledger.zip")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let archive = try Archive(url: url, accessMode: .create)
        try archive.addEntry(with: "finance.csv", relativeTo: staging.url, compressionMethod: .none)
        // Both size fields of the entry's local and central headers say 2 GB.
        var bytes = [UInt8](try Data(contentsOf: url))
        for (signature, offsets) in [
            ([0x50, 0x4B, 0x03, 0x04] as [UInt8], [18, 22]), ([0x50, 0x4B, 0x01, 0x02], [20, 24]),
        ] {
            let at = try #require((0..<(bytes.count - 4)).first { Array(bytes[$0..<$0 + 4]) == signature })
            for offset in offsets {
                bytes.replaceSubrange((at + offset)..<(at + offset + 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
            }
        }
        try Data(bytes).write(to: url)
        let ingest = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            ingest.errors.map(\.description).contains(
                "ledger.zip/finance.csv: error: cannot extract from the zip file: the entry says it holds more than the whole archive does (the zip is damaged); download it or zip the files again"
            ))
    }
}
