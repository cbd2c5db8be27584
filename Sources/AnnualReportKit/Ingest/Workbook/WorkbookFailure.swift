import Foundation

/// Why a workbook could not be read at all: one error naming the file, never a crash.
struct WorkbookFailure: Error, Equatable {
    var message: String

    static let damaged = WorkbookFailure(
        message:
            "cannot read the workbook: it is damaged or incomplete (not a whole zip archive); open it in Excel or LibreOffice Calc and save it again"
    )
    /// A file named as a workbook that is not a zip archive: CSV text under the wrong name
    /// (`FileKinds`), else damaged.
    static func notZip(_ url: URL) -> WorkbookFailure {
        let head = (try? FileHandle(forReadingFrom: url)).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: FileKinds.headSize)
        }
        return head.flatMap { FileKinds.notWorkbook(head: [UInt8]($0), named: url.pathExtension.lowercased()) }.map(
            WorkbookFailure.init) ?? .damaged
    }

    static let encrypted = WorkbookFailure(
        message:
            "cannot read the workbook: it is password-protected (encrypted); open it, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password; LibreOffice: File > Save As without \"Save with password\" ticked) and save it again"
    )
}
