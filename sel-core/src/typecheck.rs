//! A small, conservative type inference over one program, driven by the catalogue. It is
//! the one checker behind both `sel check` and the language server's type diagnostics, so
//! the two report the same errors.
//!
//! Every expression gets a `SelTypes` name or [`ANY`] (not known statically). Variables
//! live in one flat namespace (SPEC §4.6): a name's type is the type of its declarations
//! when they all agree, else of its first `=` assignment when it is never declared and is
//! not an input; uses before the first binding in source order stay unknown. Only errors
//! that are certain given those types are reported (§5.5, §5.6, §7).

use crate::catalog::{self, Call, ANY};
use sel_grammar::ast::{
    AssignOp, BinaryOp, Decl, ExprId, ExprKind, ForInit, Ident, Literal, Program, Span, StmtId,
    StmtKind, TypeName, UnaryOp,
};
use std::collections::HashMap;

pub type Ty = &'static str;

/// A type error, certain to fail at run time if the code is reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeIssue {
    pub span: Span,
    pub message: String,
}

/// A binding of a variable: a declarator or the target of the first plain assignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub name: String,
    /// The identifier.
    pub span: Span,
    /// The whole declarator or assignment.
    pub def_span: Span,
    pub ty: Ty,
    pub declared: bool,
}

/// The inference result.
#[derive(Clone, Debug, Default)]
pub struct Types {
    /// Indexed by `ExprId`.
    pub exprs: Vec<Ty>,
    /// Bindings in source order.
    pub bindings: Vec<Binding>,
    pub issues: Vec<TypeIssue>,
}

impl Types {
    pub fn of(&self, e: ExprId) -> Ty {
        self.exprs.get(e.0 as usize).copied().unwrap_or(ANY)
    }

    /// The binding a use of `name` at `offset` refers to: the last one before it, else
    /// the first one (a flat namespace: loops can run a later binding first).
    pub fn binding_at(&self, name: &str, offset: u32) -> Option<&Binding> {
        let mut named = self.bindings.iter().filter(|b| b.name == name);
        let first = named.clone().next();
        named.rfind(|b| b.span.start <= offset).or(first)
    }
}

/// What the program's environment provides: input variables with known types.
pub trait Inputs {
    /// `Some(ty)` for a known input (ty may be [`ANY`]), `None` if `name` is no input.
    fn input(&self, name: &str) -> Option<Ty>;
}

impl Inputs for () {
    fn input(&self, _: &str) -> Option<Ty> {
        None
    }
}

impl Inputs for HashMap<String, Ty> {
    fn input(&self, name: &str) -> Option<Ty> {
        self.get(name).copied()
    }
}

/// The type a declaration's type names, `Err` for an unknown class.
pub fn type_ref(p: &Program, name: TypeName, array: bool) -> Result<Ty, String> {
    let base = match name {
        TypeName::Primitive(t) => catalog::class_type(t.keyword()),
        TypeName::Class(id) => catalog::class_type(p.name(id.sym)),
    };
    let Some(base) = base else {
        let TypeName::Class(id) = name else {
            return Ok(ANY);
        };
        return Err(format!(
            "Please check the manual for supported classes, which does not include class:  {}",
            p.name(id.sym)
        ));
    };
    if !array {
        return Ok(base);
    }
    Ok(match base {
        "STRING" => "STRING_ARRAY",
        "LONG" => "LONG_ARRAY",
        "DOUBLE" => "DOUBLE_ARRAY",
        "BOOLEAN" => "BOOLEAN_ARRAY",
        _ => ANY,
    })
}

/// The element type of an array type.
pub fn element(ty: Ty) -> Ty {
    match ty {
        "STRING_ARRAY" => "STRING",
        "LONG_ARRAY" => "LONG",
        "DOUBLE_ARRAY" => "DOUBLE",
        "BOOLEAN_ARRAY" => "BOOLEAN",
        _ => ANY,
    }
}

fn is_number(t: Ty) -> bool {
    t == "LONG" || t == "DOUBLE"
}

/// Result type of `l op r` when both are known, or the reference's error (§5.5).
pub fn binary(op: BinaryOp, l: Ty, r: Ty) -> Result<Ty, String> {
    use BinaryOp::*;
    let sym = op.symbol();
    let unsupported = |t: &str| Err(format!("{t} DO NOT support expression operation {sym}"));
    let mismatch = || {
        Err(format!(
            "Type mismatch, lhs type: {l}, rhs object type: {r}"
        ))
    };
    let cmp = matches!(op, Eq | Ne | Lt | Gt | Le | Ge);
    match l {
        "LONG" | "DOUBLE" => {
            let kw = if l == "LONG" {
                "int/Integer/long/Long"
            } else {
                "float/Float/double/Doubles"
            };
            if r == "STRING" {
                return binary(op, "STRING", r);
            }
            if matches!(op, And | Or) {
                return unsupported(kw);
            }
            if r == "NULL" && matches!(op, Eq | Ne) {
                return Ok("BOOLEAN");
            }
            if !is_number(r) {
                return if l == "LONG" { mismatch() } else { Ok(ANY) };
            }
            if cmp {
                Ok("BOOLEAN")
            } else if l == "DOUBLE" || r == "DOUBLE" {
                Ok("DOUBLE")
            } else {
                Ok("LONG")
            }
        }
        "STRING" => match op {
            Add => Ok("STRING"),
            Eq | Ne if r == "STRING" || r == "NULL" => Ok("BOOLEAN"),
            Eq | Ne => mismatch(),
            _ => unsupported("STRING"),
        },
        "BOOLEAN" => {
            if r == "NULL" && matches!(op, Eq | Ne) {
                return Ok("BOOLEAN");
            }
            if r != "BOOLEAN" {
                return mismatch();
            }
            match op {
                And | Or | Eq | Ne => Ok("BOOLEAN"),
                _ => unsupported("BOOLEAN"),
            }
        }
        "NULL" => match op {
            Eq | Ne | Lt | Gt => Ok("BOOLEAN"),
            Add => Ok("STRING"),
            _ => unsupported("NULL"),
        },
        "PRESET_PARAMS"
        | "PRESET_UTIL_FUNCTION"
        | "PRESET_MISC_FUNC_FIELDS"
        | "MATH"
        | "UUID"
        | "MAP"
        | "STRING_ARRAY"
        | "LONG_ARRAY"
        | "DOUBLE_ARRAY"
        | "BOOLEAN_ARRAY"
        | "DATETIME"
        | "DATETIME_ZONE"
        | "DATETIME_FORMATTER"
        | "DATETIME_PROPERTY"
        | "DATETIME_DAYS" => unsupported(l),
        _ => Ok(ANY),
    }
}

/// Whether a compound assignment `target op= value` certainly fails (§5.6).
fn compound(op: AssignOp, target: Ty, value: Ty) -> Option<String> {
    let sym = op.symbol();
    match target {
        "LONG" | "DOUBLE" if value != ANY && value != target => Some(format!(
            "Type mismatch, lhs type: {target}, rhs object type: {value}"
        )),
        "STRING" if op != AssignOp::Add => {
            Some(format!("STRING DO NOT support assignment operation {sym}"))
        }
        "BOOLEAN" => Some(format!(
            "boolean/Boolean DO NOT support assignment operation {sym}"
        )),
        "LONG" | "DOUBLE" | "STRING" | ANY => None,
        _ => Some(format!(
            "{target} DO NOT support assignment operation {sym}"
        )),
    }
}

/// Infers the types of `p` given its inputs.
pub fn infer(p: &Program, inputs: &dyn Inputs) -> Types {
    let mut cx = Cx {
        p,
        inputs,
        out: Types {
            exprs: vec![ANY; p.exprs.len()],
            ..Types::default()
        },
        vars: HashMap::new(),
    };
    cx.collect();
    for &s in &p.items {
        cx.stmt(s);
    }
    cx.out
}

/// A variable's statically known type and where it becomes valid.
#[derive(Clone, Copy)]
struct Var {
    ty: Ty,
    from: u32,
}

struct Cx<'a> {
    p: &'a Program,
    inputs: &'a dyn Inputs,
    out: Types,
    vars: HashMap<String, Var>,
}

impl Cx<'_> {
    fn issue(&mut self, span: Span, message: impl Into<String>) {
        self.out.issues.push(TypeIssue {
            span,
            message: message.into(),
        });
    }

    /// First pass: every declaration and every first plain assignment, with the type of
    /// the declarations (assignment types are filled in when their value is inferred).
    fn collect(&mut self) {
        let p = self.p;
        let mut decls: HashMap<String, Vec<(u32, Ty)>> = HashMap::new();
        let mut bindings = Vec::new();
        for (i, s) in p.stmts.iter().enumerate() {
            let decl = match &s.kind {
                StmtKind::Decl(d) => Some(d),
                StmtKind::For {
                    init: Some(ForInit::Decl(d)),
                    ..
                } => Some(d),
                _ => None,
            };
            let Some(d) = decl else { continue };
            let ty = type_ref(p, d.ty.name, d.ty.array).unwrap_or(ANY);
            let _ = i;
            for dc in &d.declarators {
                let name = p.name(dc.name.sym).to_string();
                decls
                    .entry(name.clone())
                    .or_default()
                    .push((dc.span.start, ty));
                bindings.push(Binding {
                    name,
                    span: dc.name.span,
                    def_span: dc.span,
                    ty,
                    declared: true,
                });
            }
        }
        let mut assigned: HashMap<String, (Span, Span)> = HashMap::new();
        for e in &p.exprs {
            if let ExprKind::Assign {
                target,
                index: None,
                op: AssignOp::Assign,
                ..
            } = &e.kind
            {
                let name = p.name(target.sym);
                if decls.contains_key(name) || self.inputs.input(name).is_some() {
                    continue;
                }
                let entry = assigned
                    .entry(name.to_string())
                    .or_insert((target.span, e.span));
                if target.span.start < entry.0.start {
                    *entry = (target.span, e.span);
                }
            }
        }
        for (name, (span, def_span)) in assigned {
            bindings.push(Binding {
                name,
                span,
                def_span,
                ty: ANY,
                declared: false,
            });
        }
        for (name, list) in decls {
            let ty = if list.iter().all(|&(_, t)| t == list[0].1) {
                list[0].1
            } else {
                ANY
            };
            let from = list.iter().map(|&(s, _)| s).min().unwrap_or(0);
            self.vars.insert(name, Var { ty, from });
        }
        bindings.sort_by_key(|b| b.span.start);
        self.out.bindings = bindings;
    }

    /// The type of a use of `name` at `at`.
    fn name_type(&self, name: &str, at: u32) -> Ty {
        if let Some(v) = self.vars.get(name) {
            return if at >= v.from {
                v.ty
            } else {
                self.unbound(name)
            };
        }
        self.unbound(name)
    }

    /// The type of a name no declaration or assignment has bound yet.
    fn unbound(&self, name: &str) -> Ty {
        if let Some(t) = self.inputs.input(name) {
            // Statics shadow inputs (§4.6).
            return match catalog::static_name(name) {
                Some(s) if s.value && name != "params" => s.ty,
                _ => t,
            };
        }
        match catalog::static_name(name) {
            Some(s) if s.value => s.ty,
            _ => ANY,
        }
    }

    fn stmt(&mut self, id: StmtId) {
        let p = self.p;
        match &p.stmt(id).kind {
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Block(items) => items.iter().for_each(|&s| self.stmt(s)),
            StmtKind::Expr(e) | StmtKind::Return(e) | StmtKind::Throw(e) => {
                self.expr(*e);
            }
            StmtKind::If { cond, then, els } => {
                self.condition(*cond);
                self.stmt(*then);
                if let Some(e) = els {
                    self.stmt(*e);
                }
            }
            StmtKind::While { cond, body } => {
                self.condition(*cond);
                self.stmt(*body);
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                match init {
                    Some(ForInit::Decl(d)) => self.decl(d),
                    Some(ForInit::Expr(e)) => {
                        self.expr(*e);
                    }
                    None => {}
                }
                if let Some(c) = cond {
                    self.condition(*c);
                }
                if let Some(u) = update {
                    self.expr(*u);
                }
                self.stmt(*body);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Error => {}
        }
    }

    fn condition(&mut self, e: ExprId) {
        let t = self.expr(e);
        if t != ANY && t != "BOOLEAN" {
            let span = self.p.expr(e).span;
            self.issue(span, format!("A condition must be BOOLEAN, not {t}"));
        }
    }

    fn decl(&mut self, d: &Decl) {
        let declared = match type_ref(self.p, d.ty.name, d.ty.array) {
            Ok(t) => t,
            Err(m) => {
                self.issue(d.ty.span, m);
                ANY
            }
        };
        for dc in &d.declarators {
            let Some(init) = dc.init else { continue };
            let t = self.expr(init);
            if declared != ANY && t != ANY && t != declared {
                let span = self.p.expr(init).span;
                self.issue(
                    span,
                    format!("Type mismatch, lhs type: {declared}, rhs object type: {t}"),
                );
            }
        }
    }

    fn expr(&mut self, id: ExprId) -> Ty {
        let t = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(id));
        if let Some(slot) = self.out.exprs.get_mut(id.0 as usize) {
            *slot = t;
        }
        t
    }

    fn expr_inner(&mut self, id: ExprId) -> Ty {
        let p = self.p;
        let e = p.expr(id);
        match &e.kind {
            ExprKind::Literal(l) => match l {
                Literal::Int(_) => "LONG",
                Literal::Float(_) => "DOUBLE",
                Literal::Str(_) => "STRING",
                Literal::Bool(_) => "BOOLEAN",
                Literal::Null => "NULL",
            },
            ExprKind::Name(id) => self.name_type(p.name(id.sym), id.span.start),
            ExprKind::Paren(inner) => self.expr(*inner),
            ExprKind::Assign {
                target,
                index,
                op,
                value,
            } => self.assign(*target, *index, *op, *value),
            ExprKind::Ternary { cond, then, els } => {
                self.condition(*cond);
                let (a, b) = (self.expr(*then), self.expr(*els));
                if a == b {
                    a
                } else {
                    ANY
                }
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let (l, r) = (self.expr(*lhs), self.expr(*rhs));
                if l == ANY || r == ANY {
                    return match op {
                        BinaryOp::Eq | BinaryOp::Ne => "BOOLEAN",
                        _ => ANY,
                    };
                }
                match binary(*op, l, r) {
                    Ok(t) => t,
                    Err(m) => {
                        self.issue(e.span, m);
                        ANY
                    }
                }
            }
            ExprKind::Unary { op, operand } => {
                let t = self.expr(*operand);
                match (op, t) {
                    (UnaryOp::Not, "BOOLEAN") => "BOOLEAN",
                    (UnaryOp::Neg | UnaryOp::Plus, "LONG" | "DOUBLE") => t,
                    (_, ANY) => ANY,
                    _ => {
                        let m = match binary_for_unary(*op) {
                            Some(op) => binary(op, t, t).err(),
                            None => None,
                        };
                        let m = m.unwrap_or_else(|| {
                            format!("{t} DO NOT support expression operation {}", op.symbol())
                        });
                        self.issue(e.span, m);
                        ANY
                    }
                }
            }
            ExprKind::Field { recv, name } => {
                let rt = self.expr(*recv);
                self.field(rt, *name)
            }
            ExprKind::Call { recv, name, args } => self.call(*recv, *name, args),
            ExprKind::Index { recv, index } => {
                let rt = self.expr(*recv);
                let it = self.expr(*index);
                match rt {
                    "PRESET_PARAMS" => ANY,
                    "STRING_ARRAY" | "LONG_ARRAY" | "DOUBLE_ARRAY" | "BOOLEAN_ARRAY" => {
                        if it == "DOUBLE" {
                            self.issue(p.expr(*index).span, "Invalid index type: DOUBLE");
                        }
                        element(rt)
                    }
                    // `m['k']` on a Map is reported by the lints with its own code.
                    _ => ANY,
                }
            }
            ExprKind::NewArray { ty, len } => {
                self.expr(*len);
                self.new_type(*ty, true, e.span)
            }
            ExprKind::NewArrayInit { ty, elems } => {
                let arr = self.new_type(*ty, true, e.span);
                for &el in elems {
                    let t = self.expr(el);
                    let want = element(arr);
                    if want != ANY && t != ANY && t != want {
                        let span = p.expr(el).span;
                        self.issue(
                            span,
                            format!("Type mismatch, lhs type: {want}, rhs object type: {t}"),
                        );
                    }
                }
                arr
            }
            ExprKind::New { class, args } => {
                for &a in args {
                    self.expr(a);
                }
                self.new_type(TypeName::Class(*class), false, class.span)
            }
            ExprKind::Error => ANY,
        }
    }

    fn new_type(&mut self, ty: TypeName, array: bool, span: Span) -> Ty {
        match type_ref(self.p, ty, array) {
            Ok(t) => t,
            Err(m) => {
                self.issue(span, m);
                ANY
            }
        }
    }

    fn assign(&mut self, target: Ident, index: Option<ExprId>, op: AssignOp, value: ExprId) -> Ty {
        let p = self.p;
        let name = p.name(target.sym).to_string();
        if let Some(i) = index {
            self.expr(i);
        }
        let v = self.expr(value);
        let bound = self.name_type(&name, target.span.start);
        let known_binding = self.vars.contains_key(&name) || self.inputs.input(&name).is_some();
        let t = match index {
            Some(_) => element(bound),
            None => bound,
        };
        if op == AssignOp::Assign {
            if index.is_none() && !known_binding {
                // The first plain assignment of an undeclared name binds its type.
                if !self.vars.contains_key(&name) {
                    self.vars.insert(
                        name.clone(),
                        Var {
                            ty: v,
                            from: target.span.start,
                        },
                    );
                    if let Some(b) = self
                        .out
                        .bindings
                        .iter_mut()
                        .find(|b| b.name == name && b.span == target.span)
                    {
                        b.ty = v;
                    }
                }
                return v;
            }
            if t != ANY && v != ANY && v != "NULL" && t != v {
                let span = p.expr(value).span;
                self.issue(
                    span,
                    format!("Type mismatch, lhs type: {t}, rhs object type: {v}"),
                );
            }
            return if t == ANY { v } else { t };
        }
        if t != ANY {
            if let Some(m) = compound(op, t, v) {
                self.issue(p.expr(value).span.to(target.span), m);
            }
        }
        t
    }

    fn field(&mut self, rt: Ty, name: Ident) -> Ty {
        if rt == ANY || rt == "PRESET_PARAMS" {
            return ANY;
        }
        let n = self.p.name(name.sym);
        match catalog::field(rt, n) {
            Some(f) => f.ty,
            None => {
                self.issue(
                    name.span,
                    format!("{rt} DO NOT support accessing field: {n}"),
                );
                ANY
            }
        }
    }

    fn call(&mut self, recv: ExprId, name: Ident, args: &[ExprId]) -> Ty {
        let p = self.p;
        let rt = self.expr(recv);
        let arg_types: Vec<Ty> = args.iter().map(|&a| self.expr(a)).collect();
        let n = p.name(name.sym);
        if rt == ANY || rt == "NULL" {
            return ANY;
        }
        let mut overloads = catalog::overloads(rt, n).peekable();
        if overloads.peek().is_none() {
            // Maestro forwards unknown `params` methods to its extension.
            if rt != "PRESET_PARAMS" {
                let m = if catalog::methods_of(rt).next().is_none() {
                    format!("{rt} DO NOT support calling {n}")
                } else {
                    format!("{rt} has no method {n}")
                };
                self.issue(name.span, m);
            }
            return ANY;
        }
        let Some(m) = catalog::method(rt, n, args.len()) else {
            let arities: Vec<String> = catalog::overloads(rt, n)
                .map(|m| {
                    let k = m.params.len();
                    if m.variadic {
                        format!("{} or more", k.saturating_sub(1))
                    } else {
                        k.to_string()
                    }
                })
                .collect();
            self.issue(
                name.span,
                format!(
                    "{rt}.{n} takes {} argument(s), not {}",
                    arities.join(" or "),
                    args.len()
                ),
            );
            return ANY;
        };
        for (i, (&a, &t)) in args.iter().zip(&arg_types).enumerate() {
            let param = m.params[i.min(m.params.len().saturating_sub(1))];
            if catalog::accepts(param.ty, t) == Some(false) {
                self.issue(
                    p.expr(a).span,
                    format!(
                        "Argument {} of {n} must be {}, not {t}",
                        param.name, param.ty
                    ),
                );
            }
        }
        if let ExprKind::Name(id) = &p.expr(recv).kind {
            let recv_name = p.name(id.sym);
            let is_static = catalog::static_name(recv_name).is_some_and(|s| s.value)
                && !self.vars.contains_key(recv_name);
            if is_static && m.call == Call::Instance && recv_name != "params" {
                self.issue(
                    name.span,
                    format!("{n} needs a {rt} value; the static {recv_name} is null"),
                );
            }
        }
        if m.call == Call::Static && matches!(p.expr(recv).kind, ExprKind::Literal(_)) {
            self.issue(
                name.span,
                format!("{n} only works on the static name, not on a value"),
            );
        }
        if m.returns == ANY && n == "asList" {
            return arg_types.first().copied().unwrap_or(ANY);
        }
        m.returns
    }
}

fn binary_for_unary(op: UnaryOp) -> Option<BinaryOp> {
    match op {
        UnaryOp::Neg => Some(BinaryOp::Sub),
        UnaryOp::Plus => Some(BinaryOp::Add),
        UnaryOp::Not => None,
    }
}

#[cfg(test)]
mod tests;
