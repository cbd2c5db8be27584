import Foundation
import ZIPFoundation

/// One CSV file of the inputs: on disk, or extracted from a `.zip` in the inputs folder.
struct InputFile {
    /// Where to read it (a zip entry is extracted to a scratch folder first).
    var url: URL
    /// As messages name it: the path below the inputs folder; a zip entry as `archive.zip/entry.csv`.
    var name: String

    /// For a workbook's sheet: the workbook as messages name it, the sheet's name, and the
    /// cells the workbook reader could not turn into values.
    var sheet: SheetOrigin?

    /// The file's own name, without its folders.
    var baseName: String { name.split(separator: "/").last.map(String.init) ?? name }
}

/// Where a sheet read as a CSV file came from.
struct SheetOrigin {
    var workbook: String
    var sheet: String
    var problems: [WorkbookSheet.CellProblem]

    /// The workbook's own name, without its folders.
    var workbookBaseName: String { workbook.split(separator: "/").last.map(String.init) ?? workbook }
}

/// A workbook in the inputs folder and the sheets it did not hand on (hidden or empty).
struct WorkbookSummary {
    var name: String
    var hidden: [String]
    var empty: [String]
    /// Sheets handed on as input files.
    var read: Int
}

/// Every CSV file below an inputs folder, as downloaded: the folder itself, its subfolders
/// (an export unzipped in place), the CSV entries of the `.zip` files in any of them, and
/// each visible sheet of a workbook (`.xlsx`, `.xlsm`, `.ods`), written as the CSV file
/// Excel would save of it (`WorkbookSheet`) so every dataset reads it unchanged.
/// Hidden files and folders, and macOS's `__MACOSX` copies inside archives, are passed over.
///
/// A folder in `excluding` (the report's own output, when it sits inside the inputs) is
/// passed over. Zip entries are extracted to a scratch folder that lives as long as this object.
final class InputFiles {
    private(set) var files: [InputFile] = []
    /// Files in the folder that are not CSV, zip or workbook (PDFs, old `.xls` …), for `OtherFiles`.
    private(set) var others: [String] = []
    private(set) var workbooks: [WorkbookSummary] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var scratch: URL?

    init(folder: URL, excluding: [URL] = []) {
        // Paths as strings (`enumerator(atPath:)`, `fileExists(atPath:)`): URL resource values
        // are not safe to read from two threads at once in swift-corelibs-foundation, and runs
        // may be concurrent (the tests are).
        let fm = FileManager.default
        let root = folder.standardizedFileURL.path
        let skipped = excluding.map { $0.standardizedFileURL.path + "/" }.filter { $0 != root + "/" }
        var found: [(relative: String, url: URL)] = []
        if let walker = fm.enumerator(atPath: root) {
            while let next = walker.nextObject() as? String {
                let relative = next
                if relative.split(separator: "/").last?.hasPrefix(".") == true {
                    walker.skipDescendants()
                    continue
                }
                let path = root + "/" + relative
                if skipped.contains(where: { (path + "/").hasPrefix($0) }) { continue }
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                found.append((relative, URL(fileURLWithPath: path)))
            }
        }
        for (relative, url) in found.sorted(by: { $0.relative < $1.relative }) {
            let lower = relative.lowercased()
            if lower.hasSuffix(".csv") {
                files.append(InputFile(url: url, name: relative))
            } else if lower.hasSuffix(".zip") {
                extract(zip: url, named: relative)
            } else if Self.workbookExtensions.contains(where: { lower.hasSuffix($0) })
                && !relative.split(separator: "/").last!.hasPrefix("~$")
            {
                readWorkbook(url, named: relative)
            } else {
                others.append(relative)
            }
        }
    }

    deinit {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    private func extract(zip: URL, named name: String) {
        let archive: Archive
        do {
            archive = try Archive(url: zip, accessMode: .read)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .error, file: name, line: 0, column: nil,
                    "cannot read the zip file (\(error)); expected a .zip archive as downloaded"))
            return
        }
        let entries = archive.filter { entry in
            let path = entry.path
            let last = path.split(separator: "/").last.map(String.init) ?? path
            return entry.type == .file && path.lowercased().hasSuffix(".csv") && !path.hasPrefix("__MACOSX/")
                && !last.hasPrefix(".")
        }.sorted { $0.path < $1.path }
        for entry in entries {
            do {
                let folder = try scratchFolder().appendingPathComponent(UUID().uuidString)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let target = folder.appendingPathComponent(
                    entry.path.split(separator: "/").last.map(String.init) ?? "entry.csv")
                guard ZipParts.plausible(entry, in: archive) else {
                    diagnostics.append(
                        Diagnostic(
                            .error, file: "\(name)/\(entry.path)", line: 0, column: nil,
                            "cannot extract from the zip file: the entry says it holds more than the whole archive does (the zip is damaged); download it or zip the files again"
                        ))
                    continue
                }
                _ = try archive.extract(entry, to: target)
                files.append(InputFile(url: target, name: "\(name)/\(entry.path)"))
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, file: "\(name)/\(entry.path)", line: 0, column: nil,
                        "cannot extract from the zip file (\(error)); expected an intact archive"))
            }
        }
    }

    static let workbookExtensions = [".xlsx", ".xlsm", ".ods"]

    /// Each visible sheet with values becomes an input file named `workbook.xlsx:Sheet`.
    private func readWorkbook(_ url: URL, named name: String) {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            diagnostics.append(
                Diagnostic(
                    .error, file: name, line: 0, column: nil, "cannot read the file; expected a readable workbook"))
            return
        }
        let result = name.lowercased().hasSuffix(".ods") ? ODSReader.read(url) : XLSXReader.read(url)
        let sheets: [WorkbookSheet]
        switch result {
        case .failure(let failure):
            diagnostics.append(Diagnostic(.error, file: name, line: 0, column: nil, failure.message))
            return
        case .success(let s): sheets = s
        }
        var summary = WorkbookSummary(name: name, hidden: [], empty: [], read: 0)
        for sheet in sheets {
            if sheet.hidden {
                summary.hidden.append(sheet.name)
                continue
            }
            if sheet.rowsWithValues == 0 {
                summary.empty.append(sheet.name)
                continue
            }
            do {
                let folder = try scratchFolder().appendingPathComponent(UUID().uuidString)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let target = folder.appendingPathComponent("sheet.csv")
                try Data(sheet.csv).write(to: target)
                files.append(
                    InputFile(
                        url: target, name: "\(name):\(sheet.name)",
                        sheet: SheetOrigin(workbook: name, sheet: sheet.name, problems: sheet.problems)))
                summary.read += 1
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .error, file: "\(name):\(sheet.name)", line: 0, column: nil,
                        "cannot write the sheet to a scratch folder (\(error)); expected a writable temporary folder"))
            }
        }
        workbooks.append(summary)
    }

    private func scratchFolder() throws -> URL {
        if let scratch { return scratch }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "annual-report-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        scratch = url
        return url
    }

    /// The first non-blank records of a file (as many as `HeaderSearch` looks at), for
    /// recognising an export by its header below any title rows; empty when unreadable.
    static func heads(of file: InputFile) -> [[String]] {
        guard let handle = try? FileHandle(forReadingFrom: file.url) else { return [] }
        defer { try? handle.close() }
        guard var head = try? handle.read(upToCount: 16 << 10).map([UInt8].init) else { return [] }
        // Whole lines only, so a character cut at the end cannot make the head undecodable.
        if head.count == 16 << 10, let lastBreak = head.lastIndex(of: 0x0A) { head = Array(head[...lastBreak]) }
        guard case .success(let decoded) = TextDecoder.decode(head) else { return [] }
        var reader = CSVReader(bytes: Separators.normalise(decoded.utf8).bytes)
        var heads: [[String]] = []
        while heads.count < HeaderSearch.limit, let record = reader.next() {
            if !record.isEmptyRow { heads.append(record.fields) }
        }
        return heads
    }
}
