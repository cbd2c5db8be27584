/// What the attendance register adds to the report: per year, per priority and per agency,
/// sessions, registrations, attendances and distinct people reached.
///
/// Final, exact counts; built by `AttendanceIngest` from the merged accumulators.
public struct AttendanceSummary: Sendable, Equatable {
    public struct Figures: Sendable, Equatable, Hashable {
        /// Sessions with at least one used row (attended or not).
        public var sessions: Int64 = 0
        /// Used rows: one per delegate booked on a session.
        public var registrations: Int64 = 0
        /// Used rows with attended = yes.
        public var attendances: Int64 = 0
        /// Distinct delegate ids over the attended rows.
        public var people: Int64 = 0
        public init(sessions: Int64 = 0, registrations: Int64 = 0, attendances: Int64 = 0, people: Int64 = 0) {
            self.sessions = sessions; self.registrations = registrations; self.attendances = attendances
            self.people = people
        }
    }

    /// Every financial year with a used row; a session counts once however many priorities it has.
    public var years: [FinancialYear: Figures] = [:]
    /// Per year and priority: a session or row tagged with several priorities counts toward each.
    public var priorities: [FinancialYear: [Priority: Figures]] = [:]
    /// Priorities as first found in the register (resolved through the catalog).
    public var priorityOrder: [Priority] = []
    /// Per year and agency (as first spelled; blank = `AttendanceSummary.unrecordedAgency`).
    /// `sessions` counts the sessions the agency booked delegates on.
    public var agencies: [FinancialYear: [String: Figures]] = [:]
    /// Distinct people who attended anything, over every year of the register.
    public var peopleAllYears: Int64 = 0

    public static let unrecordedAgency = "Not recorded"

    public init() {}
}
