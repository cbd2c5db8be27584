import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
