import Foundation

extension FuzzEntryPoints {
    /// The byte that starts a file's name in a packed folder (`pack`, `unpack`).
    static let fileMarker: UInt8 = 0x01

    /// One inputs folder as one fuzz input: each file is `\u{1}` NAME `\n` BYTES, one after
    /// another. A name is cut to 64 bytes of letters, digits, space, `.`, `_` and `-` (so a
    /// mutated name never leaves the folder); a file with no name left is passed over; the
    /// last of two files with one name wins. At most 16 files.
    package static func unpack(_ bytes: [UInt8]) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        var k = bytes.firstIndex(of: fileMarker) ?? bytes.endIndex
        while k < bytes.endIndex, files.count < 16 {
            let nameEnd = bytes[(k + 1)...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let contentStart = min(nameEnd + 1, bytes.endIndex)
            let next = bytes[contentStart...].firstIndex(of: fileMarker) ?? bytes.endIndex
            let allowed = bytes[(k + 1)..<nameEnd].filter { b in
                (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                    || b == 0x20 || b == 0x2E || b == 0x5F || b == 0x2D
            }
            let name = String(decoding: allowed.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !name.hasPrefix(".") {
                files.removeAll { $0.name.lowercased() == name.lowercased() }
                files.append((name, Array(bytes[contentStart..<next])))
            }
            k = next
        }
        return files
    }

    /// The inverse of `unpack`, for seeding the corpus from a folder.
    package static func pack(_ files: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        files.flatMap { [fileMarker] + Array($0.name.utf8) + [0x0A] + $0.bytes }
    }

    /// The whole pipeline on one packed folder: `check`, then (when there is a year to report)
    /// the report built under `--keep-going` and every writer run: Markdown, HTML, CSV and SVG
    /// to memory, the workbook to a scratch file (`TMPDIR=/dev/shm` keeps it in RAM). Every
    /// ledger must balance, every rejected row must be listed, and no writer may fail on what
    /// `check` accepted: the property `FuzzTests` checks on mutated sample folders.
    package static func pipeline(_ bytes: [UInt8]) {
        let files = unpack(bytes)
        guard !files.isEmpty else { return }
        let dir = pipelineScratch.appendingPathComponent("in")
        try? FileManager.default.removeItem(at: dir)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in files { try? Data(file.bytes).write(to: dir.appendingPathComponent(file.name)) }
        let run = ReportRun(
            inputs: dir, output: pipelineScratch.appendingPathComponent("out"), keepGoing: true,
            documentTimestamp: Date(timeIntervalSince1970: 0))
        let ingest = run.check()
        for entry in ingest.ledger {
            precondition(
                entry.balances,
                "ledger of \(entry.file) out of balance: read \(entry.read), used \(entry.used), rejected \(entry.rejected), control totals \(entry.controlTotals)"
            )
        }
        precondition(
            ingest.ledger.map(\.rejected).reduce(0, +) == ingest.rejected.count,
            "the ledger rejects \(ingest.ledger.map(\.rejected).reduce(0, +)) rows but \(ingest.rejected.count) are listed"
        )
        for d in ingest.diagnostics { precondition(!d.message.isEmpty, "empty diagnostic message") }
        guard run.yearProblem(ingest) == nil else { return }
        let report: Report
        do { report = try ReportBuilder.build(ingest.reportInput) } catch {
            preconditionFailure(
                "\(ingest.errors.isEmpty ? "inputs that check accepts" : "--keep-going") failed to build: \(error)")
        }
        for chart in report.sections.flatMap(\.charts) {
            guard let table = report.tables.first(where: { $0.id == chart.tableID }) else { continue }
            precondition(!SVGChartWriter.svg(for: chart, table: table).isEmpty, "empty chart \(chart.id)")
        }
        precondition(!MarkdownWriter.markdown(report, chartPaths: [:]).isEmpty, "empty Markdown")
        precondition(!HTMLWriter.html(report).isEmpty, "empty HTML")
        for table in report.tables { _ = CSVWriter.csv(table) }
        if !report.dataQuality.rejected.isEmpty { _ = CSVWriter.rejects(report.dataQuality.rejected) }
        let workbook = pipelineScratch.appendingPathComponent("annual-report.xlsx")
        do { try XLSXWriter(documentTimestamp: Date(timeIntervalSince1970: 0)).write(report, to: workbook) } catch {
            preconditionFailure("the workbook failed to write: \(error)")
        }
    }

    private static let pipelineScratch: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-pipeline-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()
}
