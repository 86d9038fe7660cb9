import Foundation

/// How large the response tree of a plan's last execution grew, so the next execution of the
/// plan allocates its arrays once instead of doubling them as it goes (a repeated query mostly
/// returns a response of about the same shape).
final class TreeSizeHint: @unchecked Sendable {
    // @unchecked Sendable invariant: `sizes` is only read or written while `lock` is held.
    private let lock = NSLock()
    private var sizes = ResponseTree.Sizes()

    var value: ResponseTree.Sizes {
        get { lock.withLock { sizes } }
        set { lock.withLock { sizes = newValue } }
    }
}
