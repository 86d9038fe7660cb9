/// Lets tasks go on only once `count` of them have arrived.
actor AsyncGate {
    private var remaining: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { remaining = count }

    func arrive() async {
        remaining -= 1
        if remaining == 0 {
            for continuation in waiting { continuation.resume() }
            waiting.removeAll()
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}
