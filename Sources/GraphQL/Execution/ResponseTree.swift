/// The response as the executor builds it: flat arrays indexed by position, not nested
/// dictionaries, so completing a field appends to an array and writes one slot.
///
/// Every field of every object, and every list item, is a slot. An object owns a contiguous run
/// of slots (one per field of its plan, in response order); a list owns a contiguous run of item
/// slots. `links` say which object or list each slot belongs to, at which position, and whether
/// its type is non-null: that is all null propagation and error paths need.
struct ResponseTree {
    var slots = [Slot]()
    var links = [Link]()
    var objects = [ObjectRecord]()
    /// The parents of introspection objects; an `ObjectRecord` refers to one by index.
    var introspectionNodes = [IntrospectionNode]()
    /// Set when a null propagated to the root: the response's `data` is null.
    var dataIsNull = false
    /// Set once any null has propagated past its own slot, so pending objects may be dead.
    var propagated = false

    /// How many slots (each with its link) and objects a tree holds.
    struct Sizes: Sendable {
        var slots = 0
        var objects = 0
    }

    init(reserving sizes: Sizes = Sizes()) {
        slots.reserveCapacity(sizes.slots)
        links.reserveCapacity(sizes.slots)
        objects.reserveCapacity(sizes.objects)
    }

    var sizes: Sizes { Sizes(slots: slots.count, objects: objects.count) }

    enum Slot {
        case pending
        /// Excluded by `@skip`/`@include` on a variable: not written at all.
        case absent
        case null
        case leaf(GraphQLValue)
        case object(Int32)
        case list(start: Int32, count: Int32)
    }

    struct Link {
        /// An object index (≥ 0) for a field slot; `-(list slot) - 2` for a list item.
        var owner: Int32
        /// The field's position in its object plan, or the item's index in its list.
        var position: Int32
        var isNonNull: Bool
    }

    struct ObjectRecord {
        var plan: Int32
        var fieldStart: Int32
        /// Where the object sits; -1 for the root.
        var slot: Int32
        var parent: Parent

        /// Drops the parent value once every field of the object has been resolved from it.
        mutating func releaseParent() {
            if case .value = parent { parent = .value(.null) }
        }
    }

    enum Parent {
        case value(GraphQLValue)
        case introspection(Int32)
    }

    /// The slot that contains `slot` (an object's own slot, or a list's), -1 past the root.
    func container(of slot: Int) -> Int {
        let owner = Int(links[slot].owner)
        return owner >= 0 ? Int(objects[owner].slot) : -owner - 2
    }

    /// Nulls a slot and, while the position is non-null, its containers up to the nearest nullable one.
    mutating func markNull(_ slot: Int) {
        var current = slot
        slots[current] = .null
        while links[current].isNonNull {
            current = container(of: current)
            propagated = true
            if current < 0 {
                dataIsNull = true
                return
            }
            slots[current] = .null
        }
    }

    /// Whether an object created earlier now sits under a null (after propagation).
    func isDead(_ object: Int) -> Bool {
        var slot = Int(objects[object].slot)
        while slot >= 0 {
            if case .null = slots[slot] { return true }
            slot = container(of: slot)
        }
        return dataIsNull
    }

    /// The response path of a slot, root first.
    func path(of slot: Int, in plan: ExecutionPlan) -> [GraphQLError.PathComponent] {
        var components = [GraphQLError.PathComponent]()
        var current = slot
        while current >= 0 {
            let link = links[current]
            if link.owner >= 0 {
                let object = objects[Int(link.owner)]
                let field = plan.objectPlans[Int(object.plan)].fields[Int(link.position)]
                components.append(.key(plan.fieldPlans[field].responseKey))
                current = Int(object.slot)
            } else {
                components.append(.index(Int(link.position)))
                current = -Int(link.owner) - 2
            }
        }
        return components.reversed()
    }

    /// Appends an object with one pending slot per field of its plan and places it in `slot`.
    mutating func addObject(plan: Int, of executionPlan: ExecutionPlan, at slot: Int, parent: Parent) -> Int32 {
        let index = Int32(objects.count)
        let nonNull = executionPlan.objectPlans[plan].fieldsNonNull
        objects.append(
            ObjectRecord(plan: Int32(plan), fieldStart: Int32(slots.count), slot: Int32(slot), parent: parent))
        for position in nonNull.indices {
            slots.append(.pending)
            links.append(Link(owner: index, position: Int32(position), isNonNull: nonNull[position]))
        }
        if slot >= 0 { slots[slot] = .object(index) }
        return index
    }

    /// Appends `count` pending item slots for the list in `slot`.
    mutating func addList(count: Int, at slot: Int, itemsNonNull: Bool) -> Int {
        let start = slots.count
        let owner = Int32(-slot - 2)
        for position in 0..<count {
            slots.append(.pending)
            links.append(Link(owner: owner, position: Int32(position), isNonNull: itemsNonNull))
        }
        slots[slot] = .list(start: Int32(start), count: Int32(count))
        return start
    }
}
