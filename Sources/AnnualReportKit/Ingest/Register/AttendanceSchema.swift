import Foundation

extension DatasetSchema {
    /// `attendance*.csv`: one row per delegate per session, as booking systems export. A
    /// delegate's id is often an email or a name, and exports carry name and email columns:
    /// those cells are withheld from `rejects.csv` (`Withholding`).
    /// The column order here is the order `AttendanceLayout` reads (do not reorder).
    static let attendance = DatasetSchema(
        name: "attendance",
        columns: [
            Column(
                "session_id", aliases: ["session", "session ref", "session reference", "event id", "course id"],
                required: true,
                whenMissing:
                    "each row must say which session it belongs to: add a session_id column holding the booking system's event id, or any text that is the same on every row of one session and different between sessions (the date and the title joined, say)"
            ),
            Column("date", aliases: ["session date", "event date"], required: true),
            Column("title", aliases: ["course", "course title", "session title", "event"], required: true),
            Column("kind", aliases: ["type", "event type"]),
            Column("priorities", aliases: ["priority", "business priorities"]),
            Column("format", aliases: ["delivery", "mode"]),
            Column(
                "delegate_id", aliases: ["delegate", "delegate ref", "person id", "attendee id", "participant id"],
                required: true,
                alternative: "email"),
            Column("agency", aliases: ["organisation", "organization", "employer", "agency name"]),
            Column("attended", aliases: ["attendance", "present"], required: true),
            // A register without ids counts people by email (`PersonKey`): trimmed, lower-cased.
            Column(
                "email", aliases: ["email address", "e-mail", "e-mail address", "delegate email", "attendee email"]),
        ], personal: ["delegate_id", "email"],
        typed: ["session_id", "date", "kind", "priorities", "format", "attended"])
}
