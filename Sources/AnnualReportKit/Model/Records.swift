/// Where a record came from, so every figure can be traced back to a row.
struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    let file: String
    let line: Int
    init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    /// `training.csv:14`; a workbook's sheet (`videos.xlsx:Sheet1`, whose lines are its rows) as `videos.xlsx:Sheet1, row 14`.
    var description: String {
        let lower = file.lowercased()
        let inSheet = [".xlsx:", ".xlsm:", ".ods:"].contains { lower.contains($0) }
        return inSheet ? "\(file), row \(line)" : "\(file):\(line)"
    }
}

/// One training event: a session of a course, or a conference.
struct TrainingEvent: Hashable, Sendable {
    enum Kind: String, Sendable, CaseIterable { case course, conference }
    enum Status: String, Sendable, CaseIterable { case delivered, cancelled }
    enum Format: String, Sendable, CaseIterable {
        case faceToFace = "face-to-face"
        case virtual
    }

    // The small fields first: Swift lays a struct out in declaration order, and a register
    // makes one event per session (hundreds of thousands), so padding is memory.
    var date: CalendarDate
    var kind: Kind
    var status: Status
    var format: Format?
    /// False while `attendees` was left blank for a linked register to supply.
    var attendeesGiven = true
    var title: String
    var priorities: [Priority]
    var attendees: Int64
    var source: SourceLocation
    /// What a training row may record and a register's session never does, boxed: one
    /// pointer per event instead of 80 bytes, nil when none is recorded.
    private let recorded: Recorded?

    /// Immutable, so events that share one stay values.
    private final class Recorded: Hashable, Sendable {
        let eventID: String?, evaluations: Int64?, places: Int64?, booked: Int64?, cancelReason: String?
        init?(eventID: String?, evaluations: Int64?, places: Int64?, booked: Int64?, cancelReason: String?) {
            guard eventID != nil || evaluations != nil || places != nil || booked != nil || cancelReason != nil else {
                return nil
            }
            self.eventID = eventID
            self.evaluations = evaluations
            self.places = places
            self.booked = booked
            self.cancelReason = cancelReason
        }
        static func == (a: Recorded, b: Recorded) -> Bool {
            (a.eventID, a.evaluations, a.places, a.booked, a.cancelReason) == (
                b.eventID, b.evaluations, b.places, b.booked, b.cancelReason
            )
        }
        func hash(into hasher: inout Hasher) {
            hasher.combine(eventID)
            hasher.combine(evaluations)
            hasher.combine(places)
            hasher.combine(booked)
            hasher.combine(cancelReason)
        }
    }

    /// The booking system's id of the event (Eventbrite's `Event ID`), linking a register to it.
    var eventID: String? { recorded?.eventID }
    /// Evaluation forms completed, when recorded.
    var evaluations: Int64? { recorded?.evaluations }
    /// Places offered (capacity), when recorded.
    var places: Int64? { recorded?.places }
    /// Places booked (registrations), when recorded; a linked register supplies them instead.
    var booked: Int64? { recorded?.booked }
    /// Why a cancelled event was cancelled (`low numbers` …), as recorded.
    var cancelReason: String? { recorded?.cancelReason }

    var year: FinancialYear { FinancialYear(containing: date) }

    init(
        date: CalendarDate, title: String, kind: Kind, priorities: [Priority], status: Status,
        attendees: Int64, format: Format?, evaluations: Int64?, source: SourceLocation,
        eventID: String? = nil, attendeesGiven: Bool = true, places: Int64? = nil, booked: Int64? = nil,
        cancelReason: String? = nil
    ) {
        self.date = date
        self.title = title
        self.kind = kind
        self.priorities = priorities
        self.status = status
        self.attendees = attendees
        self.format = format
        self.source = source
        self.attendeesGiven = attendeesGiven
        // Most events (every register session) record none of these: no box, no allocation.
        let none = eventID == nil && evaluations == nil && places == nil && booked == nil && cancelReason == nil
        recorded =
            none
            ? nil
            : Recorded(
                eventID: eventID, evaluations: evaluations, places: places, booked: booked, cancelReason: cancelReason)
    }
}

/// What a video figure counts, as its source's column names it.
enum VideoMetric: String, Hashable, Sendable {
    /// Plays, as YouTube and Vimeo count them (a `views` column).
    case views
    /// Viewers who watched to the end (a `fully watched` or `completions` column), as the
    /// published report counts them.
    case fullyWatched = "fully watched"
}

/// Views of one training video (or of a whole category when only that is known) in a year.
struct VideoViews: Hashable, Sendable {
    var year: FinancialYear
    var category: String
    /// Nil for a category-level figure.
    var video: String?
    var videoID: String?
    var views: Int64
    var priorities: [Priority]
    var source: SourceLocation
    /// What `views` counts.
    var metric: VideoMetric = .views

    /// The part of the year a platform's export covers, when it is not the whole year.
    var period: ExportPeriod?

    /// What identifies the video across categories: its id, else its exact title.
    var identity: String? { videoID ?? video.map { "title:" + $0 } }

    init(
        year: FinancialYear, category: String, video: String?, videoID: String?, views: Int64,
        priorities: [Priority], source: SourceLocation, metric: VideoMetric = .views, period: ExportPeriod? = nil
    ) {
        self.year = year
        self.category = category
        self.video = video
        self.videoID = videoID
        self.views = views
        self.priorities = priorities
        self.source = source
        self.metric = metric
        self.period = period
    }
}

/// The dates a platform's export covers (YouTube Studio's date range, from its folder's name)
/// when they are only part of a financial year: its views are for those dates only.
struct ExportPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    let from: CalendarDate
    let to: CalendarDate

    /// `1 April to 30 September 2023`, or `1 October 2023 to 31 March 2024` across two calendar years.
    var description: String {
        func long(_ d: CalendarDate) -> String { "\(d.day) \(CalendarDate.monthNames[d.month - 1]) \(d.year)" }
        return from.year == to.year
            ? "\(from.day) \(CalendarDate.monthNames[from.month - 1]) to \(long(to))" : "\(long(from)) to \(long(to))"
    }

    /// What the report says beside the export's figures.
    func sentence(_ year: FinancialYear) -> String {
        "the YouTube export covers \(self), not the whole of \(year): its views are for that period only"
    }

    static func < (a: ExportPeriod, b: ExportPeriod) -> Bool { (a.from, a.to) < (b.from, b.to) }

    /// A note for each part-year export among `videos` of `year`, for the tables beside their figures.
    static func notes(_ videos: [VideoViews], year: FinancialYear) -> [String] {
        Set(videos.lazy.filter { $0.year == year }.compactMap(\.period)).sorted().map { p in
            let text = p.sentence(year)
            return text.prefix(1).uppercased() + text.dropFirst() + "."
        }
    }
}

/// A rapid review, local child safeguarding practice review or national review.
struct Review: Hashable, Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case rapidReview = "rapid review"
        case lcspr = "LCSPR"
        case national
    }

    var reference: String
    var kind: Kind
    /// Notification date (rapid review) or start date (LCSPR).
    var date: CalendarDate
    var published: CalendarDate?
    var sex: String?
    var ethnicity: String?
    var ageGroup: String?
    /// 1 for a case-level row; more for an aggregate row without child details.
    var count: Int64
    /// A rapid review's day the local authority became aware of the serious incident.
    var aware: CalendarDate?
    /// A rapid review's day it was completed and sent to the national Panel.
    var completed: CalendarDate?
    var source: SourceLocation

    var year: FinancialYear { FinancialYear(containing: date) }

    init(
        reference: String, kind: Kind, date: CalendarDate, published: CalendarDate?, sex: String?,
        ethnicity: String?, ageGroup: String?, count: Int64, aware: CalendarDate? = nil, completed: CalendarDate? = nil,
        source: SourceLocation
    ) {
        self.reference = reference
        self.kind = kind
        self.date = date
        self.published = published
        self.sex = sex
        self.ethnicity = ethnicity
        self.ageGroup = ageGroup
        self.count = count
        self.aware = aware
        self.completed = completed
        self.source = source
    }
}

/// One amount in the finance ledger.
struct FinanceLine: Hashable, Sendable {
    enum Kind: String, Sendable, CaseIterable { case contribution, expenditure, budget }

    var year: FinancialYear
    var kind: Kind
    /// The partner (contributions, budgets) or expenditure category.
    var line: String
    var amount: Money
    var board: String?
    var source: SourceLocation

}

extension FinanceLine {
    /// The boards named in `lines` (not blank), distinct by case, in order of first appearance.
    static func boards(in lines: [FinanceLine]) -> [String] {
        var seen: Set<String> = []
        var order: [String] = []
        for l in lines {
            guard let b = l.board, !b.isEmpty, seen.insert(b.lowercased()).inserted else { continue }
            order.append(b)
        }
        return order
    }
}

/// Everything read from an inputs folder. A nil dataset was absent, which is not the same as empty.
struct Records: Sendable {
    var training: [TrainingEvent]?
    var videos: [VideoViews]?
    var reviews: [Review]?
    var finance: [FinanceLine]?
    /// What per-delegate attendance registers add (distinct people); their sessions are also in `training`.
    var attendance: AttendanceSummary?
    /// Bookings from registers linked to training events by `event_id` (Eventbrite's attendee report).
    var bookings: BookingSummary?
    /// Completed evaluation forms, each linked to its training event.
    var evaluations: [EvaluationForm]?
    /// Reviews' and audits' recommendations, each with its status.
    var recommendations: [Recommendation]?
    /// Multi-agency case audits, one row per agency per audit.
    var audits: [CaseAuditRow]?

    init(
        training: [TrainingEvent]? = nil, videos: [VideoViews]? = nil, reviews: [Review]? = nil,
        finance: [FinanceLine]? = nil, attendance: AttendanceSummary? = nil
    ) {
        self.training = training
        self.videos = videos
        self.reviews = reviews
        self.finance = finance
        self.attendance = attendance
    }

    /// A register's sessions come in date order, hundreds of thousands of them: a year is
    /// hashed only when it differs from the event before's.
    static func trainingYears(_ events: [TrainingEvent]?) -> Set<FinancialYear> {
        var years = Set<FinancialYear>()
        var last: FinancialYear?
        for e in events ?? [] where e.year != last {
            last = e.year
            years.insert(e.year)
        }
        return years
    }
}

/// What a booking register linked to training events says of each event and year: the rows
/// are counted here, people by their `delegate_id` else their normalised email, never named.
struct BookingSummary: Sendable, Equatable {
    struct Event: Sendable, Equatable {
        var eventID: String
        var date: CalendarDate
        var title: String
        /// Bookings that were not cancelled: attended + no-shows.
        var registrations: Int64 = 0
        var attended: Int64 = 0
        var noShows: Int64 = 0
        /// Bookings cancelled, refunded or transferred: not registrations.
        var cancelled: Int64 = 0
        var year: FinancialYear { FinancialYear(containing: date) }

        init(eventID: String, date: CalendarDate, title: String) {
            self.eventID = eventID
            self.date = date
            self.title = title
        }
    }

    /// In order of the training rows they link to.
    var events: [Event]
    /// Distinct people who attended, per year.
    var peoplePerYear: [FinancialYear: Int64]
}

/// One completed evaluation form: the ratings a delegate gave before and after the event.
struct EvaluationForm: Sendable, Equatable {
    /// One measure's pair of ratings (`Knowledge` 2 before, 4 after).
    struct Rating: Sendable, Equatable {
        var measure: String
        var before: Int64
        var after: Int64
    }

    /// The event's date, title and priorities, from the training row it links to.
    var eventDate: CalendarDate
    var eventTitle: String
    var eventSource: SourceLocation
    var priorities: [Priority]
    /// Measures rated both before and after; a blank rating leaves its measure out.
    var ratings: [Rating]
    var source: SourceLocation

    var year: FinancialYear { FinancialYear(containing: eventDate) }

    init(
        eventDate: CalendarDate, eventTitle: String, eventSource: SourceLocation, priorities: [Priority],
        ratings: [Rating], source: SourceLocation
    ) {
        self.eventDate = eventDate
        self.eventTitle = eventTitle
        self.eventSource = eventSource
        self.priorities = priorities
        self.ratings = ratings
        self.source = source
    }
}
