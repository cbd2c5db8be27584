import Foundation

// A session's first row in a worker, read from its bytes when plainly written.

extension ChunkParser {
    /// Case-insensitive ASCII comparison of `b[s..<e]` with a lowercase word.
    @inline(__always)
    func lowerEquals(_ s: Int, _ e: Int, _ word: StaticString) -> Bool {
        guard e - s == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<(e - s) where (b[s + i] | 0x20) != w[i] { return false }
        return true
    }

    /// The number written in `count` ASCII digits at `at`; nil if any is not a digit.
    @inline(__always)
    func digits(_ at: Int, _ count: Int) -> Int? {
        var v = 0
        for i in at..<(at + count) {
            let d = Int(b[i]) &- 0x30
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }

    /// The first row of a session in this worker, when its details are plainly written (no doubled
    /// quotes, ISO or DD/MM/YYYY dates, known words, an already-seen priority list): parsed from bytes
    /// and made the session's reference. False sends the row to `slowRow`, which does every check.
    mutating func newSession(
        _ s: Int, sessionStart: Int, sessionLength: Int, signature sig: UInt64, position: ChunkPosition
    ) -> Bool {
        guard mayBeNewSession(sessionStart: sessionStart, sessionLength: sessionLength),
            let date = plainDate(position: position),
            let titleLength = plainTitle(),
            let kind = plainKind(),
            let format = plainFormat(),
            let list = knownList()
        else { return false }
        let canonical = aggregate.listCanonical[Int(list)]
        let titleBytes = UnsafePointer(scratch.baseAddress!)
        let title = aggregate.titles.intern(titleBytes, titleLength, hash: attendanceHash(titleBytes, titleLength)).id
        setReference(
            s, SessionDetails(date: date, title: title, kind: kind, format: format, priorities: canonical),
            signature: sig, position: position)
        return true
    }

    /// False for a session id that may be a summary label, a session an earlier file has (whose
    /// details the checking path compares), and detail fields other than the title with doubled quotes.
    private func mayBeNewSession(sessionStart: Int, sessionLength: Int) -> Bool {
        // `Total`, `Grand total`, `Sub-total`: the checking path tells a summary row (the first two
        // letters of every label are t-o, g-r or s-u) from a session so named.
        let c0 = b[sessionStart] | 0x20
        let c1 = sessionLength > 1 ? b[sessionStart + 1] | 0x20 : 0
        if sessionLength <= 24
            && ((c0 == 0x74 && c1 == 0x6F) || (c0 == 0x67 && c1 == 0x72) || (c0 == 0x73 && c1 == 0x75))
        {
            return false
        }
        if directory.sessions.count > 0,
            directory.sessions.find(
                b + sessionStart, sessionLength, hash: attendanceHash(b + sessionStart, sessionLength)) != nil
        {
            return false
        }
        // Doubled quotes: only in a title (unescaped below); elsewhere the checking path reads them.
        for f in layout.detailFields where f != layout.title && flags[f] & 2 != 0 { return false }
        return true
    }

    /// The date, written `yyyy-mm-dd` or `dd/mm/yyyy` (`mm/dd/yyyy` in a month-first file); a
    /// date that can only be day-first is noted as evidence of the file's order.
    private mutating func plainDate(position: ChunkPosition) -> CalendarDate? {
        let (d0, d1) = trimmed(layout.date)
        guard d1 - d0 == 10 else { return nil }
        if b[d0 + 4] == 0x2D && b[d0 + 7] == 0x2D, let y = digits(d0, 4), let m = digits(d0 + 5, 2),
            let d = digits(d0 + 8, 2)
        {
            return CalendarDate(year: y, month: m, day: d)
        } else if b[d0 + 2] == 0x2F && b[d0 + 5] == 0x2F, let p = digits(d0, 2), let q = digits(d0 + 3, 2),
            let y = digits(d0 + 6, 4)
        {
            // A first part over 12 can only be a day: evidence of the file's order (a second part
            // over 12 fails here either way, and the checking path records it).
            if p > 12 && q <= 12 && !layout.monthFirst {
                aggregate.dateOrder.add(
                    String(decoding: UnsafeBufferPointer(start: b + d0, count: 10), as: UTF8.self),
                    at: position, column: 0)  // column: only its line is quoted
            }
            return layout.monthFirst
                ? CalendarDate(year: y, month: p, day: q) : CalendarDate(year: y, month: q, day: p)
        }
        return nil
    }

    /// The title's length in the scratch buffer, read as RowReader reads it, so no tab, no-break
    /// space (C2 A0) or run of spaces inside; each "" read as ". Nil when it is not so written.
    private func plainTitle() -> Int? {
        let (t0, t1) = trimmed(layout.title)
        guard t1 > t0, plain(t0, t1), t1 - t0 <= scratch.count else { return nil }
        var titleLength = 0
        var i = t0
        while i < t1 {
            let c = b[i]
            if c == 0x09 || (c == 0xC2 && b[i + 1] == 0xA0) || (c == 0x20 && b[i + 1] == 0x20) { return nil }
            scratch[titleLength] = c
            titleLength += 1
            i += c == 0x22 && flags[layout.title] & 2 != 0 ? 2 : 1
        }
        // A title that holds an email or a telephone number: the checking path rejects the row.
        guard
            !PersonalText.reachesPerson(
                String(decoding: UnsafeBufferPointer(start: scratch.baseAddress!, count: titleLength), as: UTF8.self))
        else { return nil }
        return titleLength
    }

    /// The kind: `course` when blank or absent; nil for a word other than course or conference.
    private func plainKind() -> TrainingEvent.Kind? {
        guard layout.kind >= 0 else { return .course }
        let (k0, k1) = trimmed(layout.kind)
        guard k1 > k0 else { return .course }
        if lowerEquals(k0, k1, "conference") { return .conference }
        return lowerEquals(k0, k1, "course") ? .course : nil
    }

    /// The format: `.some(nil)` when blank or absent; nil for a word other than virtual or face-to-face.
    private func plainFormat() -> TrainingEvent.Format?? {
        guard layout.format >= 0 else { return .some(nil) }
        let (f0, f1) = trimmed(layout.format)
        guard f1 > f0 else { return .some(nil) }
        if lowerEquals(f0, f1, "virtual") { return .some(.virtual) }
        if lowerEquals(f0, f1, "face-to-face") { return .some(.faceToFace) }
        return nil
    }

    /// Priorities: a list this worker has already parsed, without unknown names.
    private func knownList() -> Int32? {
        var list: Int32
        if layout.priorities >= 0 {
            let (p0, p1) = trimmed(layout.priorities)
            guard plain(p0, p1),
                let id = aggregate.listTexts.find(b + p0, p1 - p0, hash: attendanceHash(b + p0, p1 - p0))
            else { return nil }
            list = id
        } else {
            guard let id = aggregate.listTexts.find([]) else { return nil }
            list = id
        }
        guard aggregate.lists[Int(list)].problems.isEmpty else { return nil }
        return list
    }

    /// Makes a row the session's reference: its details and their signature, and its position.
    mutating func setReference(_ s: Int, _ details: SessionDetails, signature: UInt64, position: ChunkPosition) {
        var state = aggregate.sessionStates[s]
        state.signature = signature
        state.details = details
        state.reference = position
        aggregate.sessionStates[s] = state
    }
}
