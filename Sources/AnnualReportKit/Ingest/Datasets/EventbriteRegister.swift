/// Eventbrite's attendee report (UK or US headings), and any booking register whose rows
/// carry only the person and their booking: linked to training events by `event_id`, which
/// give the date, title, kind and priorities.
///
/// A person is their `delegate_id`, else their email (trimmed, lower-cased). Booking values:
/// `yes`, `attended`, `present`, `checked in` attended; `no`, `absent`, `no show`, `did not
/// attend` are no-shows, and so is a booking still `attending`, `booked` or `registered`
/// after its event; `not attending`, `cancelled`, `refunded`, `transferred` are cancelled
/// bookings, not registrations. Names, emails and the organiser's own questions are read to
/// count people and never written out (`(withheld)` in rejects.csv).
enum EventbriteRegister {
    static let schema = DatasetSchema(
        name: "bookings",
        columns: [
            .init("event_id", aliases: ["event id", "eventbrite event id"], required: true),
            .init("email", aliases: ["email address", "attendee email"]),
            .init("delegate_id", aliases: ["delegate", "person id", "attendee id", "participant id"]),
            .init("status", aliases: ["attendee status", "booking status", "attended", "attendance"], required: true),
            .init("event", aliases: ["event name"]),
            .init("first_name", aliases: ["first name", "forename"]),
            .init("surname", aliases: ["last name", "family name"]),
            .init("order", aliases: ["order no.", "order #", "order number", "order no"]),
            .init("attendee_no", aliases: ["attendee no.", "attendee #", "attendee no", "ticket no."]),
        ], personal: ["email", "delegate_id", "first_name", "surname", "order", "attendee_no"],
        typed: ["event_id", "status"])

    /// Whether a header is a booking register's: an `Event ID` and an `Attendee Status`.
    static func recognises(_ header: [String]) -> Bool {
        let names = Set(header.map(DatasetSchema.normalize))
        return names.contains("eventid") && names.contains("attendeestatus")
    }

    enum Outcome: Equatable { case attended, noShow, stillBooked, cancelled }

    static let outcomes: [(String, Outcome)] = [
        ("attended", .attended), ("yes", .attended), ("present", .attended), ("checked in", .attended),
        ("checkedin", .attended),
        ("no show", .noShow), ("no", .noShow), ("absent", .noShow), ("did not attend", .noShow), ("dna", .noShow),
        ("attending", .stillBooked), ("booked", .stillBooked), ("registered", .stillBooked),
        ("not attending", .cancelled), ("cancelled", .cancelled), ("canceled", .cancelled), ("refunded", .cancelled),
        ("transferred", .cancelled),
    ]

    struct Booking {
        var eventID: String
        var person: String
        var outcome: Outcome
        var source: SourceLocation
    }

    /// `events` maps each training row's `event_id` to it; a booking for another id is an error.
    static func ingester(events: [String: TrainingEvent]) -> FileIngester<Booking> {
        FileIngester(
            schema: schema,
            parse: { row in
                let eventID = row.id("event_id", required: "the Event ID of a training row's event_id")
                let outcome = row.choice("status", outcomes, default: nil)
                let person = (row.text("delegate_id") ?? row.text("email")).map(PersonKey.key)
                if person == nil {
                    row.fail(
                        row.has("email") ? "email" : "delegate_id", "missing person; expected a delegate_id or an email"
                    )
                }
                if let eventID, events[eventID] == nil {
                    row.fail(
                        "event_id",
                        "unknown Event ID \(PersonalText.quoted(eventID)); expected the event_id of a row in the training files"
                    )
                    // One line for them all when a training file holds this id as Excel shortened it.
                    row.foldLastProblem(into: ExcelShortened.unknownKey(file: row.file, id: eventID))
                }
                guard let eventID, let outcome, let person, events[eventID] != nil else { return nil }
                return Booking(
                    eventID: eventID, person: person, outcome: outcome,
                    source: SourceLocation(file: row.file, line: row.record.line))
            }, duplicateKey: { _ in nil }, describeDuplicate: "booking")
    }

    /// Counts the bookings per event and year, fills the attendees a training row left blank,
    /// and reports a training row whose attendees disagree with its register.
    static func link(_ bookings: [Booking], training: inout [TrainingEvent]) -> (BookingSummary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var indexOf: [String: Int] = [:]
        for (i, e) in training.enumerated() {
            guard let id = e.eventID else { continue }
            if let first = indexOf[id] {
                diagnostics.append(
                    Diagnostic(
                        .error, file: e.source.file, line: e.source.line, column: nil,
                        "event_id '\(id)' is also the event_id of \(training[first].source); expected each event's id once"
                    ))
            } else {
                indexOf[id] = i
            }
        }
        var events: [String: BookingSummary.Event] = [:]
        var people: [FinancialYear: Set<String>] = [:]
        var stillBooked = 0
        for b in bookings {
            guard let i = indexOf[b.eventID] else { continue }
            let e = training[i]
            var figures = events[b.eventID] ?? BookingSummary.Event(eventID: b.eventID, date: e.date, title: e.title)
            switch b.outcome {
            case .attended:
                figures.attended += 1
                figures.registrations += 1
                people[e.year, default: []].insert(b.person)
            case .noShow:
                figures.noShows += 1
                figures.registrations += 1
            case .stillBooked:
                figures.noShows += 1
                figures.registrations += 1
                stillBooked += 1
            case .cancelled: figures.cancelled += 1
            }
            events[b.eventID] = figures
        }
        if stillBooked > 0 {
            diagnostics.append(
                Diagnostic(
                    .note, file: bookings[0].source.file, line: 0, column: nil,
                    "\(stillBooked) booking\(stillBooked == 1 ? " is" : "s are") still 'Attending' (or booked) after the event and counted as no-show\(stillBooked == 1 ? "" : "s"): the booking system marks attendance only when someone is checked in"
                ))
        }
        for (id, i) in indexOf.sorted(by: { $0.value < $1.value }) {
            let e = training[i]
            guard e.status == .delivered else { continue }
            let attended = events[id]?.attended
            if !e.attendeesGiven {
                if let attended {
                    training[i].attendees = attended
                    training[i].attendeesGiven = true
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .error, file: e.source.file, line: e.source.line, column: nil,
                            "attendees left blank for event_id '\(id)', and no booking register has that Event ID; expected the attendees, or the event's register"
                        ))
                }
            } else if let attended, attended != e.attendees, let first = bookings.first(where: { $0.eventID == id }) {
                diagnostics.append(
                    Diagnostic(
                        .error, file: e.source.file, line: e.source.line, column: nil,
                        "attendees \(Count.grouped(e.attendees)) for '\(e.title)' (event_id '\(id)') but \(first.source.file) records \(Count.grouped(attended)) attended; expected the same figure, or attendees left blank to take the register's"
                    ))
            }
        }
        let ordered = indexOf.sorted(by: { $0.value < $1.value }).compactMap { events[$0.key] }
        return (BookingSummary(events: ordered, peoplePerYear: people.mapValues { Int64($0.count) }), diagnostics)
    }
}
