/// One rule of executable-document validation (specification section 5, or an operation limit).
///
/// A rule is made afresh for each validation and sees the document once, in one walk shared by
/// all rules: it implements only the hooks it needs, reads type information from `context`
/// (the parent type, field definition, expected input type of the node being entered) and
/// reports every problem with `context.report`, never stopping at the first.
public protocol ValidationRule: AnyObject, SendableMetatype {
    init(context: ValidationContext)

    func enter(_ node: Document)
    func leave(_ node: Document)
    func enter(_ node: OperationDefinition)
    func leave(_ node: OperationDefinition)
    func enter(_ node: VariableDefinition)
    func enter(_ node: SelectionSet)
    func leave(_ node: SelectionSet)
    func enter(_ node: Field)
    func leave(_ node: Field)
    func enter(_ node: FragmentSpread)
    func enter(_ node: InlineFragment)
    func leave(_ node: InlineFragment)
    func enter(_ node: FragmentDefinition)
    func leave(_ node: FragmentDefinition)
    /// `location` is where the directive is applied.
    func enter(_ node: Directive, at location: DirectiveLocation)
    func enter(_ node: Argument)
    func leave(_ node: Argument)
    func enter(_ node: Value)
    func enter(_ node: ObjectField)
    func enter(_ node: NamedType)
}

extension ValidationRule {
    public func enter(_ node: Document) {}
    public func leave(_ node: Document) {}
    public func enter(_ node: OperationDefinition) {}
    public func leave(_ node: OperationDefinition) {}
    public func enter(_ node: VariableDefinition) {}
    public func enter(_ node: SelectionSet) {}
    public func leave(_ node: SelectionSet) {}
    public func enter(_ node: Field) {}
    public func leave(_ node: Field) {}
    public func enter(_ node: FragmentSpread) {}
    public func enter(_ node: InlineFragment) {}
    public func leave(_ node: InlineFragment) {}
    public func enter(_ node: FragmentDefinition) {}
    public func leave(_ node: FragmentDefinition) {}
    public func enter(_ node: Directive, at location: DirectiveLocation) {}
    public func enter(_ node: Argument) {}
    public func leave(_ node: Argument) {}
    public func enter(_ node: Value) {}
    public func enter(_ node: ObjectField) {}
    public func enter(_ node: NamedType) {}
}
