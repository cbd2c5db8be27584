import Foundation

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

    /// Reads one file: its header, then its rows by `workerCount` workers, chunk by chunk.
    /// `quoteAware`: cut chunks at line breaks outside quotes (see `attendanceCut`).
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
        guard let headerEnd = pass.readHeader(source, schema: schema, fastPath: fastPath, monthFirst: monthFirst)
        else { return pass }
        let layout = headerEnd.layout

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
        pass.chunkCount = cutChunks(
            source, from: headerEnd.end, chunkSize: chunkSize, quoteAware: quoteAware, pipeline: pipeline,
            progress: progress, name: name)
        pipeline.close()
        group.wait()
        pass.workers = workers.map(\.aggregate)
        let positions = pass.workers.compactMap(\.notUTF8)
        if let first = positions.min() { pass.notUTF8 = Int(pass.line(first, prefix: pass.prefix())) }
        return pass
    }

    /// The header record: the first that is not empty (blank, or only empty cells), as
    /// FileIngester finds it, and the layout it gives; nil when the file cannot be read past it
    /// (`fatal` or `notUTF8` then say why). `end` is where the data starts.
    private mutating func readHeader(
        _ source: AttendanceSource, schema: DatasetSchema, fastPath: AttendanceFastPathSwitch, monthFirst: Bool
    ) -> (end: Int, layout: AttendanceLayout)? {
        let buffer = source.base
        let length = source.count
        guard let (headerRecord, headerEnd) = findHeader(source, schema: schema) else { return nil }
        headerLine = headerRecord.line
        if let problem = headerRecord.problem {
            fatal.append(
                Diagnostic(
                    .error, file: name, line: problem.position.line, column: problem.position.column, problem.message))
            return nil
        }
        // A UTF-8 check of the header, so that a Windows-1252 header is decoded like the rest.
        if !TextDecoder.isValidUTF8(Array(UnsafeBufferPointer(start: buffer, count: headerEnd))) {
            notUTF8 = headerRecord.line
            return nil
        }
        var lines: Int32 = 0
        for i in 0..<headerEnd
        where buffer[i] == 0x0A || (buffer[i] == 0x0D && !(i + 1 < length && buffer[i + 1] == 0x0A)) { lines += 1 }
        dataStartLine = lines
        let map = HeaderMap(header: headerRecord.fields, schema: schema)
        let readable = map.hasRequired(schema) && map.repeated.isEmpty
        headerDiagnostics += map.diagnostics(schema, file: name, line: headerRecord.line)
        var layout = AttendanceLayout(
            header: map, schema: schema, readable: readable, fileName: name, fileIndex: fileIndex,
            fastPath: fastPath)
        layout.monthFirst = monthFirst
        return (headerEnd, layout)
    }

    /// The header record and where it ends. Title rows above it are passed over (`HeaderSearch`),
    /// as FileIngester does; nil (with the error in `fatal`) for a file with no records.
    private mutating func findHeader(_ source: AttendanceSource, schema: DatasetSchema) -> (CSVRecord, Int)? {
        let base = source.base
        let length = source.count
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
            fatal.append(Diagnostic(.error, file: name, line: 1, column: 1, schema.emptyFileMessage))
            return nil
        }
        let chosen = HeaderSearch.choose(candidates.map(\.record), schema: schema)
        let headerRecord = candidates[chosen].record
        if let note = HeaderSearch.note(
            header: headerRecord, above: candidates.prefix(chosen).map(\.record), file: name)
        {
            headerDiagnostics.append(note)
        }
        return (headerRecord, candidates[chosen].end)
    }

    /// The reader: cuts the data at record boundaries and hands the chunks over; returns how many.
    private static func cutChunks(
        _ source: AttendanceSource, from dataStart: Int, chunkSize: Int, quoteAware: Bool,
        pipeline: AttendancePipeline, progress: ReadProgress?, name: String
    ) -> Int32 {
        let length = source.count
        var start = dataStart
        var index: Int32 = 0
        while start < length {
            let cut = nextCut(source, start: start, chunkSize: chunkSize, quoteAware: quoteAware)
            pipeline.push(AttendanceChunk(index: index, start: start, count: cut - start, last: cut == length))
            index += 1
            start = cut
            progress?.update(name, pipeline.rows, start)
        }
        return index
    }

    /// Where the chunk that starts at `start` ends: about `chunkSize` bytes on, after a line break
    /// (quote-aware: one outside quotes, the window doubling until one is found).
    private static func nextCut(_ source: AttendanceSource, start: Int, chunkSize: Int, quoteAware: Bool) -> Int {
        let base = source.base
        let length = source.count
        let maxRecord = 64 << 20
        var window = chunkSize
        while true {
            let end = min(start + window, length)
            if end == length { return length }
            if !quoteAware {
                // The next line break at or after `end - 1` (memchr: only a few bytes are touched here).
                if let nl = memchr(base + end - 1, 0x0A, length - end + 1) {
                    return UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - base + 1
                }
                return length
            }
            if let c = attendanceCut(base, start: start, end: end) { return c }
            if window >= maxRecord {
                // A quoted field longer than 64 MB: cut at the last line break anyway (reported as unterminated).
                var j = end - 1
                while j > start && base[j] != 0x0A { j -= 1 }
                return j > start ? j + 1 : end
            }
            window *= 2
        }
    }

    /// Lines before each chunk (relative to the data start), and the total at the end.
    func prefix() -> [Int32] {
        var lines = [Int32](repeating: 0, count: Int(chunkCount) + 1)
        for w in workers { for (chunk, n) in w.chunkLines { lines[Int(chunk) + 1] = n } }
        for i in 1..<lines.count { lines[i] += lines[i - 1] }
        return lines
    }
}
