import Foundation

/// The session-level values a row carries, packed; strings are ids into the owner's tables.
struct SessionDetails: Equatable, Sendable {
    /// `yyyymmdd`.
    var date: Int32
    var title: Int32
    /// 0 course, 1 conference.
    var kind: UInt8
    /// 0 none, 1 face-to-face, 2 virtual.
    var format: UInt8
    /// Id of the canonical priority list (the set of priority keys).
    var priorities: Int32

    init(date: CalendarDate, title: Int32, kind: TrainingEvent.Kind, format: TrainingEvent.Format?, priorities: Int32) {
        self.date = Int32(date.year * 10000 + date.month * 100 + date.day)
        self.title = title
        self.kind = kind == .course ? 0 : 1
        self.format = format == nil ? 0 : format == .faceToFace ? 1 : 2
        self.priorities = priorities
    }

    var calendarDate: CalendarDate {
        CalendarDate(year: Int(date / 10000), month: Int(date / 100 % 100), day: Int(date % 100))!
    }
    var eventKind: TrainingEvent.Kind { kind == 0 ? .course : .conference }
    var eventFormat: TrainingEvent.Format? { format == 0 ? nil : format == 1 ? .faceToFace : .virtual }
}
