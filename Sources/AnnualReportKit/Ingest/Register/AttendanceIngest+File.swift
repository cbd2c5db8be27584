import Foundation

// Reading one register file: its footnotes split off, its passes (again quote-aware, again
// month-first, again in order, again decoded when it is not UTF-8), and its ledger and notes.

extension AttendanceIngest {
    /// What `read` was asked for, the same for every file.
    struct Settings {
        var schema: DatasetSchema
        var workers: Int
        var chunkSize: Int
        var rejectionLimit: Int
        var progress: ReadProgress?
        var fastPath: AttendanceFastPathSwitch
        var check: AttendancePriorityCheck
    }

    /// One input file: on disk, or its bytes in memory (`memory`).
    struct RegisterFile {
        var url: URL
        var memory: [UInt8]?
        /// As messages name it.
        var name: String
        var index: Int

        func size() -> Int {
            memory?.count ?? (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        }

        func wholeFile() -> [UInt8]? {
            memory ?? FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
        }

        /// The first bytes, to tell a file that is not text.
        func head() -> [UInt8]? {
            memory.map { Array($0.prefix(FileKinds.headSize)) }
                ?? (try? FileHandle(forReadingFrom: url)).flatMap { h in
                    defer { try? h.close() }
                    return try? h.read(upToCount: FileKinds.headSize)
                }.map { [UInt8]($0) }
        }
    }

    /// What every file adds to the result besides its ledger.
    struct FileOutput {
        var diagnostics: [Diagnostic] = []
        var rejected: [RejectedRow] = []
    }

    /// A file's last pass, and its merge into the totals (nil when it was not merged).
    typealias Outcome = (AttendancePass, AttendanceTotals.Merged?)

    /// Reads one file into the totals, its ledger and the output.
    static func readFile(
        _ file: RegisterFile, _ settings: Settings, totals: inout AttendanceTotals, ledger: inout FileLedger,
        output: inout FileOutput
    ) {
        // Footnotes under the records are split off first and read from memory without them.
        var footnotes: [CSVRecord] = []
        var source: () -> AttendanceSource? = {
            file.memory.map(AttendanceSource.init(bytes:)) ?? AttendanceSource(path: file.url.path)
        }
        let mayHaveFootnotes =
            file.memory.map(AttendanceFootnotes.mayHaveFootnotes(bytes:))
            ?? AttendanceFootnotes.mayHaveFootnotes(path: file.url.path)
        if file.size() <= decodeInMemoryLimit, mayHaveFootnotes, let data = file.wholeFile(),
            let split = AttendanceFootnotes.split(data)
        {
            footnotes = split.footnotes
            source = { AttendanceSource(bytes: split.data) }
        }
        guard var outcome = readInOrderIfNeeded(source, file, settings, totals: &totals) else {
            output.diagnostics.append(
                Diagnostic(
                    .error, file: file.name, line: 0, column: nil, "cannot read the file; expected a readable CSV file")
            )
            return
        }
        if let notUTF8At = outcome.0.notUTF8 {
            guard
                let again = readDecoded(
                    file, notUTF8At: notUTF8At, settings, totals: &totals, ledger: &ledger, footnotes: &footnotes,
                    output: &output)
            else { return }
            outcome = again
        }
        account(outcome, footnotes: footnotes, file: file, settings, ledger: &ledger, output: &output)
    }

    /// Not UTF-8: the whole file decoded as TextDecoder does (Excel's Windows-1252), if it is small
    /// enough, and read again; nil (with the error in `output`) when it cannot be.
    private static func readDecoded(
        _ file: RegisterFile, notUTF8At: Int, _ settings: Settings, totals: inout AttendanceTotals,
        ledger: inout FileLedger, footnotes: inout [CSVRecord], output: inout FileOutput
    ) -> Outcome? {
        let name = file.name
        guard file.size() <= decodeInMemoryLimit, let data = file.wholeFile() else {
            if let kind = file.head().flatMap({ FileKinds.notText($0) }) {
                output.diagnostics.append(Diagnostic(.error, file: name, line: 0, column: nil, kind))
                return nil
            }
            output.diagnostics.append(
                Diagnostic(
                    .error, file: name, line: notUTF8At, column: nil,
                    "the file is not a comma-separated UTF-8 file; expected one (save a register this large as \"CSV UTF-8 (Comma delimited)\")"
                ).ofWholeFile)
            return nil
        }
        switch TextDecoder.decode([UInt8](data)) {
        case .failure(let f):
            output.diagnostics.append(
                Diagnostic(.error, file: name, line: f.line, column: f.column, f.message).ofWholeFile)
            return nil
        case .success(let decoded):
            if decoded.encoding != .utf8 {
                ledger.encoding = decoded.encoding.rawValue
                output.diagnostics.append(
                    Diagnostic(
                        .note, file: name, line: 0, column: nil,
                        "read as \(decoded.encoding.rawValue) because the file is not UTF-8"))
            }
            let separated = Separators.normalise(decoded.utf8)
            if let note = Separators.note(separated) {
                output.diagnostics.append(Diagnostic(.note, file: name, line: 0, column: nil, note))
            }
            // Footnotes are found again in the decoded, comma-separated lines: those the raw bytes seemed to have do not count.
            var bytes = separated.bytes
            footnotes = []
            if let split = AttendanceFootnotes.split(bytes) {
                bytes = split.data
                footnotes = split.footnotes
            }
            return readInOrderIfNeeded({ AttendanceSource(bytes: bytes) }, file, settings, totals: &totals)
        }
    }

    /// Reads the file with every worker; again with one when sessions' rows disagree across
    /// workers: only an in-order read can say which row is wrong. Nil when it cannot be opened.
    private static func readInOrderIfNeeded(
        _ makeSource: @escaping () -> AttendanceSource?, _ file: RegisterFile, _ settings: Settings,
        totals: inout AttendanceTotals
    ) -> Outcome? {
        guard let first = attempt(makeSource, file, settings, workers: settings.workers, totals: &totals) else {
            return nil
        }
        if first.1 == nil && first.0.notUTF8 == nil && first.0.fatal.isEmpty && settings.workers > 1 {
            return attempt(makeSource, file, settings, workers: 1, totals: &totals)
        }
        return first
    }

    /// One read of the file and its merge. Chunks are first cut at the next line break, which is
    /// right unless a quoted field with a line break straddles a cut; a worker then sees an open
    /// quote at its chunk's end, and the file is read again with cuts that count quotes (a serial
    /// scan of every byte). Read once more month-first when its dates say so (`monthFirstRead`).
    private static func attempt(
        _ makeSource: () -> AttendanceSource?, _ file: RegisterFile, _ settings: Settings, workers: Int,
        monthFirst: Bool = false, totals: inout AttendanceTotals
    ) -> Outcome? {
        guard let source = makeSource() else { return nil }
        func readOnce(quoteAware: Bool) -> AttendancePass {
            AttendancePass.run(
                source: source, name: file.name, fileIndex: file.index, schema: settings.schema, workers: workers,
                chunkSize: settings.chunkSize, quoteAware: quoteAware, monthFirst: monthFirst,
                directory: totals.directory, check: settings.check, limit: settings.rejectionLimit,
                progress: settings.progress, fastPath: settings.fastPath)
        }
        var pass = readOnce(quoteAware: false)
        if pass.workers.contains(where: \.openQuoteAtChunkEnd) { pass = readOnce(quoteAware: true) }
        settings.progress?.finish()
        if pass.notUTF8 != nil || !pass.fatal.isEmpty { return (pass, nil) }
        if let again = monthFirstRead(
            &pass, makeSource, file, settings, workers: workers, monthFirst: monthFirst, totals: &totals)
        {
            return again
        }
        var consumed = pass
        pass.workers = []
        let merged = totals.merge(&consumed, limit: settings.rejectionLimit)
        return (pass, merged)
    }

    /// Day and month order, decided for the file's date column as `DateOrder` decides it for
    /// every other dataset: the file read again month-first when some date can only be
    /// month-first and none only day-first (a register is read once more only then). Dates
    /// written in both orders are an error on the pass.
    private static func monthFirstRead(
        _ pass: inout AttendancePass, _ makeSource: () -> AttendanceSource?, _ file: RegisterFile,
        _ settings: Settings, workers: Int, monthFirst: Bool, totals: inout AttendanceTotals
    ) -> Outcome? {
        var evidence = DateOrderEvidence()
        for w in pass.workers { evidence.merge(w.dateOrder) }
        let prefix = pass.prefix()
        guard let m = evidence.onlyMonth else { return nil }
        let line = Int(pass.line(m.position, prefix: prefix))
        if let d = evidence.onlyDay {
            pass.headerDiagnostics.append(
                Diagnostic(
                    .error, file: file.name, line: line, column: m.column,
                    "the dates in 'date' are written in both orders: '\(m.raw)' (here) can only be month-first, '\(d.raw)' (line \(pass.line(d.position, prefix: prefix))) only day-first; expected one order in a column (write them as 2022-04-13 to be sure)"
                ).ofWholeFile)
        } else if !monthFirst,
            var again = attempt(makeSource, file, settings, workers: workers, monthFirst: true, totals: &totals)
        {
            let date = CalendarDate(parsing: m.raw, monthFirst: true)!
            again.0.headerDiagnostics.append(
                Diagnostic(
                    .note, file: file.name, line: line, column: m.column,
                    "the dates in 'date' are read month-first (US order): '\(m.raw)' can only be \(date.longDescription), and every date in the column reads month-first"
                ))
            return again
        }
        return nil
    }

    /// The file's last pass and merge into its ledger (read = used + rejected + control totals +
    /// footnotes), its diagnostics and notes, and its rejected rows.
    private static func account(
        _ outcome: Outcome, footnotes: [CSVRecord], file: RegisterFile, _ settings: Settings,
        ledger: inout FileLedger, output: inout FileOutput
    ) {
        let name = file.name
        let (pass, merged) = outcome
        output.diagnostics += (pass.headerDiagnostics + pass.fatal).map { $0.severity == .error ? $0.ofWholeFile : $0 }
        guard let merged else { return }
        ledger.read = merged.read
        ledger.used = merged.used
        ledger.rejected = merged.rejected
        ledger.controlTotals = merged.controlTotals
        ledger.read += footnotes.count
        ledger.footnotes = footnotes.count
        if let note = Footnotes.note(footnotes, file: name) { output.diagnostics.append(note) }
        output.diagnostics += merged.diagnostics
        output.diagnostics += AttendanceWords.notes(
            stillBooked: merged.stillBooked, cancelled: merged.cancelledBookings, file: name)
        output.rejected += merged.rejectedRows
        if merged.notListed > 0 {
            output.diagnostics.append(
                Diagnostic(
                    .note, file: name, line: 0, column: nil,
                    "\(Count.grouped(merged.notListed)) more rejected row\(merged.notListed == 1 ? " is" : "s are") not listed; only the first \(Count.grouped(settings.rejectionLimit)) of each file are"
                ))
        }
        if merged.read == 0 && pass.fatal.isEmpty {
            output.diagnostics.append(
                Diagnostic(.note, file: name, line: pass.headerLine, column: nil, "header only, no rows"))
        }
    }
}
