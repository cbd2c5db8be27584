import Foundation

/// Turns a file's bytes into UTF-8, or explains why it cannot.
///
/// UTF-8 (with or without a byte-order mark) passes through. UTF-16 with a byte-order mark
/// is transcoded. A file that is not valid UTF-8 is read as Windows-1252, which is what
/// Excel's "CSV (Comma delimited)" writes on Windows (`£` as 0xA3, `–` as 0x96), and the run
/// gets a note saying so. Bytes Windows-1252 leaves undefined, and NUL bytes, are refused:
/// guessing further would risk mojibake in a published report. A workbook or zip archive
/// (named `.csv`) is named as what it is (`FileKinds`).
enum TextDecoder {
    enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case windows1252 = "Windows-1252"
    }

    struct Decoded: Sendable {
        var utf8: [UInt8]
        var encoding: Encoding
    }

    struct Failure: Error, Sendable, Equatable {
        /// 0 (and no column) when it concerns the whole file.
        var line: Int
        var column: Int?
        var message: String
    }

    static func decode(_ bytes: [UInt8]) -> Result<Decoded, Failure> {
        // A workbook saved or renamed as .csv: say what it is, not that its bytes are not text.
        if let kind = FileKinds.notText(bytes.prefix(FileKinds.headSize)) {
            return .failure(Failure(line: 0, column: nil, message: kind))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF)
        }
        if let failure = firstNUL(bytes) { return .failure(failure) }
        if isValidUTF8(bytes) { return .success(Decoded(utf8: bytes, encoding: .utf8)) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var line = 1
        var column = 1
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                let scalar: UInt32
                if byte >= 0xA0 {
                    scalar = UInt32(byte)
                } else {
                    let mapped = windows1252High[Int(byte - 0x80)]
                    guard mapped != 0 else {
                        return .failure(
                            Failure(
                                line: line, column: column,
                                message: String(
                                    format:
                                        "byte 0x%02X is neither UTF-8 nor Windows-1252; expected a UTF-8 (or Excel Windows-1252) CSV file",
                                    byte)))
                    }
                    scalar = mapped
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8))
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return .success(Decoded(utf8: out, encoding: .windows1252))
    }

    private static func firstNUL(_ bytes: [UInt8]) -> Failure? {
        guard let i = bytes.firstIndex(of: 0) else { return nil }
        let before = bytes[..<i]
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = bytes[lineStart..<i].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return Failure(
            line: line, column: column,
            message: "NUL byte in a text file; expected a CSV text file (UTF-16 needs a byte-order mark)")
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> Result<Decoded, Failure> {
        guard bytes.count % 2 == 0 else {
            return .failure(
                Failure(
                    line: 1, column: 1,
                    message: "UTF-16 file with an odd number of bytes; expected whole UTF-16 code units"))
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var out: [UInt8] = []
        var line = 1
        var column = 1
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    return .failure(
                        Failure(
                            line: line, column: column,
                            message: "NUL character in a text file; expected a CSV text file"))
                }
                out.append(contentsOf: Array(String(scalar).utf8))
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break loop
            case .error:
                return .failure(
                    Failure(
                        line: line, column: column,
                        message: "invalid UTF-16 (unpaired surrogate); expected valid UTF-16 text"))
            }
        }
        return .success(Decoded(utf8: out, encoding: littleEndian ? .utf16LE : .utf16BE))
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Windows-1252 0x80...0x9F; 0 marks the five undefined bytes.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]
}
