/// Lets FuzzAttendance read a register with the attendance reader's byte fast path off, so
/// every row takes the checking path (`slowRow`) and the two can be compared. On in every
/// real run; only `FuzzEntryPoints.attendance` turns it off, and it reads serially.
package enum AttendanceFastPathSwitch {
    nonisolated(unsafe) package static var enabled = true
}
