import Foundation

@testable import AnnualReportKit

// The attendance register tests' shared helpers: a header, a reader and a generated register.

/// The register's header row, as the attendance tests write it.
let header = "session_id,date,title,kind,priorities,format,delegate_id,agency,attended\n"

/// Reads registers from a scratch folder with the fast path's knobs (workers, chunk size, rejection limit).
func read(
    _ dir: Workdir, _ files: [String], workers: Int = 2, chunkSize: Int = 4 << 20, limit: Int = 1000,
    configuration: ReportConfiguration = ReportConfiguration()
) -> AttendanceIngest.Result {
    AttendanceIngest.read(
        files: files.map { dir.url.appendingPathComponent($0) }, catalog: PriorityCatalog(configuration: configuration),
        workers: workers, chunkSize: chunkSize, rejectionLimit: limit)
}

/// A financial year from its label (`2022-23`).
func fy(_ label: String) -> FinancialYear { FinancialYear(label: label)! }

/// A register with repeat delegates, quoted titles, line breaks in quotes, and some bad rows,
/// read with tiny chunks so that sessions, quotes and errors straddle chunk boundaries.
func messyRegister(rows: Int, seed: UInt64) -> String {
    var state = seed
    func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
    let titles = ["Neglect, an introduction", "Say \"\"hello\"\"", "Multi\nline", "Plain", "Café – £5"]
    let priorities = ["Neglect", "Exploitation;Neglect", "", "Mental health", "neglect; Exploitation"]
    var out = header
    var session = 0
    var left = 0
    for _ in 0..<rows {
        if left == 0 {
            session += 1
            left = 1 + next(12)
        }
        left -= 1
        let s = session
        let title = titles[s % titles.count]
        let quoted = title.contains(",") || title.contains("\"") || title.contains("\n") ? "\"\(title)\"" : title
        let year = 2018 + s % 6
        var date = "\(year)-0\(1 + s % 9)-1\(s % 10)"
        if s % 7 == 0 { date = "1\(s % 10)/0\(1 + s % 9)/\(year)" }
        var fields = [
            "S\(s)", date, quoted, s % 5 == 0 ? "conference" : "course", priorities[s % priorities.count],
            s % 3 == 0 ? "virtual" : "", "D\(next(300))", ["Police", "Health", "police ", "", "Education"][next(5)],
            next(4) == 0 ? "no" : "yes",
        ]
        switch next(60) {
        case 0: fields[1] = "2022-02-30"
        case 1: fields[8] = "maybe"
        case 2: fields[6] = ""
        case 3: fields[3] = s % 5 == 0 ? "course" : "conference"  // disagrees with the session
        case 4: fields.append("extra")
        default: break
        }
        out += fields.joined(separator: ",") + (next(10) == 0 ? "\r\n" : "\n")
    }
    return out
}
