import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension DatasetSchema {
    /// `attendance*.csv`: one row per delegate per session, as booking systems export. A
    /// delegate's id is often an email or a name, and exports carry name and email columns:
    /// those cells are withheld from `rejects.csv` (`Withholding`).
    /// The column order here is the order `AttendanceLayout` reads (do not reorder).
    static let attendance = DatasetSchema(
        name: "attendance",
        columns: [
            Column(
                "session_id", aliases: ["session", "session ref", "session reference", "event id", "course id"],
                required: true,
                whenMissing:
                    "each row must say which session it belongs to: add a session_id column holding the booking system's event id, or any text that is the same on every row of one session and different between sessions (the date and the title joined, say)"
            ),
            Column("date", aliases: ["session date", "event date"], required: true),
            Column("title", aliases: ["course", "course title", "session title", "event"], required: true),
            Column("kind", aliases: ["type", "event type"]),
            Column("priorities", aliases: ["priority", "business priorities"]),
            Column("format", aliases: ["delivery", "mode"]),
            Column(
                "delegate_id", aliases: ["delegate", "delegate ref", "person id", "attendee id", "participant id"],
                required: true,
                alternative: "email"),
            Column("agency", aliases: ["organisation", "organization", "employer", "agency name"]),
            Column("attended", aliases: ["attendance", "present"], required: true),
            // A register without ids counts people by email (`PersonKey`): trimmed, lower-cased.
            Column(
                "email", aliases: ["email address", "e-mail", "e-mail address", "delegate email", "attendee email"]),
        ], personal: ["delegate_id", "email"],
        typed: ["session_id", "date", "kind", "priorities", "format", "attended"])
}

/// Reads `attendance*.csv` registers of any size: streaming, in parallel, in bounded memory.
///
/// Cost: one pass over each file with `workers` threads over a read-only memory map (two
/// passes if a quoted field with a line break straddles a chunk cut; see `AttendancePass`).
/// Memory: the pages of at most `2 × workers + 1` chunks of the file (`chunkSize`, 1 MB by
/// default), plus per worker a few tens of bytes per distinct session and delegate, a bit per
/// delegate for each year and (year, priority) set, and two bytes per delegate and year for
/// agencies. Rows are never kept. See docs/performance.md.
///
/// Every row is used or rejected (`read == used + rejected` per file). The first
/// `rejectionLimit` rejected rows of each file are reported (file:line:column, like every
/// dataset) and kept for `rejects.csv`; past that a note gives the count, so that a register
/// with the same mistake on ten million rows cannot exhaust memory.
enum AttendanceIngest {
    struct Result: Sendable {
        var ledger: [FileLedger]
        var diagnostics: [Diagnostic]
        var rejected: [RejectedRow]
        /// One delivered event per session with a used row; attendees = rows with attended = yes.
        /// In order of each session's first row.
        var events: [TrainingEvent]
        var summary: AttendanceSummary
    }

    /// Two cores on the machines this runs on; more threads than cores only add switching.
    static var defaultWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    /// Files larger than this that are not UTF-8 are refused rather than decoded in memory.
    static let decodeInMemoryLimit = 512 << 20

    /// `names`: each file as messages name it (its path below the inputs folder, `archive.zip/…`,
    /// `book.xlsx:Sheet`); the file's own name when not given.
    /// `contents`: the files' bytes when they are already in memory (the fuzz target's registers),
    /// read as the files would be.
    static func read(
        files: [URL], contents: [[UInt8]]? = nil, names: [String]? = nil, catalog: PriorityCatalog,
        progress: ReadProgress? = nil,
        workers: Int = AttendanceIngest.defaultWorkers, chunkSize: Int = 1 << 20,
        rejectionLimit: Int = 1000, schema: DatasetSchema = .attendance, reserving: Int = 0,
        fastPath: AttendanceFastPathSwitch = .on
    ) -> Result {
        releaseFreedMemory()
        var totals = AttendanceTotals()
        var ledgers: [FileLedger] = []
        var diagnostics: [Diagnostic] = []
        var rejected: [RejectedRow] = []
        let check = AttendancePriorityCheck(catalog: catalog)
        for (fileIndex, url) in files.enumerated() {
            let name = names.map { $0[fileIndex] } ?? url.lastPathComponent
            totals.files.append(name)
            var ledger = FileLedger(file: name, dataset: DatasetSchema.attendance.name)
            defer {
                precondition(ledger.balances, "ledger out of balance for \(name)")
                ledgers.append(ledger)
            }
            func attempt(_ makeSource: () -> AttendanceSource?, workers: Int, monthFirst: Bool = false) -> (
                AttendancePass, AttendanceTotals.Merged?
            )? {
                guard let source = makeSource() else { return nil }
                // Chunks are first cut at the next line break, which is right unless a quoted field with a
                // line break straddles a cut; a worker then sees an open quote at its chunk's end, and the
                // file is read again with cuts that count quotes (a serial scan of every byte).
                var pass = AttendancePass.run(
                    source: source, name: name, fileIndex: fileIndex, schema: schema, workers: workers,
                    chunkSize: chunkSize, quoteAware: false, monthFirst: monthFirst, directory: totals.directory,
                    check: check, limit: rejectionLimit, progress: progress, fastPath: fastPath)
                if pass.workers.contains(where: \.openQuoteAtChunkEnd) {
                    pass = AttendancePass.run(
                        source: source, name: name, fileIndex: fileIndex, schema: schema, workers: workers,
                        chunkSize: chunkSize, quoteAware: true, monthFirst: monthFirst, directory: totals.directory,
                        check: check, limit: rejectionLimit, progress: progress, fastPath: fastPath)
                }
                progress?.finish()
                if pass.notUTF8 != nil || !pass.fatal.isEmpty { return (pass, nil) }
                // Day and month order, decided for the file's date column as `DateOrder` decides it for
                // every other dataset: read again month-first when some date can only be month-first
                // and none only day-first (a register is read once more only then).
                var evidence = DateOrderEvidence()
                for w in pass.workers { evidence.merge(w.dateOrder) }
                let prefix = pass.prefix()
                if let m = evidence.onlyMonth {
                    let line = Int(pass.line(m.position, prefix: prefix))
                    if let d = evidence.onlyDay {
                        pass.headerDiagnostics.append(
                            Diagnostic(
                                .error, file: name, line: line, column: m.column,
                                "the dates in 'date' are written in both orders: '\(m.raw)' (here) can only be month-first, '\(d.raw)' (line \(pass.line(d.position, prefix: prefix))) only day-first; expected one order in a column (write them as 2022-04-13 to be sure)"
                            ).ofWholeFile)
                    } else if !monthFirst, var again = attempt(makeSource, workers: workers, monthFirst: true) {
                        let date = CalendarDate(parsing: m.raw, monthFirst: true)!
                        again.0.headerDiagnostics.append(
                            Diagnostic(
                                .note, file: name, line: line, column: m.column,
                                "the dates in 'date' are read month-first (US order): '\(m.raw)' can only be \(date.longDescription), and every date in the column reads month-first"
                            ))
                        return again
                    }
                }
                var consumed = pass
                pass.workers = []
                let merged = totals.merge(&consumed, limit: rejectionLimit)
                return (pass, merged)
            }
            func run(_ makeSource: @escaping () -> AttendanceSource?) -> (AttendancePass, AttendanceTotals.Merged?)? {
                guard let first = attempt(makeSource, workers: workers) else { return nil }
                // Sessions whose rows disagree across workers: only an in-order read can say which row is wrong.
                if first.1 == nil && first.0.notUTF8 == nil && first.0.fatal.isEmpty && workers > 1 {
                    return attempt(makeSource, workers: 1)
                }
                return first
            }
            // Footnotes under the records are split off first and read from memory without them.
            var footnotes: [CSVRecord] = []
            let memory = contents?[fileIndex]
            func size() -> Int {
                memory?.count ?? (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            }
            func wholeFile() -> [UInt8]? {
                memory ?? FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
            }
            var source: () -> AttendanceSource? = {
                memory.map(AttendanceSource.init(bytes:)) ?? AttendanceSource(path: url.path)
            }
            let mayHaveFootnotes =
                memory.map(AttendanceFootnotes.mayHaveFootnotes(bytes:))
                ?? AttendanceFootnotes.mayHaveFootnotes(path: url.path)
            if size() <= decodeInMemoryLimit, mayHaveFootnotes, let data = wholeFile(),
                let split = AttendanceFootnotes.split(data)
            {
                footnotes = split.footnotes
                source = { AttendanceSource(bytes: split.data) }
            }
            guard var outcome = run(source) else {
                diagnostics.append(
                    Diagnostic(
                        .error, file: name, line: 0, column: nil, "cannot read the file; expected a readable CSV file"))
                continue
            }
            if let notUTF8At = outcome.0.notUTF8 {
                // Not UTF-8: decode the whole file as TextDecoder does (Excel's Windows-1252), if it is small enough.
                guard size() <= decodeInMemoryLimit, let data = wholeFile() else {
                    let head =
                        memory.map { Array($0.prefix(FileKinds.headSize)) }
                        ?? (try? FileHandle(forReadingFrom: url)).flatMap { h in
                            defer { try? h.close() }
                            return try? h.read(upToCount: FileKinds.headSize)
                        }.map { [UInt8]($0) }
                    if let kind = head.flatMap({ FileKinds.notText($0) }) {
                        diagnostics.append(Diagnostic(.error, file: name, line: 0, column: nil, kind))
                        continue
                    }
                    diagnostics.append(
                        Diagnostic(
                            .error, file: name, line: notUTF8At, column: nil,
                            "the file is not a comma-separated UTF-8 file; expected one (save a register this large as \"CSV UTF-8 (Comma delimited)\")"
                        ).ofWholeFile)
                    continue
                }
                switch TextDecoder.decode([UInt8](data)) {
                case .failure(let f):
                    diagnostics.append(
                        Diagnostic(.error, file: name, line: f.line, column: f.column, f.message).ofWholeFile)
                    continue
                case .success(let decoded):
                    if decoded.encoding != .utf8 {
                        ledger.encoding = decoded.encoding.rawValue
                        diagnostics.append(
                            Diagnostic(
                                .note, file: name, line: 0, column: nil,
                                "read as \(decoded.encoding.rawValue) because the file is not UTF-8"))
                    }
                    let separated = Separators.normalise(decoded.utf8)
                    if let note = Separators.note(separated) {
                        diagnostics.append(Diagnostic(.note, file: name, line: 0, column: nil, note))
                    }
                    // Footnotes are found again in the decoded, comma-separated lines: those the raw bytes seemed to have do not count.
                    var bytes = separated.bytes
                    footnotes = []
                    if let split = AttendanceFootnotes.split(bytes) {
                        bytes = split.data
                        footnotes = split.footnotes
                    }
                    guard let again = run({ AttendanceSource(bytes: bytes) }) else { continue }
                    outcome = again
                }
            }
            let (pass, merged) = outcome
            diagnostics += (pass.headerDiagnostics + pass.fatal).map { $0.severity == .error ? $0.ofWholeFile : $0 }
            guard let merged else { continue }
            ledger.read = merged.read
            ledger.used = merged.used
            ledger.rejected = merged.rejected
            ledger.controlTotals = merged.controlTotals
            ledger.read += footnotes.count
            ledger.footnotes = footnotes.count
            if let note = Footnotes.note(footnotes, file: name) { diagnostics.append(note) }
            diagnostics += merged.diagnostics
            diagnostics += AttendanceWords.notes(
                stillBooked: merged.stillBooked, cancelled: merged.cancelledBookings, file: name)
            rejected += merged.rejectedRows
            if merged.notListed > 0 {
                diagnostics.append(
                    Diagnostic(
                        .note, file: name, line: 0, column: nil,
                        "\(Count.grouped(merged.notListed)) more rejected row\(merged.notListed == 1 ? " is" : "s are") not listed; only the first \(Count.grouped(rejectionLimit)) of each file are"
                    ))
            }
            if merged.read == 0 && pass.fatal.isEmpty {
                diagnostics.append(
                    Diagnostic(.note, file: name, line: pass.headerLine, column: nil, "header only, no rows"))
            }
        }
        let (events, summary) = totals.finish(catalog: catalog, reserving: reserving)
        return Result(
            ledger: ledgers, diagnostics: diagnostics.sorted(), rejected: rejected, events: events, summary: summary)
    }

    /// Makes glibc return freed blocks of a megabyte or more to the system at once. Its default
    /// raises that threshold as large blocks are freed, so the arrays the accumulators outgrow
    /// stay resident and peak memory counts them twice.
    static func releaseFreedMemory() {
        #if canImport(Glibc)
            // mallopt is in <malloc.h>, which the Glibc module does not export; M_TRIM_THRESHOLD = -1,
            // M_MMAP_THRESHOLD = -3.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(-3, 1 << 20)
            _ = mallopt(-1, 4 << 20)
        #endif
    }

    /// A session present in both `training` and `attendance` (same date, title and kind, as
    /// training's duplicate check): one error at the training row for each.
    static func conflicts(training: [TrainingEvent], attendance: [TrainingEvent]) -> [Diagnostic] {
        // Whatever the kinds: a register without a `kind` column calls every session a course.
        func key(_ e: TrainingEvent) -> String { "\(e.date)|\(e.title.lowercased())" }
        // Training has hundreds of events, a register hundreds of thousands of sessions: compare
        // dates first and build keys only for sessions on a training event's date.
        let dates = Set(training.map(\.date))
        var sessions: [String: SourceLocation] = [:]
        for e in attendance where dates.contains(e.date) && sessions[key(e)] == nil { sessions[key(e)] = e.source }
        return training.compactMap { e in
            guard let other = sessions[key(e)] else { return nil }
            return Diagnostic(
                .error, file: e.source.file, line: e.source.line, column: nil,
                "training event '\(e.title)' on \(e.date) is also a session of \(other); expected each session in training or in attendance, not both"
            )
        }
    }

}

// MARK: - One pass over one file

/// What reading one file with a given number of workers produced, before the merge.
struct AttendancePass {
    var name = ""
    var fileIndex = 0
    var headerLine = 1
    /// Line breaks before the first data record.
    var dataStartLine: Int32 = 0
    var chunkCount: Int32 = 0
    var workers: [AttendanceAggregate] = []
    var headerDiagnostics: [Diagnostic] = []
    /// Problems that stop the file being read (empty, bad header, I/O error).
    var fatal: [Diagnostic] = []
    /// Absolute line where bytes that are not UTF-8 were first seen (the pass is then redone decoded).
    var notUTF8: Int?

    /// Absolute 1-based line of a position.
    func line(_ p: ChunkPosition, prefix: [Int32]) -> Int32 { dataStartLine + prefix[Int(p.chunk)] + p.line + 1 }

    static func run(
        source: AttendanceSource, name: String, fileIndex: Int, schema: DatasetSchema = .attendance,
        workers workerCount: Int, chunkSize: Int,
        quoteAware: Bool, monthFirst: Bool = false, directory: AttendanceDirectory, check: AttendancePriorityCheck,
        limit: Int,
        progress: ReadProgress?, fastPath: AttendanceFastPathSwitch = .on
    ) -> AttendancePass {
        var pass = AttendancePass()
        pass.name = name
        pass.fileIndex = fileIndex
        let base = source.base
        let length = source.count
        // UTF-16, another separator, or Excel's `sep=` line: decoded and rewritten as commas in memory (`Separators`).
        if !Separators.isPlainComma(Array(UnsafeBufferPointer(start: base, count: min(length, 256 << 10)))) {
            pass.notUTF8 = 1
            return pass
        }
        // The header record: the first that is not empty (blank, or only empty cells), as
        // FileIngester finds it. `headerEnd` is where the data starts.
        var headerEnd = 0
        // Title rows above it are passed over (`HeaderSearch`), as FileIngester does.
        var candidates: [(record: CSVRecord, end: Int)] = []
        var scanEnd = 0
        while candidates.count < HeaderSearch.limit,
            let next = attendanceHeaderEnd(base + scanEnd, count: length - scanEnd, ended: true), !next.blank
        {
            scanEnd += next.end
            var headerReader = CSVReader(bytes: Array(UnsafeBufferPointer(start: base, count: scanEnd)))
            var last: CSVRecord?
            while let record = headerReader.next() { last = record }
            guard let last, !last.isEmptyRow else { continue }
            candidates.append((last, scanEnd))
            if HeaderSearch.settles(last, schema: schema) { break }
        }
        guard !candidates.isEmpty else {
            pass.fatal.append(Diagnostic(.error, file: name, line: 1, column: 1, schema.emptyFileMessage))
            return pass
        }
        let chosen = HeaderSearch.choose(candidates.map(\.record), schema: schema)
        let headerRecord = candidates[chosen].record
        headerEnd = candidates[chosen].end
        if let note = HeaderSearch.note(
            header: headerRecord, above: candidates.prefix(chosen).map(\.record), file: name)
        {
            pass.headerDiagnostics.append(note)
        }
        let header = (end: headerEnd, blank: false)
        let buffer = base
        pass.headerLine = headerRecord.line
        if let problem = headerRecord.problem {
            pass.fatal.append(
                Diagnostic(
                    .error, file: name, line: problem.position.line, column: problem.position.column, problem.message))
            return pass
        }
        // A UTF-8 check of the header, so that a Windows-1252 header is decoded like the rest.
        if !TextDecoder.isValidUTF8(Array(UnsafeBufferPointer(start: buffer, count: header.end))) {
            pass.notUTF8 = headerRecord.line
            return pass
        }
        var lines: Int32 = 0
        for i in 0..<header.end
        where buffer[i] == 0x0A || (buffer[i] == 0x0D && !(i + 1 < length && buffer[i + 1] == 0x0A)) { lines += 1 }
        pass.dataStartLine = lines
        let map = HeaderMap(header: headerRecord.fields, schema: schema)
        let readable = map.hasRequired(schema) && map.repeated.isEmpty
        pass.headerDiagnostics += map.diagnostics(schema, file: name, line: headerRecord.line)
        var layout = AttendanceLayout(
            header: map, schema: schema, readable: readable, fileName: name, fileIndex: fileIndex,
            fastPath: fastPath)
        layout.monthFirst = monthFirst

        // Workers.
        let workers = (0..<workerCount).map { _ in
            AttendanceWorker(layout: layout, priorities: check, directory: directory, keepLimit: limit)
        }
        let pipeline = AttendancePipeline(limit: 2 * workerCount + 1)
        let group = DispatchGroup()
        for worker in workers {
            group.enter()
            let thread = Thread {
                while let chunk = pipeline.pop() {
                    let rows = worker.parse(chunk, in: source)
                    source.release(chunk.start, chunk.start + chunk.count)
                    pipeline.done(rows: rows)
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }

        // The reader: cut at record boundaries (quote-aware), hand chunks over.
        var start = header.end
        var index: Int32 = 0
        let maxRecord = 64 << 20
        while start < length {
            var window = chunkSize
            var cut: Int
            while true {
                let end = min(start + window, length)
                if end == length {
                    cut = length
                    break
                }
                if !quoteAware {
                    // The next line break at or after `end - 1` (memchr: only a few bytes are touched here).
                    if let nl = memchr(base + end - 1, 0x0A, length - end + 1) {
                        cut = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - base + 1
                    } else {
                        cut = length
                    }
                    break
                }
                if let c = attendanceCut(base, start: start, end: end) {
                    cut = c
                    break
                }
                if window >= maxRecord {
                    // A quoted field longer than 64 MB: cut at the last line break anyway (reported as unterminated).
                    var j = end - 1
                    while j > start && base[j] != 0x0A { j -= 1 }
                    cut = j > start ? j + 1 : end
                    break
                }
                window *= 2
            }
            pipeline.push(AttendanceChunk(index: index, start: start, count: cut - start, last: cut == length))
            index += 1
            start = cut
            progress?.update(name, pipeline.rows, start)
        }
        pipeline.close()
        group.wait()
        pass.chunkCount = index
        pass.workers = workers.map(\.aggregate)
        let positions = pass.workers.compactMap(\.notUTF8)
        if let first = positions.min() { pass.notUTF8 = Int(pass.line(first, prefix: pass.prefix())) }
        return pass
    }

    /// Lines before each chunk (relative to the data start), and the total at the end.
    func prefix() -> [Int32] {
        var lines = [Int32](repeating: 0, count: Int(chunkCount) + 1)
        for w in workers { for (chunk, n) in w.chunkLines { lines[Int(chunk) + 1] = n } }
        for i in 1..<lines.count { lines[i] += lines[i - 1] }
        return lines
    }
}

// MARK: - Totals over every file

/// The merged accumulator of every file read so far, with global ids.
struct AttendanceTotals {
    var files: [String] = []
    var directory = AttendanceDirectory()
    /// Per session of the directory (paged: see `PagedArray`).
    var sessionRegistrations = PagedArray<Int64>()
    var sessionAttendances = PagedArray<Int64>()
    /// Starts small and doubles: a table sized for 65,536 delegates was 2 MB zeroed for every
    /// register, however small (most of a FuzzAttendance case); the doublings up to 400,000
    /// delegates cost under a millisecond, and the final table, hence the peak, is the same.
    var delegates = ByteInterner(capacity: 1 << 10)
    var people = BitsetStore()
    var everyone: Int32 = -1
    var yearSets: [Int: Int32] = [:]
    struct KeyYear: Hashable {
        var key: String
        var year: Int
    }
    /// People per priority key and year.
    var keySets: [KeyYear: Int32] = [:]
    /// Per canonical list: where it first appears, and its items as first written.
    var canonicalFirst: [(file: Int32, line: Int32)] = []
    var canonicalItems: [[String]] = []
    var agencyIndex: [String: Int] = [:]
    var agencyName: [String] = []
    var agencyFirst: [(file: Int32, line: Int32)] = []
    /// (agency << 32 | start year) -> figures.
    var agencyYears: [Int64: (attendances: Int64, registrations: Int64)] = [:]
    /// Distinct (delegate, agency) pairs per year; slots by `agencySlot`.
    var agencyPeople = AgencyPeople()
    var agencySlot: [Int: Int] = [:]

    struct Merged {
        var read = 0, used = 0, rejected = 0, controlTotals = 0
        var stillBooked = 0, cancelledBookings = 0
        var diagnostics: [Diagnostic] = []
        var rejectedRows: [RejectedRow] = []
        var notListed = 0
    }

    static func agencyKey(_ spelling: String) -> String {
        spelling.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Merges one pass; nil (and nothing changed) when workers disagree about a session's details.
    mutating func merge(_ pass: inout AttendancePass, limit: Int) -> Merged? {
        let prefix = pass.prefix()
        let file = Int32(pass.fileIndex)
        func at(_ p: ChunkPosition) -> (file: Int32, line: Int32) { (file, pass.line(p, prefix: prefix)) }
        func earlier(_ a: (file: Int32, line: Int32), _ b: (file: Int32, line: Int32)) -> Bool {
            (a.file, a.line) < (b.file, b.line)
        }

        // Titles and canonical lists to global ids.
        var titleMaps: [[Int32]] = []
        var canonicalMaps: [[Int32]] = []
        for w in pass.workers {
            titleMaps.append(
                (0..<w.titles.count).map { t in
                    w.titles.withKey(Int32(t)) { directory.titles.intern($0, $1, hash: w.titles.hash(Int32(t))).id }
                })
            canonicalMaps.append(
                (0..<w.canonicals.count).map { c in
                    w.canonicals.withKey(Int32(c)) {
                        directory.canonicals.intern($0, $1, hash: w.canonicals.hash(Int32(c))).id
                    }
                })
        }
        // Sessions: the workers must agree (each already agrees with earlier files). Checked against
        // the earlier workers' own tables, before anything is added to the totals.
        func mapped(_ k: Int, _ s: Int) -> SessionDetails {
            var d = pass.workers[k].sessionStates[s].details
            d.title = titleMaps[k][Int(d.title)]
            d.priorities = canonicalMaps[k][Int(d.priorities)]
            return d
        }
        for k in pass.workers.indices.dropFirst() {
            let w = pass.workers[k]
            for s in 0..<w.sessionStates.count where w.sessionStates[s].hasReference {
                let d = mapped(k, s)
                for j in 0..<k {
                    let other = pass.workers[j]
                    guard
                        let t = w.sessions.withKey(
                            Int32(s), { other.sessions.find($0, $1, hash: w.sessions.hash(Int32(s))) }),
                        other.sessionStates[Int(t)].hasReference
                    else { continue }
                    if mapped(j, Int(t)) != d { return nil }
                }
            }
        }
        var merged = Merged()
        // The first `limit` rejected rows, in file order.
        var pending: [(Int, PendingRejection)] = []
        for (k, w) in pass.workers.enumerated() { pending += w.rejections.map { (k, $0) } }
        pending.sort { $0.1.position < $1.1.position }
        let rejectedCount = pass.workers.reduce(0) { $0 + $1.rejected }
        merged.notListed = rejectedCount - min(limit, pending.count)
        for (k, r) in pending.prefix(limit) {
            let line = Int(pass.line(r.position, prefix: prefix))
            var messages: [String] = []
            for problem in r.problems {
                var message = problem.message
                if problem.referenceSession >= 0 {
                    let w = pass.workers[k]
                    let key = w.sessions.key(problem.referenceSession)
                    // The session's reference row: from an earlier file, else the first among the workers.
                    var ref: (file: Int32, line: Int32)?
                    if let g = directory.sessions.find(key) { ref = directory.reference[Int(g)] }
                    for other in pass.workers where ref == nil || Int(ref!.file) == pass.fileIndex {
                        guard let t = other.sessions.find(key), other.sessionStates[Int(t)].hasReference else {
                            continue
                        }
                        let here = at(other.sessionStates[Int(t)].reference)
                        if ref == nil || earlier(here, ref!) { ref = here }
                    }
                    let location = ref.map { "\(files[Int($0.file)]):\($0.line)" } ?? "its first row"
                    message = message.replacingOccurrences(of: attendanceReferencePlaceholder, with: location)
                }
                let problemLine = Int(
                    pass.line(ChunkPosition(chunk: r.position.chunk, line: problem.line), prefix: prefix))
                merged.diagnostics.append(
                    Diagnostic(.error, file: pass.name, line: problemLine, column: problem.column, message))
                messages.append(message)
            }
            merged.rejectedRows.append(
                RejectedRow(
                    file: pass.name, line: line,
                    reason: r.reason ?? messages.joined(separator: " | "), fields: r.fields))
        }
        var summaries = pass.workers.flatMap(\.summaryRows)
        summaries.sort { $0.position < $1.position }
        for summary in summaries.prefix(limit) {
            merged.diagnostics.append(
                Diagnostic(
                    .note, file: pass.name, line: Int(pass.line(summary.position, prefix: prefix)), column: nil,
                    ControlTotals.uncheckedNote(label: summary.label, schema: .attendance)))
        }
        var serials = ExcelSerials()
        for w in pass.workers { serials.merge(w.excelSerials) }
        if let first = serials.first {
            merged.diagnostics.append(
                Diagnostic(
                    .note, file: pass.name, line: Int(pass.line(first.position, prefix: prefix)), column: first.column,
                    RowReader.excelSerialNote(column: "date", count: serials.count, raw: first.raw, date: first.date)))
        }
        if everyone < 0 { everyone = people.make() }

        // People first, then sessions: each worker's delegate table is freed before the
        // directory of sessions grows, so the two are never resident together.
        for k in pass.workers.indices {
            do {
                let w = pass.workers[k]
                merged.read += w.read
                merged.used += w.used
                merged.rejected += w.rejected
                merged.controlTotals += w.controlTotals
                merged.stillBooked += w.stillBooked
                merged.cancelledBookings += w.cancelledBookings
                // The first worker of the first file gives its delegate ids as they are: no second
                // table, no remapping, its sets unioned word by word.
                let adopted = delegates.count == 0
                if adopted { delegates = w.delegates }
                let remap: [Int32] =
                    adopted
                    ? Array(0..<Int32(w.delegates.count))
                    : (0..<w.delegates.count).map { d in
                        w.delegates.withKey(Int32(d)) { delegates.intern($0, $1, hash: w.delegates.hash(Int32(d))).id }
                    }
                func union(_ target: Int32, _ set: Int32) {
                    if adopted {
                        people.formUnion(target, with: w.people, set)
                    } else {
                        people.formUnion(target, with: w.people, set, remap: remap)
                    }
                }
                for (slot, year) in w.years.enumerated() {
                    let target = yearSet(year)
                    union(target, w.yearSets[slot])
                    people.formUnion(everyone, target)
                }
                for (key, set) in w.keySets {
                    let keyYear = KeyYear(key: w.keys.string(Int32(key & 0xFFFF_FFFF)), year: w.years[Int(key >> 32)])
                    let target: Int32
                    if let t = keySets[keyYear] {
                        target = t
                    } else {
                        target = people.make()
                        keySets[keyYear] = target
                    }
                    union(target, set)
                }
                for (i, list) in w.lists.enumerated() {
                    let c = Int(canonicalMaps[k][Int(w.listCanonical[i])])
                    while canonicalFirst.count <= c {
                        canonicalFirst.append((Int32.max, Int32.max))
                        canonicalItems.append([])
                    }
                    let first = at(w.listFirst[i])
                    if earlier(first, canonicalFirst[c]) {
                        canonicalFirst[c] = first
                        canonicalItems[c] = list.items
                    }
                }
                var agencyMap: [Int32] = []
                for a in 0..<w.agencies.count {
                    let spelling = w.agencies.string(Int32(a))
                    let key = Self.agencyKey(spelling)
                    let first = at(w.agencyFirst[a])
                    let g: Int
                    if let existing = agencyIndex[key] {
                        g = existing
                        if earlier(first, agencyFirst[g]) {
                            agencyFirst[g] = first
                            agencyName[g] = spelling
                        }
                    } else {
                        g = agencyName.count
                        agencyIndex[key] = g
                        agencyName.append(spelling)
                        agencyFirst.append(first)
                    }
                    agencyMap.append(Int32(g))
                    for (slot, year) in w.years.enumerated() {
                        let index = w.agencyYearIndex[a * w.yearStride + slot]
                        guard index >= 0 else { continue }
                        let local = w.agencyYears[Int(index)]
                        let key = Int64(g) << 32 | Int64(year)
                        var entry = agencyYears[key] ?? (0, 0)
                        entry.attendances += local.attendances
                        entry.registrations += local.registrations
                        agencyYears[key] = entry
                    }
                }
                for (slot, year) in w.years.enumerated() {
                    let target: Int
                    if let t = agencySlot[year] {
                        target = t
                    } else {
                        target = agencySlot.count
                        agencySlot[year] = target
                    }
                    w.agencyPeople.forEach(slot: slot) { d, a in
                        agencyPeople.add(slot: target, delegate: remap[Int(d)], agency: agencyMap[Int(a)])
                    }
                }
            }
            pass.workers[k].delegates = ByteInterner()
            pass.workers[k].people = BitsetStore()
            pass.workers[k].agencyPeople = AgencyPeople()
        }

        let sessionsBefore = directory.sessions.count
        for k in pass.workers.indices {
            // Each worker's session ids first, then its ids are freed, then the directory grows by
            // its sessions: its table and the directory's growth are never resident together.
            var global = [Int32](repeating: -1, count: pass.workers[k].sessionStates.count)
            do {
                let w = pass.workers[k]
                for s in global.indices where w.sessionStates[s].hasReference {
                    global[s] = w.sessions.withKey(Int32(s)) {
                        directory.sessions.intern($0, $1, hash: w.sessions.hash(Int32(s))).id
                    }
                }
            }
            pass.workers[k].sessions = ByteInterner()
            for s in global.indices where global[s] >= 0 {
                let g = Int(global[s])
                let state = pass.workers[k].sessionStates[s]
                let first = at(state.reference)
                if g == directory.details.count {  // new: ids are given in the order of this loop
                    directory.details.append(mapped(k, s))
                    directory.reference.append(first)
                    sessionRegistrations.append(0)
                    sessionAttendances.append(0)
                } else if g >= sessionsBefore && earlier(first, directory.reference[g]) {
                    directory.reference[g] = first
                }
                sessionRegistrations[g] += Int64(state.registrations)
                sessionAttendances[g] += Int64(state.attendances)
            }
            pass.workers[k] = AttendanceAggregate()  // merged: free before the directory grows further
        }
        return merged
    }

    private mutating func yearSet(_ year: Int) -> Int32 {
        if let s = yearSets[year] { return s }
        let s = people.make()
        yearSets[year] = s
        return s
    }

    /// The events and the counts, with priorities resolved in order of first appearance.
    /// `reserving`: room for that many more events, so the caller can add its own without a copy.
    /// The session ids are dropped first: nothing after the merge looks them up, and their table
    /// would otherwise stay resident beside the events.
    mutating func finish(catalog: PriorityCatalog, reserving: Int = 0) -> ([TrainingEvent], AttendanceSummary) {
        var summary = AttendanceSummary()
        let sessionCount = directory.sessions.count
        directory.sessions = ByteInterner()
        var usedCanonicals = Set<Int32>()
        for s in 0..<sessionCount where sessionRegistrations[s] > 0 {
            usedCanonicals.insert(directory.details[s].priorities)
        }
        var resolved: [Int32: [Priority]] = [:]
        let order = usedCanonicals.sorted {
            (canonicalFirst[Int($0)].file, canonicalFirst[Int($0)].line, $0) < (
                canonicalFirst[Int($1)].file, canonicalFirst[Int($1)].line, $1
            )
        }
        for c in order {
            var list: [Priority] = []
            for item in canonicalItems[Int(c)] {
                if case .known(let p) = catalog.resolve(item), !list.contains(p) { list.append(p) }
            }
            resolved[c] = list
            for p in list where !summary.priorityOrder.contains(p) { summary.priorityOrder.append(p) }
        }
        var events: [TrainingEvent] = []
        events.reserveCapacity(sessionCount + reserving)
        var titles: [Int32: String] = [:]
        // Which priority each key resolves to (aliases: several keys, one priority).
        var keysByPriority: [Priority: [String]] = [:]
        for c in order {
            for item in canonicalItems[Int(c)] {
                guard case .known(let p) = catalog.resolve(item) else { continue }
                let key = PriorityCatalog.key(item)
                if !(keysByPriority[p]?.contains(key) ?? false) { keysByPriority[p, default: []].append(key) }
            }
        }
        // Events in the order of each session's first row.
        // Sorted by a key made once per session: the comparator then reads no paged arrays.
        var byFirstRow: [(key: UInt64, session: Int32)] = []
        byFirstRow.reserveCapacity(sessionCount)
        for s in 0..<sessionCount where sessionRegistrations[s] > 0 {
            let ref = directory.reference[s]
            byFirstRow.append((UInt64(UInt32(ref.file)) << 32 | UInt64(UInt32(ref.line)), Int32(s)))
        }
        byFirstRow.sort { $0.key < $1.key }
        let used = byFirstRow.lazy.map { Int($0.session) }
        var groupIndex: [Int64: Int] = [:]  // (start year << 32 | canonical list) -> group
        for s in used {
            let d = directory.details[s]
            let date = d.calendarDate
            let year = FinancialYear(containing: date)
            let registrations = sessionRegistrations[s]
            let attendances = sessionAttendances[s]
            let priorities = resolved[d.priorities] ?? []
            let key = Int64(year.startYear) << 32 | Int64(d.priorities)
            let g: Int
            if let existing = groupIndex[key] {
                g = existing
            } else {
                g = summary.groups.count
                groupIndex[key] = g
                summary.groups.append(.init(year: year, priorities: priorities))
            }
            summary.groups[g].sessions += 1
            summary.groups[g].registrations += registrations
            summary.groups[g].attendances += attendances
            let title: String
            if let t = titles[d.title] {
                title = t
            } else {
                title = directory.titles.string(d.title)
                titles[d.title] = title
            }
            let ref = directory.reference[s]
            events.append(
                TrainingEvent(
                    date: date, title: title, kind: d.eventKind, priorities: priorities, status: .delivered,
                    attendees: attendances, format: d.eventFormat, evaluations: nil,
                    source: SourceLocation(file: files[Int(ref.file)], line: Int(ref.line))))
        }
        let yearsWithSessions = Set(summary.groups.map(\.year))
        for (year, set) in yearSets where yearsWithSessions.contains(FinancialYear(startYear: year)) {
            summary.peoplePerYear[FinancialYear(startYear: year)] = people.count(set)
        }
        for (p, keys) in keysByPriority {
            for year in yearSets.keys {
                let fy = FinancialYear(startYear: year)
                guard summary.groups.contains(where: { $0.year == fy && $0.priorities.contains(p) }) else { continue }
                let sets = keys.compactMap { keySets[KeyYear(key: $0, year: year)] }
                summary.peoplePerPriority[fy, default: [:]][p] = people.union(of: sets).reduce(Int64(0)) {
                    $0 + Int64($1.nonzeroBitCount)
                }
            }
        }
        var agencyPeopleCount: [Int64: Int64] = [:]  // (agency << 32 | start year) -> people
        for (year, slot) in agencySlot {
            agencyPeople.forEach(slot: slot) { _, a in agencyPeopleCount[Int64(a) << 32 | Int64(year), default: 0] += 1
            }
        }
        for (key, entry) in agencyYears where entry.registrations > 0 {
            let name = agencyName[Int(key >> 32)]
            let fy = FinancialYear(startYear: Int(key & 0xFFFF_FFFF))
            var figures = summary.agencies[fy]?[name.isEmpty ? AttendanceSummary.unrecordedAgency : name] ?? .init()
            figures.registrations += entry.registrations
            figures.attendances += entry.attendances
            figures.people += agencyPeopleCount[key] ?? 0
            summary.agencies[fy, default: [:]][name.isEmpty ? AttendanceSummary.unrecordedAgency : name] = figures
        }
        if everyone >= 0 { summary.peopleAllYears = people.count(everyone) }
        return (events, summary)
    }
}
