import Foundation

/// The merged accumulator of every file read so far, with global ids.
struct AttendanceTotals {
    var files: [String] = []
    var directory = AttendanceDirectory()
    /// Per session of the directory (paged: see `PagedArray`).
    var sessionRegistrations = PagedArray<Int64>()
    var sessionAttendances = PagedArray<Int64>()
    /// Starts small and doubles: a table sized for 65,536 delegates was 2 MB zeroed for every
    /// register, however small (most of a FuzzAttendance case); the doublings up to 400,000
    /// delegates cost under a millisecond, and the final table, hence the peak, is the same.
    var delegates = ByteInterner(capacity: 1 << 10)
    var people = BitsetStore()
    var everyone: Int32 = -1
    var yearSets: [Int: Int32] = [:]
    struct KeyYear: Hashable {
        var key: String
        var year: Int
    }
    /// People per priority key and year.
    var keySets: [KeyYear: Int32] = [:]
    /// Per canonical list: where it first appears, and its items as first written.
    var canonicalFirst: [(file: Int32, line: Int32)] = []
    var canonicalItems: [[String]] = []
    var agencyIndex: [String: Int] = [:]
    var agencyName: [String] = []
    var agencyFirst: [(file: Int32, line: Int32)] = []
    /// (agency << 32 | start year) -> figures.
    var agencyYears: [Int64: (attendances: Int64, registrations: Int64)] = [:]
    /// Distinct (delegate, agency) pairs per year; slots by `agencySlot`.
    var agencyPeople = AgencyPeople()
    var agencySlot: [Int: Int] = [:]

    struct Merged {
        var read = 0, used = 0, rejected = 0, controlTotals = 0
        var stillBooked = 0, cancelledBookings = 0
        var diagnostics: [Diagnostic] = []
        var rejectedRows: [RejectedRow] = []
        var notListed = 0
    }

    static func agencyKey(_ spelling: String) -> String {
        spelling.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The people set of a year, made on first use.
    mutating func yearSet(_ year: Int) -> Int32 {
        if let s = yearSets[year] { return s }
        let s = people.make()
        yearSets[year] = s
        return s
    }

}
