import Cxlsxwriter
import Foundation

// The one type that talks to libxlsxwriter (1.1.4, Debian's libxlsxwriter-dev): `XLSXWorkbook`,
// in the files of this folder, the only ones that import `Cxlsxwriter`: this one (the workbook,
// its properties, sheets, formats and errors), `XLSXWorkbookSheet.swift` (cells, tables, charts
// placed, column widths), `XLSXWorkbookPrintSetup.swift` (paper, print titles and area, header
// and footer) and `XLSXWorkbookChart.swift` (charts and their series and axes). Everything else
// sees `XLSXWorkbook`, its `Sheet`, `Format` and `Chart` values, and `XLSXError`. The C handles
// and helpers the files share (`handle`, `cString`, `open`, `check`, `Sheet.cell`) are internal
// only so that these files can reach one another; nothing outside this folder uses them.
//
// Ownership: `XLSXWorkbook` owns the `lxw_workbook`; worksheets, formats, charts and series
// belong to it and die with it, so the wrappers (`Sheet`, `Format`, `Chart`) hold plain pointers and are only valid
// until `close()`. Every string handed to C is first copied into the workbook's arena, which is
// freed only after `workbook_close` (or `lxw_workbook_free`). libxlsxwriter 1.1.4 duplicates the
// strings it keeps (checked in its source: sheet names, document properties, table headers,
// chart, series and axis names, formulas, URLs), but the option structs (`lxw_doc_properties`,
// `lxw_table_column`, `lxw_chart_options`) take `char *` members, and an arena that outlives the
// workbook means no call depends on which version copies what. The one thing freed early is the
// `lxw_table_column` pointer array, which `worksheet_add_table` reads only during the call.

/// A libxlsxwriter call that failed, with the library's own explanation (`lxw_strerror`).
struct XLSXError: Error, Equatable, CustomStringConvertible {
    /// The C function that failed, e.g. `worksheet_write_string`.
    var function: String
    /// The `lxw_error` code, or nil when the call returned no handle (NULL).
    var code: Int?
    var message: String

    var description: String { "\(function): \(message)" }
}

/// An `.xlsx` file being built. Create it, add sheets, formats and charts, then `close()`:
/// nothing is written to disk until then.
final class XLSXWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var arena: [UnsafeMutablePointer<CChar>] = []
    private var formats: [CellStyle: Format] = [:]
    let path: String

    /// Starts a workbook that `close()` will write to `path` (overwriting it).
    ///
    /// Calls `workbook_new_opt` with `constant_memory` off (worksheet tables and chart data
    /// caches need the whole sheet in memory), `tmpdir` from the `TMPDIR` environment variable
    /// when it is set (glibc's `tmpfile()`, which libxlsxwriter uses otherwise, ignores it and
    /// always writes to /tmp) and no ZIP64 (an aggregate report is far below the 4 GB ZIP limit, and plain ZIP is what Excel
    /// writes). The ZIP entries are always dated 1980-01-01, so the only time in the file is
    /// `DocumentProperties.created`.
    ///
    ///     let book = try XLSXWorkbook(path: "/tmp/report.xlsx")
    init(path: String) throws {
        self.path = path
        let tmpdir = ProcessInfo.processInfo.environment["TMPDIR"].flatMap {
            $0.isEmpty ? nil : Self.copy($0, into: &arena)
        }
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: tmpdir, use_zip64: 0)
        guard let workbook = workbook_new_opt(Self.copy(path, into: &arena), &options) else {
            Self.freeArena(&arena)
            throw XLSXError(function: "workbook_new_opt", code: nil, message: "could not create a workbook for \(path)")
        }
        handle = workbook
    }

    deinit {
        // Closed workbooks were freed by workbook_close; an abandoned one is freed here and never
        // written.
        if let handle { lxw_workbook_free(handle) }
        Self.freeArena(&arena)
    }

    /// Writes the file and frees the workbook. Call once; the sheets, formats and charts are
    /// invalid afterwards.
    ///
    /// Calls `workbook_close`, which assembles every part, zips them into `path` and frees the
    /// workbook whether or not it succeeds.
    ///
    ///     try book.close()
    func close() throws {
        guard let workbook = handle else {
            throw XLSXError(function: "workbook_close", code: nil, message: "the workbook is already closed")
        }
        handle = nil
        let code = workbook_close(workbook)
        formats.removeAll()
        Self.freeArena(&arena)
        try Self.check(code, "workbook_close")
    }

    // MARK: Document properties

    struct DocumentProperties {
        var title: String
        var subject: String
        var author: String
        var company: String
        /// Seconds since 1970. libxlsxwriter treats 0 as "now", so callers must not pass 0.
        var created: Int
    }

    /// Sets the document properties shown in File > Info and written to docProps/core.xml and
    /// docProps/app.xml. `created` is written as both dcterms:created and dcterms:modified.
    ///
    /// Calls `workbook_set_properties`. Excel limit: its Properties dialog edits up to 255
    /// characters per text field. A `created` of 0 means "now" to libxlsxwriter, which would
    /// make the output differ on every run.
    ///
    ///     try book.setProperties(.init(title: "Annual report", subject: "Tables", author: "SCP",
    ///                                  company: "SCP", created: 946_684_800))
    func setProperties(_ properties: DocumentProperties) throws {
        let workbook = try open("workbook_set_properties")
        var props = lxw_doc_properties()
        props.title = cString(properties.title)
        props.subject = cString(properties.subject)
        props.author = cString(properties.author)
        props.company = cString(properties.company)
        props.created = time_t(properties.created)
        try Self.check(workbook_set_properties(workbook, &props), "workbook_set_properties")
    }

    // MARK: Sheets

    /// Adds a worksheet at the end of the workbook.
    ///
    /// Calls `workbook_validate_sheet_name` then `workbook_add_worksheet`. Excel limits: at most
    /// 31 characters, none of `[ ] : * ? / \`, not beginning or ending with `'`, unique ignoring
    /// case.
    ///
    ///     let sheet = try book.addSheet(named: "Summary")
    func addSheet(named name: String) throws -> Sheet {
        let workbook = try open("workbook_add_worksheet")
        let cName = cString(name)
        try Self.check(workbook_validate_sheet_name(workbook, cName), "workbook_validate_sheet_name", detail: name)
        guard let worksheet = workbook_add_worksheet(workbook, cName) else {
            throw XLSXError(function: "workbook_add_worksheet", code: nil, message: "could not add sheet '\(name)'")
        }
        return Sheet(handle: worksheet, name: name, workbook: self)
    }

    // MARK: Formats

    /// What a cell looks like. Equal styles share one `lxw_format`, so styles.xml stays small.
    struct CellStyle: Hashable {
        var bold = false
        /// An Excel number format code such as `#,##0` or `0.0%`; nil for General.
        var numberFormat: String?
        var alignRight = false
        /// Wrap text within the cell (or merged range), for sentences and long labels that must
        /// stay inside the printed page instead of spilling to the right or being cut.
        var wrap = false
        /// Align to the top of the row, so a row with a wrapped cell reads across its first line.
        var alignTop = false
        /// Indent levels (about three spaces each in Excel) from the cell's left edge: the gap
        /// between a right-aligned number and left-aligned text in the next column.
        var indent = 0
    }

    /// A cell format owned by the workbook.
    struct Format {
        let handle: UnsafeMutablePointer<lxw_format>
    }

    /// The format for `style`, created on first use.
    ///
    /// Calls `workbook_add_format`, `format_set_bold`, `format_set_num_format`,
    /// `format_set_align(LXW_ALIGN_RIGHT)`, `format_set_text_wrap`,
    /// `format_set_align(LXW_ALIGN_VERTICAL_TOP)` and `format_set_indent`. Excel limits: about
    /// 64,000 distinct cell formats per workbook; a number format code at most 255 characters
    /// (libxlsxwriter keeps 127 bytes); indent 0 to 15 levels.
    ///
    ///     let money = try book.format(.init(bold: true, numberFormat: "\"£\"#,##0"))
    func format(_ style: CellStyle) throws -> Format {
        if let existing = formats[style] { return existing }
        let workbook = try open("workbook_add_format")
        guard let format = workbook_add_format(workbook) else {
            throw XLSXError(function: "workbook_add_format", code: nil, message: "could not add a format")
        }
        if style.bold { format_set_bold(format) }
        if let code = style.numberFormat { format_set_num_format(format, cString(code)) }
        if style.alignRight { format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
        if style.wrap { format_set_text_wrap(format) }
        if style.alignTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if style.indent > 0 { format_set_indent(format, UInt8(min(style.indent, 15))) }
        let wrapped = Format(handle: format)
        formats[style] = wrapped
        return wrapped
    }

    // MARK: Internals

    /// A NUL-terminated copy of `string` that lives until the workbook is closed or freed.
    /// An embedded NUL ends the C string early; report text never contains one that matters.
    func cString(_ string: String) -> UnsafeMutablePointer<CChar> {
        Self.copy(string, into: &arena)
    }

    /// The open workbook's handle; an error naming `function` once it is closed.
    func open(_ function: String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XLSXError(function: function, code: nil, message: "the workbook is already closed")
        }
        return handle
    }

    private static func copy(_ string: String, into arena: inout [UnsafeMutablePointer<CChar>])
        -> UnsafeMutablePointer<CChar>
    {
        let bytes = Array(string.utf8)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { source in
            for (i, byte) in source.enumerated() { buffer[i] = CChar(bitPattern: byte) }
        }
        buffer[bytes.count] = 0
        arena.append(buffer)
        return buffer
    }

    private static func freeArena(_ arena: inout [UnsafeMutablePointer<CChar>]) {
        for buffer in arena { buffer.deallocate() }
        arena.removeAll()
    }

    /// Turns an `lxw_error` into `XLSXError`, once, with the library's text.
    static func check(_ code: lxw_error, _ function: String, detail: String? = nil) throws {
        guard code != LXW_NO_ERROR else { return }
        var message = lxw_strerror(code).map { String(cString: $0) } ?? "libxlsxwriter error \(code.rawValue)"
        if let detail { message += " (\(detail))" }
        throw XLSXError(function: function, code: Int(code.rawValue), message: message)
    }
}
