import Foundation
import Testing

@testable import AnnualReportKit

/// No single cause prints a page: at most 20 lines each, then a count; file-level first.
@Suite(.serialized) struct DiagnosticDigestTests {
    @Test func aCauseIsTwentyLinesAndACount() {
        let rows = (2...101).map {
            Diagnostic(
                .error, file: "evaluations.csv", line: $0, column: 7,
                "rating '\($0 % 10 + 6)' for Knowledge before is off the scale; expected a whole number from 1 to 5")
        }
        let fileLevel = Diagnostic(.error, file: "training.xls", line: 0, column: nil, "not read")
        let lines = DiagnosticDigest.lines(rows + [fileLevel])
        #expect(lines.count == 22)
        #expect(lines.first == "training.xls: error: not read")
        #expect(
            lines[1]
                == "evaluations.csv:2:7: error: rating '8' for Knowledge before is off the scale; expected a whole number from 1 to 5"
        )
        #expect(
            lines.last
                == "  … and 80 more like this (build --keep-going lists every one in the data-quality section and rejects.csv)"
        )
    }

    @Test func formsOnATenPointScaleNameTheSetting() throws {
        let dir = try scratchWithSample()
        let forms = dir.url.appendingPathComponent("Inputs/evaluations-2022-23.csv")
        let text = try String(contentsOf: forms, encoding: .utf8)
        let header = text.prefix { $0 != "\n" }
        let column = try #require(
            header.split(separator: ",", omittingEmptySubsequences: false).firstIndex {
                $0.lowercased().contains("before")
            })
        // Every rating in one column doubled: a 1-10 form.
        let rows = text.split(separator: "\n").dropFirst().map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if let n = Int(fields[column]) { fields[column] = String(n * 2) }
            return fields.joined(separator: ",")
        }
        try (String(header) + "\n" + rows.joined(separator: "\n") + "\n").write(
            to: forms, atomically: true, encoding: .utf8)
        let result = try run(["check"], in: dir)
        #expect(result.status == 1, "\(result)")
        // One line for the column, first; the 179 cells are not printed one by one.
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "evaluations-2022-23.csv: error: the forms rate on a 1-10 scale, not 1-5: 179 ratings in 'Knowledge before' are above 5, and the 179 forms holding them are rejected; set `evaluation_scale: [1, 10]` in annual-report.yaml to read them"
        )
        #expect(!result.stderr.contains("is off the scale"))
        #expect(lines.last == "1 error in the inputs.")
    }
}
