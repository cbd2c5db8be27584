import Foundation
import Testing
import ZIPFoundation

@testable import AnnualReportKit

/// A title row is never quoted, and a value that becomes a table label (a priority, partner,
/// category, agency or title) holding an email address or a telephone number is an error at
/// its cell with the value withheld: neither reaches any output.
@Suite(.serialized) struct PersonalLabelTests {
    /// Every text a build wrote (each workbook part as its XML, so sheet names and strings too) and its stderr.
    func everything(_ written: URL, stderr: String) throws -> [String] {
        var texts = [stderr, try writtenText(written)]
        for case let url as URL in FileManager.default.enumerator(at: written, includingPropertiesForKeys: nil)!
        where url.pathExtension == "xlsx" {
            let archive = try Archive(url: url, accessMode: .read)
            for entry in archive {
                var part = Data()
                _ = try archive.extract(entry, consumer: { part.append($0) })
                texts.append(String(decoding: part, as: UTF8.self))
            }
        }
        return texts
    }

    /// Trial f13: a title row naming its owner with an email, a phone number in the second,
    /// and a priorities cell `Jane Marsh, jane.marsh@…`.
    @Test func noNameOrEmailOfTrialF13ReachesAnOutput() throws {
        let dir = try trialFixture("f13-personal")
        let result = try run(["build", "--inputs", "in", "--out", "out", "--keep-going"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.split(separator: "\n").filter { $0.hasPrefix("training") } == [
                "training-2023-24.csv:3: note: the header is on line 3; the 2 rows above it (from line 1) are titles, not records, and are not read",
                "training-2023-24.csv:5:36: error: bad attendees 'ten'; expected a whole number such as 1054 or 1,054",
                "training-2023-24.csv:6:33: error: unknown format (withheld); expected one of: face-to-face, virtual",
                "training-2023-24.csv:7:25: error: priority (withheld) holds an email address or a telephone number, which the report's tables would show; expected a priority's name, with no personal details",
            ])
        let texts = try everything(dir.url.appendingPathComponent("out/2023-24"), stderr: result.stderr)
        #expect(texts.count == 42)
        #expect(dir.read("out/2023-24/annual-report.md")?.contains("the header is on line 3") == true)
        for text in texts {
            for secret in [
                "Tom Briggs", "Briggs", "tom.briggs", "Jane Marsh", "Marsh", "jane.marsh", "07700", "wyvern.gov.uk",
                "Amy Ward", "Ben Yates", "Cal Zane", "Dee Ames", "Eve Kay", "nhs.net", "police.uk",
            ] {
                #expect(!text.contains(secret), "an output holds '\(secret)'")
            }
        }
    }

    /// A partner, a video category, a register's agency and a session title with an email or a
    /// telephone number: errors at their cells, the values withheld, nothing written out.
    @Test func labelsThatReachAPersonAreErrorsAtTheirCells() throws {
        let dir = Workdir()
        dir.write(
            "in/finance.csv",
            """
            year,type,line,amount
            2023-24,contribution,Northmoor Council,1000
            2023-24,contribution,Ask Sam Lee sam.lee@northmoor.gov.uk,500

            """)
        dir.write("in/videos.csv", "year,category,views\n2023-24,Neglect,10\n2023-24,Queries to 07700 900456,5\n")
        dir.write(
            "in/attendance-2023-24.csv",
            """
            session_id,date,title,delegate_id,agency,attended
            S1,2023-09-01,Safer Sleep,D1,Police,yes
            S1,2023-09-01,Safer Sleep,D2,Ann Cole ann.cole@school.sch.uk,yes
            S2,2023-09-02,Briefing by bo.tan@nhs.net,D3,ICB,yes

            """)
        let result = try run(["build", "--inputs", "in", "--out", "out", "--keep-going"], in: dir)
        #expect(
            result.stderr.split(separator: "\n").filter { $0.contains(": error: ") } == [
                "attendance-2023-24.csv:3:30: error: agency (withheld) holds an email address or a telephone number, which the report's tables would show; expected the delegate's agency, with no personal details",
                "attendance-2023-24.csv:4:15: error: title (withheld) holds an email address or a telephone number, which the report's tables would show; expected the course or conference name, with no personal details",
                "finance.csv:3:22: error: line (withheld) holds an email address or a telephone number, which the report's tables would show; expected the partner or expenditure category, with no personal details",
                "videos.csv:3:9: error: category (withheld) holds an email address or a telephone number, which the report's tables would show; expected the category shown in the report, with no personal details",
            ])
        #expect(result.stdout.contains("attendance-2023-24.csv  attendance        3        1        2        0"))
        let texts = try everything(dir.url.appendingPathComponent("out/2023-24"), stderr: result.stderr)
        #expect(texts.count == 48)
        for text in texts {
            for secret in ["Sam Lee", "northmoor.gov.uk", "07700", "Ann Cole", "school.sch.uk", "bo.tan", "nhs.net"] {
                #expect(!text.contains(secret), "an output holds '\(secret)'")
            }
        }
    }
}
