import Foundation
import Testing

@testable import AnnualReportKit

/// Names a typo apart, without a configuration to decide: a warning naming both, printed and
/// in the data-quality section; names differing only in case or spaces are one.
@Suite(.serialized) struct SimilarNamesTests {
    static let log = """
        date,title,attendees,priorities
        2022-05-10,Neglect,12,Safeguarding Babies
        2022-06-10,Neglect,9,Safeguardng Babies
        2022-06-11,Exploitation,9,Keeping adolescents safe
        2022-06-12,Exploitation,9,keeping  Adolescents Safe
        2022-06-12,Conference 2022,90,Conference 2022
        2022-06-13,Conference 2023,90,Conference 2023

        """

    @Test func aMisspeltPriorityIsAWarningNamingBoth() throws {
        let dir = Workdir()
        dir.write("in/training.csv", Self.log)
        dir.write(
            "in/finance.csv",
            "year,type,line,amount\n2022-23,contribution,Northmoor Council,100\n2022-23,contribution,Northmoor Councl,50\n"
        )
        let result = try run(["build", "--inputs", "in", "--out", "out", "--format", "md"], in: dir)
        #expect(result.status == 0, "\(result)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(
            warnings == [
                "finance.csv:3: warning: partners 'Northmoor Councl' and 'Northmoor Council' (finance.csv:2) are one letter or two apart, and are counted as two; if they are one, correct the misspelt cells, or add to annual-report.yaml:",
                "training.csv:3: warning: priorities 'Safeguardng Babies' and 'Safeguarding Babies' (training.csv:2) are one letter or two apart, and are counted as two; if they are one, correct the misspelt cells, or add these lines to annual-report.yaml, which list every priority in the data by year with the misspelling as an alias:",
            ])
        let md = dir.read("out/2022-23/annual-report.md") ?? ""
        #expect(md.contains("training.csv:3: warning: priorities 'Safeguardng Babies'"))
    }

    @Test func alike() {
        #expect(SimilarNames.alike("Safeguarding Babies", "Safeguardng Babies"))
        #expect(!SimilarNames.alike("Keeping adolescents safe", "keeping  Adolescents Safe"))
        #expect(!SimilarNames.alike("Conference 2022", "Conference 2023"))
        #expect(!SimilarNames.alike("Police", "Health"))
        #expect(!SimilarNames.alike("SCP", "SAB"))
    }
}
