/// `training*.csv`: one row per training event (a course or a conference), its date, title,
/// kind, priorities, status, attendees and, when known, format, evaluations, places and bookings.
extension DatasetSchema {
    static let training = DatasetSchema(
        name: "training",
        columns: [
            Column(
                "date", aliases: ["event date", "session date", "date of event", "date of session"], required: true),
            Column(
                "title", aliases: ["course", "event", "course title", "name", "event title", "event name"],
                required: true),
            Column("kind", aliases: ["type", "event type"]),
            Column("priorities", aliases: ["priority", "business priorities"]),
            Column("status"),
            Column(
                "attendees",
                aliases: [
                    "attended", "delegates", "attendance", "number attended", "no attended",
                    "no. attended", "attendees number", "no. of delegates", "number of delegates", "delegates attended",
                ], required: true),
            Column("format", aliases: ["delivery", "mode"]),
            Column("evaluations", aliases: ["evaluations completed", "evaluation forms"]),
            Column("event_id", aliases: ["event id", "eventbrite id", "eventbrite event id", "booking id"]),
            Column("places", aliases: ["capacity", "places offered", "spaces"]),
            Column("booked", aliases: ["bookings", "places booked", "registrations", "registered"]),
            Column(
                "cancel_reason",
                aliases: ["cancellation reason", "reason cancelled", "reason for cancellation", "reason"]),
        ], totalled: [Totalled("attendees"), Totalled("evaluations"), Totalled("places"), Totalled("booked")],
        totalKeys: ["kind", "status", "format"],
        typed: [
            "date", "kind", "priorities", "status", "attendees", "format", "evaluations", "event_id", "places",
            "booked",
        ], datedBy: "date")
}

extension DatasetParsers {
    /// Training events, each once (by date, title and kind); `catalog` reads their priorities.
    static func training(catalog: PriorityCatalog) -> FileIngester<TrainingEvent> {
        FileIngester(
            schema: .training,
            parse: { row in
                let date = row.date("date")
                let title = row.requiredLabel("title", "the course or conference name")
                let kind = row.choice("kind", kinds, default: .course)
                let priorities = row.priorities("priorities", catalog: catalog)
                let status = row.choice(
                    "status",
                    [
                        ("delivered", TrainingEvent.Status.delivered), ("cancelled", .cancelled),
                        ("canceled", .cancelled),
                    ],
                    default: .delivered)
                let eventID = row.id("event_id")
                // Blank attendees are allowed for a cancelled event, and for one a linked register counts.
                let linkedBlank = row.text("event_id") != nil && row.text("attendees") == nil
                let attendees = row.count("attendees", default: status == .cancelled || linkedBlank ? 0 : nil)
                let format = row.text("format") == nil ? nil : row.choice("format", formats, default: nil)
                let evaluations = row.text("evaluations") == nil ? nil : row.count("evaluations")
                let places = row.text("places") == nil ? nil : row.count("places")
                let booked = row.text("booked") == nil ? nil : row.count("booked")
                guard let date, let title, let kind, let status, let attendees else { return nil }
                return TrainingEvent(
                    date: date, title: title, kind: kind, priorities: priorities, status: status,
                    attendees: attendees, format: format, evaluations: evaluations,
                    source: SourceLocation(file: row.file, line: row.record.line),
                    eventID: eventID, attendeesGiven: !linkedBlank || status == .cancelled,
                    places: places, booked: booked, cancelReason: row.text("cancel_reason"))
            }, duplicateKey: { "\($0.date)|\($0.title.lowercased())|\($0.kind)" },
            describeDuplicate: "training event (same date, title and kind)")
    }
}
