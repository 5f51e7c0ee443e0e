/// Estimates how deeply a YAML text nests, without parsing it, so that a pathological file
/// is refused before Yams recurses into it.
///
/// Depth is counted as the parser would nest: open flow brackets (`[`, `{`) outside quotes
/// and comments, plus block levels: each deeper indentation opens one level (kept on a stack,
/// as Python's tokenizer keeps indents) and each compact indicator (`- `, `? `) at the start
/// of a line's content opens one more. It may overestimate inside block scalars (`|`, `>`),
/// which the project's files never use.
struct YAMLNestingScanner {
    let text: String
    let source: String
    let maximumDepth: Int

    func check() throws(StructuredInputError) {
        var indents: [Int] = [0]
        var flow = 0
        var lineNumber = 0
        var quote: Character?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let chars = Array(line)
            var column = 0
            if flow == 0 && quote == nil {
                while column < chars.count, chars[column] == " " { column += 1 }
                let content = column < chars.count ? chars[column] : "#"
                if content != "#" && content != "\r" {
                    while indents.count > 1, column < indents.last! { indents.removeLast() }
                    if column > indents.last! { indents.append(column) }
                }
            }
            var block = indents.count - 1
            var atContentStart = flow == 0 && quote == nil
            while column < chars.count {
                let c = chars[column]
                if let open = quote {
                    if c == "\\" && open == "\"" {
                        column += 1
                    } else if c == open {
                        quote = nil
                    }
                } else if c == "#" && (column == 0 || chars[column - 1] == " " || chars[column - 1] == "\t") {
                    break
                } else if c == "\"" || c == "'" {
                    quote = c
                    atContentStart = false
                } else if c == "[" || c == "{" {
                    flow += 1
                    atContentStart = false
                } else if c == "]" || c == "}" {
                    flow = max(flow - 1, 0)
                } else if atContentStart && (c == "-" || c == "?") && (column + 1 == chars.count || chars[column + 1] == " ") {
                    block += 1
                } else if c != " " {
                    atContentStart = false
                }
                if block + flow > maximumDepth {
                    throw .tooDeep(path: source, line: lineNumber, column: column + 1, limit: maximumDepth)
                }
                column += 1
            }
        }
    }
}
