import CMariaDB

/// One statement's `MYSQL_BIND` array for its parameters and the bytes they point at, reused by
/// every execution so that binding allocates only when a value is larger than any before it.
final class ParameterBuffer {
    let count: Int
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int

    private static let alignment = 8
    private static let timeSize = MemoryLayout<MYSQL_TIME>.stride

    init(count: Int) {
        self.count = count
        binds = .allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        capacity = 256
        storage = .allocate(byteCount: capacity, alignment: Self.alignment)
    }

    deinit {
        binds.deallocate()
        storage.deallocate()
    }

    /// Points the binds at copies of `values`. Throws when the count differs from the statement's.
    func bind(_ values: [Value], statement sql: String) throws(MariaDBError) {
        guard values.count == count else {
            let message = "the statement has \(count) parameter(s) but \(values.count) value(s) were given"
            throw MariaDBError(code: .invalidParameters, message: message, statement: sql)
        }
        var needed = 0
        for value in values { needed += Self.size(of: value) }
        if needed > capacity {
            storage.deallocate()
            capacity = max(needed, capacity * 2)
            storage = .allocate(byteCount: capacity, alignment: Self.alignment)
        }
        binds.update(repeating: MYSQL_BIND(), count: count)
        var offset = 0
        for (index, value) in values.enumerated() {
            let slot = storage + offset
            offset += Self.size(of: value)
            set(&binds[index], to: value, at: slot)
        }
    }

    /// Bytes reserved for one value, rounded up so that every slot stays 8-byte aligned.
    private static func size(of value: Value) -> Int {
        let bytes: Int
        switch value {
        case .null: bytes = 0
        case .bool: bytes = 1
        case .int, .uint, .double: bytes = 8
        case .date, .time, .datetime: bytes = timeSize
        case .string(let text), .decimal(let text), .json(let text): bytes = text.utf8.count
        case .bytes(let data): bytes = data.count
        }
        return (bytes + alignment - 1) / alignment * alignment
    }

    private func set(_ bind: inout MYSQL_BIND, to value: Value, at slot: UnsafeMutableRawPointer) {
        bind.buffer = slot
        switch value {
        case .null:
            bind.buffer_type = MYSQL_TYPE_NULL
            bind.buffer = nil
        case .bool(let flag):
            slot.storeBytes(of: flag ? 1 : 0, as: Int8.self)
            bind.buffer_type = MYSQL_TYPE_TINY
            bind.buffer_length = 1
        case .int(let number):
            slot.storeBytes(of: number, as: Int64.self)
            bind.buffer_type = MYSQL_TYPE_LONGLONG
            bind.buffer_length = 8
        case .uint(let number):
            slot.storeBytes(of: number, as: UInt64.self)
            bind.buffer_type = MYSQL_TYPE_LONGLONG
            bind.buffer_length = 8
            bind.is_unsigned = 1
        case .double(let number):
            slot.storeBytes(of: number, as: Double.self)
            bind.buffer_type = MYSQL_TYPE_DOUBLE
            bind.buffer_length = 8
        case .decimal(let text):
            bind.buffer_type = MYSQL_TYPE_NEWDECIMAL
            bind.buffer_length = UInt(copy(text, to: slot))
        case .string(let text), .json(let text):
            bind.buffer_type = MYSQL_TYPE_STRING
            bind.buffer_length = UInt(copy(text, to: slot))
        case .bytes(let data):
            data.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { slot.copyMemory(from: base, byteCount: bytes.count) }
            }
            bind.buffer_type = MYSQL_TYPE_BLOB
            bind.buffer_length = UInt(data.count)
        case .date(let date):
            var time = MYSQL_TIME()
            time.year = UInt32(clamping: date.year)
            time.month = UInt32(clamping: date.month)
            time.day = UInt32(clamping: date.day)
            time.time_type = MYSQL_TIMESTAMP_DATE
            slot.storeBytes(of: time, as: MYSQL_TIME.self)
            bind.buffer_type = MYSQL_TYPE_DATE
            bind.buffer_length = UInt(Self.timeSize)
        case .time(let duration):
            var time = MYSQL_TIME()
            // The wire format keeps hours in one byte beside a day count.
            time.day = UInt32(clamping: duration.hours / 24)
            time.hour = UInt32(clamping: duration.hours % 24)
            time.minute = UInt32(clamping: duration.minutes)
            time.second = UInt32(clamping: duration.seconds)
            time.second_part = UInt(clamping: duration.microseconds)
            time.neg = duration.isNegative ? 1 : 0
            time.time_type = MYSQL_TIMESTAMP_TIME
            slot.storeBytes(of: time, as: MYSQL_TIME.self)
            bind.buffer_type = MYSQL_TYPE_TIME
            bind.buffer_length = UInt(Self.timeSize)
        case .datetime(let moment):
            var time = MYSQL_TIME()
            time.year = UInt32(clamping: moment.year)
            time.month = UInt32(clamping: moment.month)
            time.day = UInt32(clamping: moment.day)
            time.hour = UInt32(clamping: moment.hour)
            time.minute = UInt32(clamping: moment.minute)
            time.second = UInt32(clamping: moment.second)
            time.second_part = UInt(clamping: moment.microsecond)
            time.time_type = MYSQL_TIMESTAMP_DATETIME
            slot.storeBytes(of: time, as: MYSQL_TIME.self)
            bind.buffer_type = MYSQL_TYPE_DATETIME
            bind.buffer_length = UInt(Self.timeSize)
        }
    }

    private func copy(_ text: String, to slot: UnsafeMutableRawPointer) -> Int {
        if let count = text.utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            if let base = bytes.baseAddress { slot.copyMemory(from: base, byteCount: bytes.count) }
            return bytes.count
        }) {
            return count
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { slot.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return bytes.count
    }
}
