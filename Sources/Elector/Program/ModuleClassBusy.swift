/// The module classes whose busy cycles the generated top counts (its `busy_*` ports, in
/// port order), summed over the units of a class.
package enum ModuleClassBusy: String, Sendable, CaseIterable, Codable {
    case mac
    case softmax
    case layerNorm = "layer_norm"
    case dynaProp = "dynaprop"
    case dma
    case vector
}
