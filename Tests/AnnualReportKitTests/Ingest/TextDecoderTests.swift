import Testing

@testable import AnnualReportKit

@Suite struct TextDecoderTests {
    @Test func windows1252PoundAndEnDash() throws {
        let decoded = try TextDecoder.decode([0xA3, 0x31, 0x20, 0x96, 0x20, 0x41]).get()
        #expect(decoded.encoding == .windows1252)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "£1 – A")
    }

    @Test func utf16WithByteOrderMark() throws {
        let text = "title\n£5"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try TextDecoder.decode(le).get()
        #expect(decoded.encoding == .utf16LE)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == text)
    }

    @Test func refusesUndefinedBytesAndNUL() {
        #expect(
            TextDecoder.decode(Array("ok\nab".utf8) + [0x81])
                == .failure(
                    TextDecoder.Failure(
                        line: 2, column: 3,
                        message:
                            "byte 0x81 is neither UTF-8 nor Windows-1252; expected a UTF-8 (or Excel Windows-1252) CSV file"
                    )))
        #expect(
            TextDecoder.decode([0x61, 0x00, 0x62])
                == .failure(
                    TextDecoder.Failure(
                        line: 1, column: 2,
                        message: "NUL byte in a text file; expected a CSV text file (UTF-16 needs a byte-order mark)")))
    }
}

extension Result where Success == TextDecoder.Decoded, Failure == TextDecoder.Failure {
    static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.failure(let x), .failure(let y)): return x == y
        case (.success(let x), .success(let y)): return x.utf8 == y.utf8 && x.encoding == y.encoding
        default: return false
        }
    }
}
