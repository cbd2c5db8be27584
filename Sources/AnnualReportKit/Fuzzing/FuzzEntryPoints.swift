import Foundation

/// What the libFuzzer targets (`Sources/Fuzz…`) call: each reads one input from memory and
/// checks its invariants with `precondition`, so a broken invariant is a finding like a crash.
/// `package`, not `@testable`, so the targets build in a plain release build.
package enum FuzzEntryPoints {
    /// The text decoder, then the CSV reader over what it decoded.
    package static func csv(_ bytes: [UInt8]) {
        guard case .success(let decoded) = TextDecoder.decode(bytes) else { return }
        if decoded.encoding == .utf8 { precondition(decoded.utf8 == bytes, "UTF-8 input changed by decoding") }
        precondition(TextDecoder.isValidUTF8(decoded.utf8), "decoder produced invalid UTF-8 (\(decoded.encoding))")
        var reader = CSVReader(bytes: decoded.utf8)
        var lastLine = 0
        var records = 0
        while let record = reader.next() {
            records += 1
            precondition(records <= decoded.utf8.count + 1, "CSV reader does not advance")
            precondition(!record.fields.isEmpty, "record with no fields")
            precondition(
                record.fields.count == record.positions.count && record.fields.count == record.quoted.count,
                "fields, positions and quoted differ in length")
            precondition(record.line > lastLine, "record lines do not increase")
            for p in record.positions {
                precondition(p.line >= record.line && p.column >= 1, "field position before its record")
            }
            lastLine = record.line
        }
    }

    /// Datasets fed from memory: every one in `Datasets.all` but attendance, whose parallel
    /// reader reads from disk (it gets a target of its own).
    package static let datasetNames: [String] = datasets.map(\.schema.name)
    private static let datasets = Datasets.all.filter { $0.schema.name != DatasetSchema.attendance.name }

    /// One dataset's reader: the first byte picks the dataset, the rest is the file's bytes.
    /// The ledger must balance (read = used + rejected + control totals) and every rejected
    /// row must be listed.
    package static func dataset(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let declaration = datasets[Int(first) % datasets.count]
        let name = "\(declaration.schema.name).csv"
        let url = URL(fileURLWithPath: "/fuzz/\(name)")
        let configuration = ReportConfiguration()
        var reading = FolderReading(
            configuration: configuration, catalog: PriorityCatalog(configuration: configuration),
            progress: nil, names: [url: name], contents: [url: Data(bytes.dropFirst())])
        declaration.read(&reading, [InputFile(url: url, name: name)])
        precondition(reading.ledger.count == 1, "expected one ledger entry, got \(reading.ledger.count)")
        for l in reading.ledger {
            precondition(
                l.balances,
                "ledger out of balance: read \(l.read), used \(l.used), rejected \(l.rejected), control totals \(l.controlTotals)"
            )
            precondition(l.used >= 0 && l.rejected >= 0 && l.controlTotals >= 0, "negative ledger count")
        }
        precondition(
            reading.ledger.map(\.rejected).reduce(0, +) == reading.rejected.count,
            "ledger rejects \(reading.ledger.map(\.rejected).reduce(0, +)) rows but \(reading.rejected.count) are listed"
        )
        for d in reading.diagnostics { precondition(!d.message.isEmpty, "empty diagnostic message") }
    }

    /// The configuration loader: any bytes give a configuration and messages, never a crash.
    package static func configuration(_ bytes: [UInt8]) {
        let (configuration, diagnostics) = ConfigurationLoader.parse(Data(bytes), file: "annual-report.yaml")
        for d in diagnostics {
            precondition(d.file == "annual-report.yaml", "diagnostic names another file: \(d.file)")
            precondition(!d.message.isEmpty, "empty diagnostic message")
        }
        _ = PriorityCatalog(configuration: configuration)
    }

    /// The workbook readers. The first byte picks what the rest is: 0 an `.xlsx` package,
    /// 1 an `.ods` package, 2 a worksheet part's XML (with a fixed shared-string table and
    /// styles), 3 an `.ods` `content.xml`. Parts directly, because random bytes in a zip
    /// rarely get past its checksums to the XML. Every sheet's CSV must be UTF-8 that the CSV
    /// reader reads back row for row, each row as wide as the widest, and every problem at a cell.
    package static func workbook(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let rest = Array(bytes.dropFirst())
        var sheets: [WorkbookSheet] = []
        switch first % 4 {
        case 0, 1:
            // The readers open the package from a file, as the tool does.
            let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fuzz-workbook-\(getpid())")
            defer { try? FileManager.default.removeItem(at: file) }
            guard (try? Data(rest).write(to: file)) != nil else { return }
            let result = first % 4 == 0 ? XLSXReader.read(file) : ODSReader.read(file)
            if case .success(let s) = result { sheets = s }
        case 2:
            var builder = SheetCSVBuilder(merges: (try? XLSXReader.merges(rest)) ?? [])
            if (try? XLSXReader.cells(
                rest, strings: ["date", "title", "attendees", "Neglect"], kinds: [.number, .date, .time],
                system: first & 4 == 0 ? .from1900 : .from1904, into: &builder)) != nil
            {
                sheets = [builder.finish(name: "Sheet1", hidden: false)]
            }
        default: if let s = try? ODSReader.sheets(rest) { sheets = s }
        }
        for sheet in sheets {
            precondition(TextDecoder.isValidUTF8(sheet.csv), "sheet CSV is not UTF-8")
            var reader = CSVReader(bytes: sheet.csv)
            var widths: Set<Int> = []
            var rows = 0
            while let record = reader.next() {
                rows += 1
                precondition(
                    record.problem == nil, "sheet CSV does not read back: \(String(describing: record.problem))")
                if !(record.fields.count == 1 && record.fields[0].isEmpty) { widths.insert(record.fields.count) }
            }
            precondition(widths.count <= 1, "sheet rows of different widths: \(widths.sorted())")
            precondition(sheet.rowsWithValues <= rows, "more rows with values than rows")
            for p in sheet.problems {
                precondition(p.row >= 1 && p.column >= 1 && !p.message.isEmpty, "problem not at a cell")
            }
        }
    }
    /// The attendance register read three ways: serially by the byte fast path, serially with
    /// the fast path off (every row through the checking path), and in parallel with small
    /// chunks by two or three workers. All must give the same ledger, messages, rejected
    /// rows, sessions and summary.
    package static func attendance(_ bytes: [UInt8]) {
        // From memory, as the file's bytes would be read (memory-mapped): no scratch file a case.
        let url = URL(fileURLWithPath: "/fuzz/attendance.csv")
        let catalog = PriorityCatalog(configuration: ReportConfiguration())
        func read(workers: Int, chunkSize: Int, fastPath: AttendanceFastPathSwitch = .on) -> AttendanceIngest.Result {
            AttendanceIngest.read(
                files: [url], contents: [bytes], catalog: catalog, workers: workers, chunkSize: chunkSize,
                fastPath: fastPath)
        }
        let fast = read(workers: 1, chunkSize: 1 << 20)
        let checking = read(workers: 1, chunkSize: 1 << 20, fastPath: .off)
        func same(_ a: AttendanceIngest.Result, _ b: AttendanceIngest.Result, _ what: String) {
            precondition(a.ledger == b.ledger, "\(what): ledgers differ: \(a.ledger) vs \(b.ledger)")
            precondition(
                a.diagnostics == b.diagnostics,
                "\(what): messages differ: \(a.diagnostics.map(\.description)) vs \(b.diagnostics.map(\.description))")
            precondition(a.rejected == b.rejected, "\(what): rejected rows differ")
            precondition(a.events == b.events, "\(what): sessions differ: \(a.events) vs \(b.events)")
            precondition(a.summary == b.summary, "\(what): summaries differ")
        }
        same(fast, checking, "fast path vs checking path")
        // One parallel read a case, its workers (2 or 3) and chunk size (16 to 127 bytes) from the
        // input's hash: as many cuts as two fixed reads found, at three reads a case, not four.
        let hash = bytes.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        let workers = 2 + Int(hash % 2)
        let chunkSize = 16 + Int((hash >> 8) % 112)
        same(
            fast, read(workers: workers, chunkSize: chunkSize),
            "serial vs \(workers) workers, chunks of \(chunkSize) bytes")
        for l in fast.ledger { precondition(l.balances, "ledger out of balance") }
    }
}

extension FuzzEntryPoints {
    /// What a fuzz target is when built without the fuzzer (a plain `swift build`): a replay
    /// tool, each file named on its command line one input to `entry`. Prints `ok FILE` for
    /// each; a finding stops it as it stops the fuzzer.
    package static func replay(_ arguments: [String], through entry: ([UInt8]) -> Void) {
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            entry([UInt8](data))
            print("ok \(path)")
        }
    }
}
