/// Updates parameters from their accumulated gradients; state follows the parameters' order.
package protocol GradientOptimizer {
    mutating func step(_ parameters: [Parameter])
}
