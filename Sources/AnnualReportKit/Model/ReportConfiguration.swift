/// What the configuration file (`annual-report.yaml`) says; every field is optional.
struct ReportConfiguration: Sendable, Equatable {
    /// Heads the report; without it the title is neutral ("Safeguarding Children Partnership").
    var partnership: String?
    /// The board whose figures the finance tables show (e.g. `SCP`); lines with a blank board are its
    /// too. nil: the ledger names no board, so every line is the report's.
    var board: String?
    /// The year reported on; nil means the latest year in the data.
    var reportingYear: FinancialYear?
    /// The business priorities of each year, in the order the report lists them.
    var priorities: [FinancialYear: [PriorityDefinition]]
    /// More header names per dataset and column (`columns: {training: {attendees: [Number Attended]}}`).
    var columns: [String: [String: [String]]] = [:]
    /// The rating scale of evaluation forms (`evaluation_scale: [1, 5]`).
    var evaluationScale: ClosedRange<Int64> = 1...5
    /// Other spellings of a partner, canonical name first (`partners: {Leicestershire County Council: [LCC]}`).
    var partners: [String: [String]] = [:]
    /// More days that are not working days, beside England and Wales bank holidays
    /// (`bank_holidays: [2024-12-27]`).
    var bankHolidays: Set<CalendarDate> = []
    /// The national Panel's limits for rapid reviews, in working days
    /// (`review_limits: {notify_days: 5, rapid_review_days: 15}`).
    var reviewLimits = ReviewLimits()

    init(
        partnership: String? = nil, board: String? = nil, reportingYear: FinancialYear? = nil,
        priorities: [FinancialYear: [PriorityDefinition]] = [:]
    ) {
        self.partnership = partnership
        self.board = board
        self.reportingYear = reportingYear
        self.priorities = priorities
    }
}

/// The national Panel's limits for a rapid review, in working days: the Panel notified within
/// `notifyDays` of the local authority becoming aware of the serious incident, and the rapid
/// review completed within `rapidReviewDays` of the notification.
struct ReviewLimits: Sendable, Equatable {
    var notifyDays: Int
    var rapidReviewDays: Int

    init(notifyDays: Int = 5, rapidReviewDays: Int = 15) {
        self.notifyDays = notifyDays
        self.rapidReviewDays = rapidReviewDays
    }
}
