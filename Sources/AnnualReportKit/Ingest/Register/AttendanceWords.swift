/// The words a plain register's `attended` column accepts: SPEC's booking values, the same
/// as a linked register's (`EventbriteRegister.outcomes`), plus the yes/no forms of a
/// spreadsheet (`y`, `true`, `1` …). Both of the register's paths read them: the checking path
/// through `Choice.match`, the byte fast path through `outcome(_:_:)`, which folds the bytes
/// as `DatasetSchema.normalize` does, so the two always agree.
enum AttendanceWords {
    typealias Outcome = EventbriteRegister.Outcome

    static let values: [(String, Outcome)] = [
        ("yes", .attended), ("attended", .attended), ("present", .attended), ("checked in", .attended),
        ("y", .attended), ("true", .attended), ("1", .attended),
        ("no", .noShow), ("absent", .noShow), ("no show", .noShow), ("did not attend", .noShow),
        ("n", .noShow), ("dna", .noShow), ("false", .noShow), ("0", .noShow),
        ("attending", .stillBooked), ("booked", .stillBooked), ("registered", .stillBooked),
        ("not attending", .cancelled), ("cancelled", .cancelled), ("canceled", .cancelled), ("refunded", .cancelled),
        ("transferred", .cancelled),
    ]

    /// What an error about the column says was expected.
    static let expected =
        "yes, attended, present or checked in (attended); no, absent, no show or did not attend (a no-show); "
        + "attending, booked or registered (still booked after the session: a no-show); "
        + "not attending, cancelled, refunded or transferred (a cancelled booking)"

    /// The outcome of the cell, or a located problem on `row`.
    static func read(_ row: inout RowReader) -> Outcome? {
        guard let raw = row.text("attended") else {
            row.fail("attended", "missing attended; expected \(expected)")
            return nil
        }
        if let outcome = Choice.match(raw, values) { return outcome }
        row.fail("attended", "unknown attended \(PersonalText.quoted(raw)); expected \(expected)")
        return nil
    }

    /// Up to 16 folded bytes, packed: the fast path's key for a word.
    private struct Key: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0, length = 0
        /// False when the word is too long to be one of `values`.
        mutating func append(_ c: UInt8) -> Bool {
            guard length < 16 else { return false }
            if length < 8 { low |= UInt64(c) << (8 * length) } else { high |= UInt64(c) << (8 * (length - 8)) }
            length += 1
            return true
        }
    }

    /// Each word folded as `DatasetSchema.normalize` folds it, for the fast path.
    private static let folded: [Key: Outcome] = {
        var table: [Key: Outcome] = [:]
        for (word, outcome) in values {
            var key = Key()
            for c in DatasetSchema.normalize(word).utf8 { _ = key.append(c) }
            table[key] = outcome
        }
        return table
    }()

    /// The outcome of `count` bytes at `p`, or nil for anything `Choice.match` might read
    /// otherwise (a byte beyond ASCII, a longer value): the checking path then decides.
    static func outcome(_ p: UnsafePointer<UInt8>, _ count: Int) -> Outcome? {
        var key = Key()
        for i in 0..<count {
            var c = p[i]
            switch c {
            case 0x20, 0x5F, 0x2D, 0x09, 0x0A, 0x0D: continue
            case 0x41...0x5A: c += 0x20
            case 0x80...: return nil
            default: break
            }
            guard key.append(c) else { return nil }
        }
        return folded[key]
    }

    /// The file's notes on bookings still open after their session and bookings cancelled.
    static func notes(stillBooked: Int, cancelled: Int, file: String) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        if stillBooked > 0 {
            notes.append(
                Diagnostic(
                    .note, file: file, line: 0, column: nil,
                    "\(Count.grouped(stillBooked)) booking\(stillBooked == 1 ? " is" : "s are") still 'attending', 'booked' or 'registered' after the session and counted as no-show\(stillBooked == 1 ? "" : "s")"
                ))
        }
        if cancelled > 0 {
            notes.append(
                Diagnostic(
                    .note, file: file, line: 0, column: nil,
                    "\(Count.grouped(cancelled)) booking\(cancelled == 1 ? " was" : "s were") cancelled (not attending, cancelled, refunded or transferred): read, and not counted as registrations"
                ))
        }
        return notes
    }
}
