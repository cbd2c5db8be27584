extension StringProtocol {
    /// Runs of spaces, tabs and non-breaking spaces inside the text as one space.
    var collapsingSpaces: String {
        // Fast path: no tab, no non-breaking space (0xC2 0xA0) and no two spaces in a row.
        var previous: UInt8 = 0
        var clean = true
        for byte in utf8 {
            if byte == 0x09 || byte == 0xC2 || (byte == 0x20 && (previous == 0x20 || previous == 0)) {
                clean = false
                break
            }
            previous = byte
        }
        if clean && previous != 0x20 { return String(self) }
        var out = ""
        var space = false
        for ch in self {
            if ch == " " || ch == "\t" || ch == "\u{A0}" {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            }
        }
        return out
    }
}
