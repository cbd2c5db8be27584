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
        var output = FileOutput()
        let settings = Settings(
            schema: schema, workers: workers, chunkSize: chunkSize, rejectionLimit: rejectionLimit, progress: progress,
            fastPath: fastPath, check: AttendancePriorityCheck(catalog: catalog))
        for (fileIndex, url) in files.enumerated() {
            let name = names.map { $0[fileIndex] } ?? url.lastPathComponent
            totals.files.append(name)
            var ledger = FileLedger(file: name, dataset: DatasetSchema.attendance.name)
            let file = RegisterFile(url: url, memory: contents?[fileIndex], name: name, index: fileIndex)
            readFile(file, settings, totals: &totals, ledger: &ledger, output: &output)
            precondition(ledger.balances, "ledger out of balance for \(name)")
            ledgers.append(ledger)
        }
        let (events, summary) = totals.finish(catalog: catalog, reserving: reserving)
        return Result(
            ledger: ledgers, diagnostics: output.diagnostics.sorted(), rejected: output.rejected, events: events,
            summary: summary)
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
