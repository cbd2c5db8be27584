/// Whether a cell's text may be echoed in a message or `rejects.csv`.
///
/// Personal data never leaves the inputs, and a name cannot be told from other text for
/// sure. So free text is never echoed at all (`Withholding`), and a value echoed from a
/// column read as a number, a date or a word from a fixed list (`bad date '…'`, `unknown
/// type '…'`) is echoed only when it does not look like a person: a cell meant for a date or
/// a keyword holds a name only when a line that is not a record (a sign-off under a ledger)
/// was read as one.
enum PersonalText {
    /// What is written in place of withheld text.
    static let withheld = "(withheld)"

    /// Text that may name or reach a person: an email address (`@`); two or more capitalised
    /// words or initials (`Jane Smith`, `J Smith`; acronyms such as `NHS` are not words
    /// here); or a telephone number (nine or more digits, starting `0` or `+`).
    static func looksPersonal(_ text: some StringProtocol) -> Bool {
        if text.contains("@") { return true }
        var capitalised = 0
        var letters = 0
        var upper = false
        var secondLower = false
        func endWord() {
            if upper && (letters == 1 || secondLower) { capitalised += 1 }
            letters = 0
            upper = false
            secondLower = false
        }
        for ch in text {
            if ch.isLetter {
                if letters == 0 { upper = ch.isUppercase } else if letters == 1 { secondLower = ch.isLowercase }
                letters += 1
            } else if letters > 0 {
                endWord()
            }
        }
        endWord()
        return capitalised >= 2 || isTelephoneNumber(text)
    }

    /// `01632 960123`, `+44 1632 960123`, `07700-900123`: digits with spaces, `-`, `(` `)`.
    static func isTelephoneNumber(_ text: some StringProtocol) -> Bool {
        let trimmed = text.trimmingSpaces
        guard let first = trimmed.first, first == "0" || first == "+" else { return false }
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || " -()+".contains($0)) }) else { return false }
        return trimmed.filter(\.isNumber).count >= 9
    }

    /// A value as a message quotes it: `'seminar'`, or `(withheld)` when it looks personal.
    static func quoted(_ value: String) -> String {
        looksPersonal(value) ? withheld : "'\(RowReader.shown(value))'"
    }

    /// Text that reaches a person whatever else it says: an email address (`@`) or a
    /// telephone number anywhere in it (`Jane 07700 900123`).
    static func reachesPerson(_ text: some StringProtocol) -> Bool {
        text.contains("@") || containsTelephoneNumber(text)
    }

    /// Nine or more digits, with spaces, `-`, `(` `)` between them, from a `0` or `+` that
    /// starts a word (`Call 0116 305 0000`, `(0116) 305 0000`; not the `2022-2023` of a year).
    static func containsTelephoneNumber(_ text: some StringProtocol) -> Bool {
        let chars = Array(text)
        for (i, ch) in chars.enumerated() where ch == "0" || ch == "+" {
            if i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber { continue }
            var digits = 0
            for c in chars[i...] {
                guard c.isASCII, c.isNumber || " -()+".contains(c) else { break }
                if c.isNumber { digits += 1 }
            }
            if digits >= 9 { return true }
        }
        return false
    }

    /// A value of the partnership's own vocabulary (a priority) as a message quotes it: shown,
    /// since it is the word to correct, unless it reaches a person (`reachesPerson`).
    static func quotedVocabulary(_ value: String) -> String {
        reachesPerson(value) ? withheld : "'\(RowReader.shown(value))'"
    }
}
