import Foundation

// MARK: - Re-checking formulas

/// Evaluates the formulas the writer emits (SUM, IF, N, COUNT, OR, ISNUMBER, + - * /, = <)
/// against the stored cells of one sheet, independently of the writer's own check.
struct XLSXFormulaEvaluator {
    enum Value: Equatable {
        case number(Double)
        case text(String)
        case bool(Bool)
        case blank
        case error
    }

    let sheet: XLSXReadBack.Sheet

    func evaluate(_ formula: String) -> Value {
        var parser = Parser(tokens: Self.tokenize(formula), sheet: sheet)
        let value = parser.expression()
        return parser.position == parser.tokens.count ? value : .error
    }

    /// The stored value of a cell as Excel sees it.
    func stored(_ address: String) -> Value {
        guard let cell = sheet[address], let value = cell.value else { return .blank }
        if cell.isString { return .text(value) }
        return Double(value).map(Value.number) ?? .error
    }

    enum Token: Equatable {
        case number(Double)
        case string(String)
        case ref(String)
        case name(String)
        case op(String)
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == " " {
                chars.removeFirst()
                continue
            }
            if c == "\"" {
                chars.removeFirst()
                var s = ""
                while let d = chars.first, d != "\"" {
                    s.append(d)
                    chars.removeFirst()
                }
                chars.removeFirst()
                tokens.append(.string(s))
            } else if c.isNumber || c == "." {
                var s = ""
                while let d = chars.first, d.isNumber || d == "." {
                    s.append(d)
                    chars.removeFirst()
                }
                tokens.append(.number(Double(s) ?? .nan))
            } else if c.isLetter || c == "$" {
                var s = ""
                while let d = chars.first, d.isLetter || d.isNumber || d == "$" || d == ":" {
                    s.append(d)
                    chars.removeFirst()
                }
                let plain = s.replacingOccurrences(of: "$", with: "")
                if plain.first?.isLetter == true, plain.last?.isNumber == true {
                    tokens.append(.ref(plain))
                } else {
                    tokens.append(.name(s))
                }
            } else {
                tokens.append(.op(String(c)))
                chars.removeFirst()
            }
        }
        return tokens
    }

    struct Parser {
        let tokens: [Token]
        let sheet: XLSXReadBack.Sheet
        var position = 0

        init(tokens: [Token], sheet: XLSXReadBack.Sheet) {
            self.tokens = tokens
            self.sheet = sheet
        }

        var next: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func expression() -> Value {
            var left = additive()
            while let token = next, token == .op("=") || token == .op("<") {
                position += 1
                let right = additive()
                guard case .number(let a) = left, case .number(let b) = right else { return .error }
                left = .bool(token == .op("=") ? a == b : a < b)
            }
            return left
        }

        mutating func additive() -> Value {
            var left = multiplicative()
            while let token = next, token == .op("+") || token == .op("-") {
                position += 1
                let right = multiplicative()
                guard let a = Self.arithmetic(left), let b = Self.arithmetic(right) else { return .error }
                left = .number(token == .op("+") ? a + b : a - b)
            }
            return left
        }

        mutating func multiplicative() -> Value {
            var left = primary()
            while let token = next, token == .op("*") || token == .op("/") {
                position += 1
                let right = primary()
                guard let a = Self.arithmetic(left), let b = Self.arithmetic(right) else { return .error }
                if token == .op("/") && b == 0 { return .error }
                left = .number(token == .op("*") ? a * b : a / b)
            }
            return left
        }

        static func arithmetic(_ value: Value) -> Double? {
            switch value {
            case .number(let n): n
            case .blank: 0
            case .bool(let b): b ? 1 : 0
            default: nil
            }
        }

        mutating func primary() -> Value {
            guard let token = next else { return .error }
            position += 1
            switch token {
            case .number(let n): return .number(n)
            case .string(let s): return .text(s)
            case .op("-"): return Self.arithmetic(primary()).map { .number(-$0) } ?? .error
            case .op("("):
                let value = expression()
                guard next == .op(")") else { return .error }
                position += 1
                return value
            case .ref(let ref):
                let cells = cellsIn(ref)
                return cells.count == 1 ? XLSXFormulaEvaluator(sheet: sheet).stored(cells[0]) : .error
            case .name(let function):
                guard next == .op("(") else { return .error }
                position += 1
                var arguments: [[Value]] = []
                while next != .op(")") {
                    if case .ref(let ref) = next, cellsIn(ref).count > 1 {
                        position += 1
                        arguments.append(cellsIn(ref).map { XLSXFormulaEvaluator(sheet: sheet).stored($0) })
                    } else {
                        arguments.append([expression()])
                    }
                    if next == .op(",") { position += 1 } else if next != .op(")") { return .error }
                }
                position += 1
                return call(function, arguments)
            default: return .error
            }
        }

        func call(_ function: String, _ arguments: [[Value]]) -> Value {
            let flat = arguments.flatMap { $0 }
            func numbers() -> [Double] { flat.compactMap { if case .number(let n) = $0 { n } else { nil } } }
            switch function {
            case "SUM": return flat.contains(.error) ? .error : .number(numbers().reduce(0, +))
            case "COUNT": return .number(Double(numbers().count))
            case "N": if case .number(let n) = flat.first { return .number(n) } else { return .number(0) }
            case "ISNUMBER": if case .number = flat.first { return .bool(true) } else { return .bool(false) }
            case "OR": return .bool(flat.contains(.bool(true)))
            case "IF":
                guard flat.count == 3, case .bool(let condition) = flat[0] else { return .error }
                return condition ? flat[1] : flat[2]
            default: return .error
            }
        }

        /// `B3:B5` -> [B3, B4, B5]; `B3` -> [B3].
        func cellsIn(_ ref: String) -> [String] {
            let ends = ref.split(separator: ":").map(String.init)
            guard ends.count == 2 else { return [ref] }
            func split(_ a: String) -> (String, Int) {
                (String(a.prefix { $0.isLetter }), Int(a.drop { $0.isLetter }) ?? 0)
            }
            let (c0, r0) = split(ends[0])
            let (c1, r1) = split(ends[1])
            guard c0 == c1, r0 <= r1 else { return [] }
            return (r0...r1).map { "\(c0)\($0)" }
        }
    }
}
