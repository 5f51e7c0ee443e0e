import DesignSpace

/// What an operation is, in parts; the readable name is built only when asked for, so the
/// fast mode does not pay for thousands of strings per model.
package struct OperationLabel: Hashable, Sendable {
    /// 1-based head index, 0 for layer-level operations.
    package let head: Int
    package let headOperation: HeadOperation?
    /// A fixed role such as `q`, `softmax`, `ff`, `residual`.
    package let role: StaticString
    /// 1-based index of repeated roles (feed-forward stack, residual, layer-norm), 0 if none.
    package let index: Int
    /// `grad_left`, `grad_right`, `grad_weight`, `grad_kernel`, `grad` or `update`; empty forward.
    package let stage: StaticString

    package init(head: Int = 0, headOperation: HeadOperation? = nil, role: StaticString, index: Int = 0, stage: StaticString = "") {
        self.head = head
        self.headOperation = headOperation
        self.role = role
        self.index = index
        self.stage = stage
    }

    func with(stage: StaticString) -> OperationLabel {
        OperationLabel(head: head, headOperation: headOperation, role: role, index: index, stage: stage)
    }

    package static func == (a: OperationLabel, b: OperationLabel) -> Bool {
        a.head == b.head && a.headOperation == b.headOperation && a.index == b.index
            && a.role.description == b.role.description && a.stage.description == b.stage.description
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(head)
        hasher.combine(index)
        hasher.combine(role.description)
    }

    /// e.g. `layer2.head3.sa_sdp.softmax.grad`.
    func name(layer: Int) -> String {
        var parts: [String] = [layer == 0 ? "embedding" : "layer\(layer)"]
        if head > 0, let op = headOperation { parts.append("head\(head).\(op.rawValue)") }
        if role.description != "embedding" { parts.append(index > 0 ? "\(role)\(index)" : "\(role)") }
        if stage.utf8CodeUnitCount > 0 { parts.append("\(stage)") }
        return parts.joined(separator: ".")
    }
}
