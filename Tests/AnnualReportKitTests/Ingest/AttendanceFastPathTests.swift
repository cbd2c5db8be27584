import Foundation
import Testing

@testable import AnnualReportKit

/// The fast path (bytes only, no Strings) must take the plain rows of a register: only the first
/// row of each new priority list or oddly written session goes through the String-based checks.
@Suite struct AttendanceFastPathTests {
    @Test func plainRowsTakeTheFastPath() throws {
        let dir = Workdir()
        var text = "session_id,date,title,kind,priorities,format,delegate_id,agency,attended\n"
        for row in 0..<2000 {
            let s = row / 25
            text +=
                "S\(s),2022-0\(1 + s % 9)-1\(s % 10),\"Neglect, session \(s % 7)\",course,Neglect;Exploitation,virtual,D\(row % 300),\"\"\"Voluntary\"\" sector\",\(row % 4 == 0 ? "no" : "yes")\n"
        }
        let url = dir.write("attendance.csv", text)
        let pass = AttendancePass.run(
            source: AttendanceSource(path: url.path)!, name: "attendance.csv", fileIndex: 0, workers: 1,
            chunkSize: 4096, quoteAware: false, directory: AttendanceDirectory(),
            check: AttendancePriorityCheck(catalog: PriorityCatalog(configuration: ReportConfiguration())),
            limit: 10, progress: nil)
        let w = try #require(pass.workers.first)
        #expect(w.read == 2000 && w.used == 2000)
        #expect(w.slowRows <= 1)  // the first row: a priority list not seen before
    }
}
