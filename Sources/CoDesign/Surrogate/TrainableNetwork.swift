/// A network whose parameters the early-stopping trainer can read and replace as a list of
/// arrays (its gradients use the same layout).
protocol TrainableNetwork {
    var parameters: [[Double]] { get set }
}
