/// What the attendance register counted: sessions, registrations and attendances per year and
/// priority list, distinct people per year, per (year, priority) and per agency, and rows per
/// agency. Exact counts, built by `AttendanceIngest` from the merged accumulators (rows are
/// never kept, so distinct people are counted there); `Compute/AttendanceFigures.swift` turns
/// them into the per-year and per-priority figures the tables show.
struct AttendanceSummary: Sendable, Equatable {
    struct Figures: Sendable, Equatable, Hashable {
        /// Sessions with at least one used row (attended or not).
        var sessions: Int64 = 0
        /// Used rows: one per delegate booked on a session.
        var registrations: Int64 = 0
        /// Used rows with attended = yes.
        var attendances: Int64 = 0
        /// Distinct delegate ids over the attended rows.
        var people: Int64 = 0
    }

    /// Sessions with a used row, their rows and attended rows, for one year and one priority
    /// list as the register tags sessions (resolved through the catalog).
    struct Group: Sendable, Equatable {
        var year: FinancialYear
        var priorities: [Priority]
        var sessions: Int64 = 0
        var registrations: Int64 = 0
        var attendances: Int64 = 0
    }

    /// In order of each group's first session in the register.
    var groups: [Group] = []
    /// Distinct people who attended, per year with a used row.
    var peoplePerYear: [FinancialYear: Int64] = [:]
    /// Distinct people who attended a session tagged with the priority, per year.
    var peoplePerPriority: [FinancialYear: [Priority: Int64]] = [:]
    /// Priorities as first found in the register (resolved through the catalog).
    var priorityOrder: [Priority] = []
    /// Per year and agency (as first spelled; blank = `AttendanceSummary.unrecordedAgency`).
    /// `sessions` counts the sessions the agency booked delegates on.
    var agencies: [FinancialYear: [String: Figures]] = [:]
    /// Distinct people who attended anything, over every year of the register.
    var peopleAllYears: Int64 = 0

    static let unrecordedAgency = "Not recorded"

    init() {}
}
