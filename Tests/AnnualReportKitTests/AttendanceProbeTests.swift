import Foundation
import Testing
@testable import AnnualReportKit

@Suite struct AttendanceProbeTests {
    @Test func probe() throws {
        guard let path = ProcessInfo.processInfo.environment["ATTENDANCE_PROBE"] else { return }
        let pass = AttendancePass.run(source: AttendanceSource(path: path)!, name: "x", fileIndex: 0, workers: 1, chunkSize: 4 << 20,
                                      directory: AttendanceDirectory(), check: AttendancePriorityCheck(catalog: PriorityCatalog(configuration: ReportConfiguration())),
                                      limit: 10, progress: nil)
        let w = pass.workers[0]
        print("PROBE read \(w.read) slow \(w.slowRows) sessions \(w.sessions.count) lists \(w.lists.count) rejected \(w.rejected)")
        for r in w.rejections.prefix(3) { print("PROBE", r.problems.map(\.message), r.fields) }
    }
}
