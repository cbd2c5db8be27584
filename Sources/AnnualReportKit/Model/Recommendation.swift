/// One recommendation of a review or an audit, and where it stands. Its own text is never
/// read into the model: only where it came from, who owns it, its dates and its status.
struct Recommendation: Sendable, Hashable {
    enum Status: String, Sendable, CaseIterable {
        case notStarted = "not started"
        case inProgress = "in progress"
        case complete
        case impactEvidenced = "impact evidenced"
        var isComplete: Bool { self == .complete || self == .impactEvidenced }
    }

    /// Where it stood at a year's end.
    enum Standing: Sendable, Equatable { case notStarted, inProgress, complete }

    /// The review's reference or the audit's name.
    var source: String
    var number: String?
    var owner: String?
    var agreed: CalendarDate?
    var due: CalendarDate?
    var status: Status
    var completed: CalendarDate?
    var location: SourceLocation

    /// Whether it had been made by `day`: agreed by then. One with no agreed date cannot be
    /// placed in time, so it is counted at the end of the report's own year only.
    func made(by day: CalendarDate, isReportYear: Bool) -> Bool {
        agreed.map { $0 <= day } ?? isReportYear
    }

    /// Its standing at `day`: complete only when completed by then (a complete one with no
    /// completed date counts as complete); one completed later was still in progress.
    func standing(at day: CalendarDate) -> Standing {
        if status.isComplete { return completed.map { $0 <= day } ?? true ? .complete : .inProgress }
        return status == .inProgress ? .inProgress : .notStarted
    }

    /// Due by `day` and not complete at `day`.
    func isOverdue(at day: CalendarDate) -> Bool {
        guard let due, due <= day else { return false }
        return standing(at: day) != .complete
    }

    /// Complete at `day`, on or before its due date.
    func completedByDue(at day: CalendarDate) -> Bool {
        guard standing(at: day) == .complete, let due, let completed else { return false }
        return completed <= due
    }
}
