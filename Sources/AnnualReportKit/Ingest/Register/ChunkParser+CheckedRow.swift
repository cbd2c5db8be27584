import Foundation

// The checking path: every check, by `RowReader`, for rows the fast path does not take.

extension ChunkParser {

    // The words the register accepts for `kind` and `format` are training's (`DatasetParsers`),
    // and for `attended` SPEC's booking values (`AttendanceWords`).

    /// Every check, by `RowReader` as for every other dataset: for rows the fast path does not
    /// take (new or differently written session details, unusual values, and every row with a
    /// problem). Session and delegate ids are then read as the fast path reads them, trimmed
    /// only, so that one id is one key whichever path reads it.
    mutating func slowRow(
        position: ChunkPosition, recordStart: Int, recordEnd: Int, line: Int32, fieldCount: Int
    ) {
        aggregate.slowRows += 1
        let record = record(recordStart: recordStart, line: line, fieldCount: fieldCount)
        if let label = summaryLabel(record) {
            summaryRow(position, label)
            return
        }
        var row = RowReader(file: layout.fileName, record: record, header: layout.header, schema: layout.schema)
        if layout.monthFirst && layout.date >= 0 { row.monthFirst = [layout.date] }
        let values = checkedValues(&row, position: position)
        for serial in row.excelSerials {
            let (l, c) = (Int32(serial.position.line), serial.position.column)
            aggregate.excelSerials.add(
                at: ChunkPosition(chunk: chunkIndex, line: l), column: c, raw: serial.raw, date: serial.date)
        }
        var problems = row.problems.map {
            PendingRejection.Problem(line: Int32($0.line), column: $0.column, message: $0.message)
        }
        var session = -1
        if values.sessionGiven != nil, let sessionID = identifier(layout.session), let date = values.date,
            let title = values.title, let kind = values.kind, values.listOK, values.formatOK
        {
            session = checkedSession(
                sessionID, date: date, title: title, kind: kind, format: values.format, list: values.list, row: row,
                position: position, problems: &problems)
        }
        guard problems.isEmpty, session >= 0, let delegate = identifier(layout.delegate) ?? identifier(layout.email),
            let outcome = values.outcome
        else {
            if problems.isEmpty { problems.append(.init(line: line, column: nil, message: "row could not be read")) }
            reject(position, recordStart, recordEnd, problems: problems, reason: nil)
            return
        }
        countChecked(session: session, delegate: delegate, outcome: outcome, position: position)
    }

    /// A row's values as the checking path reads them; `row` collects the problems.
    struct CheckedValues {
        var sessionGiven: String?
        var date: CalendarDate?
        var title: String?
        var kind: TrainingEvent.Kind?
        /// The row's priority list (an id into the worker's `listTexts`), and whether it has no problem.
        var list: Int32
        var listOK: Bool
        var format: TrainingEvent.Format?
        var formatOK: Bool
        var outcome: AttendanceWords.Outcome?
    }

    /// Reads and checks every column of the row, in the order of the schema, noting a date's
    /// order evidence and interning a new priority list.
    private mutating func checkedValues(_ row: inout RowReader, position: ChunkPosition) -> CheckedValues {
        let record = row.record
        let sessionGiven = row.required("session_id", "the session's id from the booking system")
        let date = row.date("date")
        if layout.date >= 0, layout.date < record.fields.count {
            aggregate.dateOrder.add(
                record.fields[layout.date],
                at: ChunkPosition(chunk: chunkIndex, line: Int32(record.positions[layout.date].line)),
                column: record.positions[layout.date].column)
        }
        let title = row.requiredLabel("title", "the course or conference name")
        let kind = row.choice("kind", DatasetParsers.kinds, default: .course)
        var listOK = true
        let listText = row.text("priorities") ?? ""
        let (list, inserted) = aggregate.listTexts.intern(Array(listText.utf8))
        if inserted {
            let parsed = PriorityList(text: listText, catalog: priorities)
            aggregate.lists.append(parsed)
            aggregate.listFirst.append(position)
            aggregate.listCanonical.append(aggregate.canonicals.intern(Array(parsed.canonical.utf8)).id)
        }
        for problem in aggregate.lists[Int(list)].problems {
            listOK = false
            row.fail("priorities", problem)
        }
        let formatGiven = row.text("format") != nil
        let format = formatGiven ? row.choice("format", DatasetParsers.formats, default: nil) : nil
        let formatOK = !formatGiven || format != nil
        let delegateColumn = layout.delegate == layout.email ? "email" : "delegate_id"
        let delegateGiven = row.text("delegate_id") ?? row.text("email")
        if delegateGiven == nil {
            row.fail(
                delegateColumn,
                "missing \(delegateColumn); expected \(delegateColumn == "email" ? "the delegate's email" : "the delegate's id from the booking system")"
            )
        }
        let outcome = AttendanceWords.read(&row)
        if let agency = row.text("agency"), PersonalText.reachesPerson(agency) {
            row.fail("agency", RowReader.personalLabel("agency", expected: "the delegate's agency"))
        }
        return CheckedValues(
            sessionGiven: sessionGiven, date: date, title: title, kind: kind, list: list, listOK: listOK,
            format: format, formatOK: formatOK, outcome: outcome)
    }

    /// The session of a row whose details are readable: made its reference row when it is the
    /// first (and agrees with an earlier file's), else compared with its reference, a difference
    /// added to `problems`. Returns the worker's id of the session.
    private mutating func checkedSession(
        _ sessionID: String, date: CalendarDate, title: String, kind: TrainingEvent.Kind,
        format: TrainingEvent.Format?, list: Int32, row: RowReader, position: ChunkPosition,
        problems: inout [PendingRejection.Problem]
    ) -> Int {
        func fail(_ f: Int, _ message: String, reference: Int32) {
            let p = row.record.positions[f]
            problems.append(.init(line: Int32(p.line), column: p.column, message: message, referenceSession: reference))
        }
        let canonical = aggregate.listCanonical[Int(list)]
        let details = SessionDetails(
            date: date, title: aggregate.titles.intern(Array(title.utf8)).id, kind: kind,
            format: format, priorities: canonical)
        let (id, inserted) = aggregate.sessions.intern(Array(sessionID.utf8))
        if inserted { aggregate.sessionStates.append(AttendanceAggregate.Session()) }
        let session = Int(id)
        func mine() -> Details {
            (date: date, title: title, kind: kind, format: format, canonical: aggregate.canonicals.string(canonical))
        }
        if !aggregate.sessionStates[session].hasReference {
            var matches = true
            if let g = directory.sessions.find(Array(sessionID.utf8)) {
                let ref = directory.strings(directory.details[Int(g)])
                if let (f, message) = mismatch(sessionID, mine(), ref) {
                    matches = false
                    fail(f, message, reference: Int32(session))
                }
            }
            if matches {
                setReference(session, details, signature: signature(), position: position)
                if row.excelSerials.contains(where: { $0.column == "date" }) {
                    aggregate.serialSessions.insert(Int32(session))
                }
            }
        } else if aggregate.sessionStates[session].details != details {
            let ref = aggregate.sessionStates[session].details
            let theirs = (
                date: ref.calendarDate, title: aggregate.titles.string(ref.title), kind: ref.eventKind,
                format: ref.eventFormat, canonical: aggregate.canonicals.string(ref.priorities)
            )
            if let (f, message) = mismatch(sessionID, mine(), theirs) { fail(f, message, reference: Int32(session)) }
        }
        return session
    }

    /// Counts a checked row: a cancelled booking as used and nothing more, else its registration,
    /// its agency and, when attended, its delegate.
    private mutating func countChecked(
        session: Int, delegate: String, outcome: AttendanceWords.Outcome, position: ChunkPosition
    ) {
        if outcome == .cancelled {
            aggregate.cancelledBooking()
            return
        }
        if outcome == .stillBooked { aggregate.stillBooked += 1 }
        let attended = outcome == .attended
        let agencyBytes = Array((identifier(layout.agency) ?? "").utf8)
        let agency = agencyBytes.withUnsafeBufferPointer { a in
            aggregate.agency(a.baseAddress ?? UnsafePointer(bitPattern: 1)!, a.count, at: position)
        }
        var delegateID: Int32 = -1
        if attended { delegateID = aggregate.delegates.intern(Array(PersonKey.key(delegate).utf8)).id }
        aggregate.count(session: session, agency: agency, delegate: delegateID, attended: attended)
    }

    typealias Details = (
        date: CalendarDate, title: String, kind: TrainingEvent.Kind, format: TrainingEvent.Format?, canonical: String
    )

    /// The first difference between a row's session details and its reference row's, as a located message.
    func mismatch(_ session: String, _ mine: Details, _ ref: Details) -> (Int, String)? {
        func message(_ what: String, _ here: String, _ there: String) -> String {
            "session '\(RowReader.shown(session))' has \(what) \(here) here but \(there) at \(attendanceReferencePlaceholder); expected the same date, title, kind, priorities and format on every row of a session"
        }
        func list(_ canonical: String) -> String {
            canonical.isEmpty ? "none" : "'" + canonical.split(separator: "\u{1F}").joined(separator: "; ") + "'"
        }
        if mine.date != ref.date { return (layout.date, message("date", mine.date.description, ref.date.description)) }
        if mine.title != ref.title {
            return (
                layout.title, message("title", "'\(RowReader.shown(mine.title))'", "'\(RowReader.shown(ref.title))'")
            )
        }
        if mine.kind != ref.kind { return (layout.kind, message("kind", mine.kind.rawValue, ref.kind.rawValue)) }
        if mine.canonical != ref.canonical {
            return (layout.priorities, message("priorities", list(mine.canonical), list(ref.canonical)))
        }
        if mine.format != ref.format {
            return (layout.format, message("format", mine.format?.rawValue ?? "none", ref.format?.rawValue ?? "none"))
        }
        return nil
    }

    mutating func reject(
        _ position: ChunkPosition, _ recordStart: Int, _ recordEnd: Int, problems: [PendingRejection.Problem],
        reason: String?
    ) {
        aggregate.rejected += 1
        guard aggregate.rejections.count < keepLimit else {
            aggregate.rejectionsNotKept += 1
            return
        }
        var end = recordEnd
        while end > recordStart && (b[end - 1] == 0x0A || b[end - 1] == 0x0D) { end -= 1 }
        var reader = CSVReader(bytes: Array(UnsafeBufferPointer(start: b + recordStart, count: end - recordStart)))
        let fields = layout.withholding.apply(reader.next()?.fields ?? [])
        aggregate.rejections.append(
            PendingRejection(position: position, problems: problems, reason: reason, fields: fields))
    }
}
