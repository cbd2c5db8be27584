import Foundation

/// Which field of the file holds each attendance column.
struct AttendanceLayout: Sendable {
    var fieldCount: Int
    var session = -1, date = -1, title = -1, kind = -1, priorities = -1, format = -1
    /// `delegate` is the `delegate_id` field, else (a register without ids) the `email` one.
    var delegate = -1, agency = -1, attended = -1, email = -1
    /// False when a required column is missing: every row is rejected.
    var readable: Bool
    /// The session-detail fields (date…format) present, in file order; contiguous when they
    /// follow each other, so one hash covers them.
    var detailFields: [Int]
    var detailContiguous: Bool
    var fileName: String
    var fileIndex: Int
    /// For `RowReader`, which checks the rows the fast path does not take.
    var header: HeaderMap
    var schema: DatasetSchema
    /// What a rejected row may show.
    var withholding: Withholding
    /// Read `dd/dd/yyyy` dates month-first (a US export; decided per file from its dates).
    var monthFirst = false
    /// `.off` only in FuzzAttendance's reference read (`AttendanceFastPathSwitch`).
    var fastPath: AttendanceFastPathSwitch

    init(
        header: HeaderMap, schema: DatasetSchema, readable: Bool, fileName: String, fileIndex: Int,
        fastPath: AttendanceFastPathSwitch = .on
    ) {
        func at(_ i: Int) -> Int { header.fieldIndex[i] ?? -1 }
        fieldCount = header.fieldCount
        session = at(0)
        date = at(1)
        title = at(2)
        kind = at(3)
        priorities = at(4)
        format = at(5)
        agency = at(7)
        attended = at(8)
        email = at(9)
        delegate = at(6) >= 0 ? at(6) : email
        self.readable = readable
        self.fileName = fileName
        self.fileIndex = fileIndex
        self.header = header
        self.schema = schema
        withholding = Withholding(header: header, schema: schema)
        self.fastPath = fastPath
        detailFields = [date, title, kind, priorities, format].filter { $0 >= 0 }.sorted()
        detailContiguous = !detailFields.isEmpty && detailFields.last! - detailFields.first! == detailFields.count - 1
    }
}
