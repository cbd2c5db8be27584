/// What the attendance register adds to the report: per year, per priority and per agency,
/// sessions, registrations, attendances and distinct people reached.
///
/// Final, exact counts; built by `AttendanceIngest` from the merged accumulators.
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
        init(sessions: Int64 = 0, registrations: Int64 = 0, attendances: Int64 = 0, people: Int64 = 0) {
            self.sessions = sessions; self.registrations = registrations; self.attendances = attendances
            self.people = people
        }
    }

    /// Every financial year with a used row; a session counts once however many priorities it has.
    var years: [FinancialYear: Figures] = [:]
    /// Per year and priority: a session or row tagged with several priorities counts toward each.
    var priorities: [FinancialYear: [Priority: Figures]] = [:]
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
