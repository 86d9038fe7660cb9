import CMariaDB

/// The `MYSQL_BIND` array a statement's rows are fetched into, and the decoding of each column
/// into a `Value`.
///
/// Fixed-size types get a slot of their exact C type, so the library copies them without
/// conversion. Variable-length columns get an inline slot sized from the column's width (at most
/// 4 KiB); a longer value (a 16 MiB blob) is read afresh with `mysql_stmt_fetch_column` straight
/// into the array or string that is returned.
final class ResultBuffer {
    let columns: [Column]
    let index: ColumnIndex
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private let lengths: UnsafeMutablePointer<UInt>
    private let nulls: UnsafeMutablePointer<my_bool>
    private let errors: UnsafeMutablePointer<my_bool>
    private let storage: UnsafeMutableRawPointer
    private let slots: [Slot]

    private struct Slot {
        let decoding: Decoding
        let offset: Int
        let capacity: Int
    }

    private enum Decoding {
        case int8, int16, int32, int64, uint8, uint16, uint32, uint64
        case float, double, date, time, datetime
        case decimal, text, json, bytes, bit, null
    }

    init(columns: [Column]) {
        self.columns = columns
        index = ColumnIndex(columns)
        let count = max(columns.count, 1)
        binds = .allocate(capacity: count)
        binds.initialize(repeating: MYSQL_BIND(), count: count)
        lengths = .allocate(capacity: count)
        lengths.initialize(repeating: 0, count: count)
        nulls = .allocate(capacity: count)
        nulls.initialize(repeating: 0, count: count)
        errors = .allocate(capacity: count)
        errors.initialize(repeating: 0, count: count)

        var slots: [Slot] = []
        var offset = 0
        var wireTypes: [enum_field_types] = []
        for column in columns {
            let (decoding, wire, size) = ResultBuffer.layout(of: column)
            slots.append(Slot(decoding: decoding, offset: offset, capacity: size))
            wireTypes.append(wire)
            offset += (size + 7) / 8 * 8
        }
        self.slots = slots
        storage = .allocate(byteCount: max(offset, 8), alignment: 8)
        for position in columns.indices {
            binds[position].buffer_type = wireTypes[position]
            binds[position].buffer = slots[position].capacity == 0 ? nil : storage + slots[position].offset
            binds[position].buffer_length = UInt(slots[position].capacity)
            binds[position].length = lengths + position
            binds[position].is_null = nulls + position
            binds[position].error = errors + position
            binds[position].is_unsigned = columns[position].isUnsigned ? 1 : 0
        }
    }

    deinit {
        binds.deallocate()
        lengths.deallocate()
        nulls.deallocate()
        errors.deallocate()
        storage.deallocate()
    }

    private static let timeSize = MemoryLayout<MYSQL_TIME>.stride

    private static func layout(of column: Column) -> (Decoding, enum_field_types, Int) {
        let unsigned = column.isUnsigned
        let inline = min(max(Int(column.length), 16), 4096)
        switch column.type {
        case .tinyInt: return (unsigned ? .uint8 : .int8, MYSQL_TYPE_TINY, 1)
        case .smallInt, .year: return (unsigned ? .uint16 : .int16, MYSQL_TYPE_SHORT, 2)
        case .mediumInt, .int: return (unsigned ? .uint32 : .int32, MYSQL_TYPE_LONG, 4)
        case .bigInt: return (unsigned ? .uint64 : .int64, MYSQL_TYPE_LONGLONG, 8)
        case .float: return (.float, MYSQL_TYPE_FLOAT, 4)
        case .double: return (.double, MYSQL_TYPE_DOUBLE, 8)
        case .decimal: return (.decimal, MYSQL_TYPE_STRING, inline)
        case .date: return (.date, MYSQL_TYPE_DATE, timeSize)
        case .time: return (.time, MYSQL_TYPE_TIME, timeSize)
        case .datetime, .timestamp: return (.datetime, MYSQL_TYPE_DATETIME, timeSize)
        case .bit: return (.bit, MYSQL_TYPE_BIT, 8)
        case .text: return (.text, MYSQL_TYPE_STRING, inline)
        case .json: return (.json, MYSQL_TYPE_STRING, inline)
        case .blob, .geometry: return (.bytes, MYSQL_TYPE_BLOB, inline)
        case .null: return (.null, MYSQL_TYPE_NULL, 0)
        }
    }

    /// Decodes the row the last successful `mysql_stmt_fetch` placed in the buffers.
    func decodeRow(_ stmt: UnsafeMutablePointer<MYSQL_STMT>) throws(MariaDBError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(slots.count)
        for position in slots.indices {
            values.append(nulls[position] != 0 ? .null : try decode(position, stmt))
        }
        return values
    }

    private func decode(_ position: Int, _ stmt: UnsafeMutablePointer<MYSQL_STMT>) throws(MariaDBError) -> Value {
        let slot = slots[position]
        let base = storage + slot.offset
        switch slot.decoding {
        case .int8: return .int(Int64(base.load(as: Int8.self)))
        case .int16: return .int(Int64(base.load(as: Int16.self)))
        case .int32: return .int(Int64(base.load(as: Int32.self)))
        case .int64: return .int(base.load(as: Int64.self))
        case .uint8: return .uint(UInt64(base.load(as: UInt8.self)))
        case .uint16: return .uint(UInt64(base.load(as: UInt16.self)))
        case .uint32: return .uint(UInt64(base.load(as: UInt32.self)))
        case .uint64: return .uint(base.load(as: UInt64.self))
        case .float: return .double(Double(base.load(as: Float.self)))
        case .double: return .double(base.load(as: Double.self))
        case .date:
            let time = base.load(as: MYSQL_TIME.self)
            return .date(SQLDate(year: Int(time.year), month: Int(time.month), day: Int(time.day)))
        case .time:
            let time = base.load(as: MYSQL_TIME.self)
            // libmariadb folds days into hours only for TIME values it built itself; add them here.
            return .time(SQLTime(isNegative: time.neg != 0, hours: Int(time.day) * 24 + Int(time.hour),
                                 minutes: Int(time.minute), seconds: Int(time.second),
                                 microseconds: Int(time.second_part)))
        case .datetime:
            let time = base.load(as: MYSQL_TIME.self)
            return .datetime(SQLDateTime(year: Int(time.year), month: Int(time.month), day: Int(time.day),
                                         hour: Int(time.hour), minute: Int(time.minute), second: Int(time.second),
                                         microsecond: Int(time.second_part)))
        case .decimal: return try .decimal(text(position, stmt))
        case .text: return try .string(text(position, stmt))
        case .json: return try .json(text(position, stmt))
        case .bytes: return try .bytes(bytes(position, stmt))
        case .bit: return try .uint(bytes(position, stmt).reduce(0) { $0 << 8 | UInt64($1) })
        case .null: return .null
        }
    }

    /// The column's text, decoded straight from the inline slot when it fits.
    private func text(_ position: Int, _ stmt: UnsafeMutablePointer<MYSQL_STMT>) throws(MariaDBError) -> String {
        let length = Int(lengths[position])
        let slot = slots[position]
        guard length <= slot.capacity else { return try String(decoding: bytes(position, stmt), as: UTF8.self) }
        return String(decoding: UnsafeRawBufferPointer(start: storage + slot.offset, count: length), as: UTF8.self)
    }

    /// The column's bytes: from the inline slot, or fetched again in full when they did not fit.
    private func bytes(_ position: Int, _ stmt: UnsafeMutablePointer<MYSQL_STMT>) throws(MariaDBError) -> [UInt8] {
        let length = Int(lengths[position])
        let slot = slots[position]
        if length <= slot.capacity {
            return Array(UnsafeRawBufferPointer(start: storage + slot.offset, count: length))
        }
        var failed = false
        let value = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            var bind = MYSQL_BIND()
            var fetched: UInt = 0
            bind.buffer_type = binds[position].buffer_type
            bind.buffer = UnsafeMutableRawPointer(buffer.baseAddress)
            bind.buffer_length = UInt(length)
            initialized = withUnsafeMutablePointer(to: &fetched) { fetchedLength in
                bind.length = fetchedLength
                failed = mysql_stmt_fetch_column(stmt, &bind, UInt32(position), 0) != 0
                return failed ? 0 : min(length, Int(fetchedLength.pointee))
            }
        }
        if failed {
            throw MariaDBError(code: .client, number: Int(mysql_stmt_errno(stmt)),
                               message: "column \(columns[position].name) (\(length) bytes) could not be read")
        }
        return value
    }
}
