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
