/// Whether the attendance reader may take its byte fast path (`ChunkParser`'s `fast:` block)
/// for a row, or must send every row through the checking path (`slowRow`).
///
/// Why it exists: the fast path is a second implementation of what the checking path does, for
/// the common row (a known session, its details byte-for-byte those of its reference row, a
/// booking word in ASCII), and it must give exactly the same sessions, counts and messages. FuzzAttendance
/// (`FuzzEntryPoints.attendance`) reads each input both ways and compares them; `.off` is for
/// that comparison only. It is a parameter of `AttendanceIngest.read`, defaulting to `.on`, not
/// a global: no other caller passes `.off`, so the tool and the tests always use the fast path
/// and a fuzz target cannot leave it switched off for anyone else.
package enum AttendanceFastPathSwitch: Sendable {
    /// The fast path where a row allows it; what every real read uses.
    case on
    /// Every row through the checking path: FuzzAttendance's reference read.
    case off
}
