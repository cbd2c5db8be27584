/// How a register's person cell (a delegate id or an email) becomes the key people are
/// counted by, the same on every path that reads one.
///
/// An email is one person however it is written: `First.Last@x.org`, ` first.last@x.org `
/// and `FIRST.LAST@X.ORG` are one. So a trimmed value with an `@` has its ASCII letters
/// lower-cased (only ASCII, so that the byte-level fast path and the checking path agree
/// byte for byte; mail systems treat non-ASCII local parts case-sensitively anyway). Other
/// ids (`D-0042`) are compared as written, trimmed: a booking system's ids are exact.
enum PersonKey {
    /// The key of an already trimmed cell.
    static func key(_ trimmed: String) -> String {
        guard trimmed.utf8.contains(0x40), trimmed.utf8.contains(where: isUpper) else { return trimmed }
        return String(decoding: trimmed.utf8.map(lower), as: UTF8.self)
    }

    /// True when `p[0..<n]` is an email with an ASCII capital: its key differs from its bytes.
    @inline(__always)
    static func needsFolding(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var at = false
        var upper = false
        for i in 0..<n {
            let c = p[i]
            if c == 0x40 { at = true } else if isUpper(c) { upper = true }
        }
        return at && upper
    }

    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }
}
