import Foundation

// Where records end, for cutting a file into chunks and finding its header.

/// Where a quote-aware cut may go: after the last record's line break in `p[start..<end]`,
/// `start` being a record's first byte. Nil when there is none (a record longer than the buffer).
///
/// Records are scanned as `CSVReader` and the workers read them: a quote opens a quoted field
/// only at a field's start, `""` inside one is a quote, and a quote anywhere else is a stray
/// byte. Counting quote bytes alone (their parity) would be faster but goes wrong on exactly
/// the files this pass is for: a stray quote in an unquoted field (FuzzAttendance's finding)
/// flips the parity, and a cut inside a record then reads differently in parallel and serially.
func attendanceCut(_ p: UnsafePointer<UInt8>, start: Int, end: Int) -> Int? {
    var i = start
    var last: Int?
    var inQuotes = false
    var atFieldStart = true
    scan: while i < end {
        let c = p[i]
        if inQuotes {
            if c == 0x22 {
                // An escaped quote or the closing one: only the next byte tells, and it is not here.
                guard i + 1 < end else { break scan }
                if p[i + 1] == 0x22 {
                    i += 2
                    continue
                }
                inQuotes = false
            }
            i += 1
            continue
        }
        switch c {
        case 0x22 where atFieldStart:
            inQuotes = true
            atFieldStart = false
        case 0x2C: atFieldStart = true
        case 0x0A:
            last = i + 1
            atFieldStart = true
        case 0x0D:
            // CRLF or a lone CR: only the next byte tells.
            guard i + 1 < end else { break scan }
            if p[i + 1] == 0x0A { i += 1 }
            last = i + 1
            atFieldStart = true
        default: atFieldStart = false
        }
        i += 1
    }
    return last
}

/// Where the header record ends (after its line break), skipping blank lines and a byte-order mark;
/// nil when the buffer holds no complete header record yet. Quotes as in `attendanceCut`.
func attendanceHeaderEnd(_ p: UnsafePointer<UInt8>, count: Int, ended: Bool) -> (end: Int, blank: Bool)? {
    var i = count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
    var recordStart = i
    var inQuotes = false
    var atFieldStart = true
    while i < count {
        let c = p[i]
        if inQuotes {
            if c == 0x22 {
                if i + 1 == count && !ended { return nil }
                if i + 1 < count && p[i + 1] == 0x22 {
                    i += 2
                    continue
                }
                inQuotes = false
            }
            i += 1
            continue
        }
        if c == 0x22 && atFieldStart {
            inQuotes = true
            atFieldStart = false
            i += 1
            continue
        }
        if c == 0x0A || c == 0x0D {
            let blank = i == recordStart
            if c == 0x0D && i + 1 < count && p[i + 1] == 0x0A {
                i += 1
            } else if c == 0x0D && i + 1 == count && !ended {
                return nil
            }
            i += 1
            if !blank { return (i, false) }
            recordStart = i
            atFieldStart = true
            continue
        }
        atFieldStart = c == 0x2C
        i += 1
    }
    guard ended else { return nil }
    return (count, recordStart == count)
}
