//! The canonical pretty-printer (`sel fmt`, the language server's formatting).
//!
//! Java-like layout: 4-space indentation, `{` on the line of its statement, one
//! statement per line, spaces around binary and assignment operators, `} else {`, a
//! body that is not a block on its own line one level deeper. Literals and identifiers
//! are copied from the source as written (so `017`, `1.5f`, `'a'` and `\u` escapes
//! stay), which keeps the tree identical. Every comment is kept: a comment on the line
//! of a statement's end stays there, any other goes on its own line before the next
//! statement (or before the `}` / end of program that follows it). Single blank lines
//! between statements are kept. Formatting a formatted program changes nothing.

use crate::ast::*;
use crate::{parse, SyntaxError};

const INDENT: &str = "    ";

/// Formats a program; fails with the syntax errors if it does not parse.
pub fn format(src: &str) -> Result<String, Vec<SyntaxError>> {
    let parsed = parse(src);
    if !parsed.errors.is_empty() {
        return Err(parsed.errors);
    }
    let p = &parsed.program;
    let mut f = Formatter {
        src,
        p,
        out: String::with_capacity(src.len() + src.len() / 4),
        next_comment: 0,
        last_end: 0,
    };
    let mut prev_end = None;
    for imp in &p.imports {
        f.item_start(imp.span, prev_end, 0);
        f.out.push_str("import ");
        if imp.is_static {
            f.out.push_str("static ");
        }
        for (i, id) in imp.path.iter().enumerate() {
            if i > 0 {
                f.out.push('.');
            }
            f.out.push_str(f.text(id.span));
        }
        if imp.wildcard {
            f.out.push_str(".*");
        }
        f.out.push(';');
        f.item_end(imp.span);
        prev_end = Some(imp.span.end);
    }
    for &s in &p.items {
        let span = p.stmt(s).span;
        f.item_start(span, prev_end, 0);
        f.stmt(s, 0);
        f.item_end(span);
        prev_end = Some(span.end);
    }
    f.comments_before(u32::MAX, 0);
    Ok(f.out)
}

struct Formatter<'a> {
    src: &'a str,
    p: &'a Program,
    out: String,
    next_comment: usize,
    /// End of the last statement or comment written (for blank-line detection).
    last_end: u32,
}

impl<'a> Formatter<'a> {
    fn text(&self, span: Span) -> &'a str {
        self.src.get(span.range()).unwrap_or("")
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    /// Puts the comments that start before `pos` on their own lines.
    fn comments_before(&mut self, pos: u32, depth: usize) {
        while let Some(c) = self.p.comments.get(self.next_comment) {
            if c.span.start >= pos {
                break;
            }
            self.next_comment += 1;
            self.last_end = c.span.end;
            self.indent(depth);
            self.out.push_str(self.text(c.span).trim_end());
            self.out.push('\n');
        }
    }

    /// Starts a line for a block item: earlier comments, a kept blank line, indentation.
    fn item_start(&mut self, span: Span, prev_end: Option<u32>, depth: usize) {
        if prev_end.is_some() {
            let upto = match self.p.comments.get(self.next_comment) {
                Some(c) if c.span.start < span.start => c.span.start,
                _ => span.start,
            };
            let gap = self
                .src
                .get(self.last_end as usize..upto as usize)
                .unwrap_or("");
            if has_blank_line(gap) {
                self.out.push('\n');
            }
        }
        self.comments_before(span.start, depth);
        self.indent(depth);
    }

    /// Ends a block item's line, keeping comments that follow it on the same line.
    fn item_end(&mut self, span: Span) {
        let mut end = span.end as usize;
        while let Some(c) = self.p.comments.get(self.next_comment) {
            let gap = self.src.get(end..c.span.start as usize).unwrap_or("\n");
            if c.span.start < span.end || !gap.bytes().all(|b| b == b' ' || b == b'\t' || b == 0x0C)
            {
                break;
            }
            self.next_comment += 1;
            self.out.push(' ');
            self.out.push_str(self.text(c.span).trim_end());
            end = c.span.end as usize;
        }
        self.last_end = end as u32;
        self.out.push('\n');
    }

    /// A statement whose first line is already indented; ends without a newline.
    fn stmt(&mut self, id: StmtId, depth: usize) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(id, depth));
    }

    fn stmt_inner(&mut self, id: StmtId, depth: usize) {
        let p = self.p;
        let s = p.stmt(id);
        match &s.kind {
            StmtKind::Decl(d) => {
                self.decl(d);
                self.out.push(';');
            }
            StmtKind::Block(items) => self.block(items, s.span, depth),
            StmtKind::Expr(e) => {
                self.expr(*e);
                self.out.push(';');
            }
            StmtKind::If { cond, then, els } => {
                self.out.push_str("if (");
                self.expr(*cond);
                self.out.push(')');
                let braced = self.body(*then, depth);
                if let Some(e) = els {
                    if braced {
                        self.out.push_str(" else");
                    } else {
                        self.out.push('\n');
                        self.indent(depth);
                        self.out.push_str("else");
                    }
                    if matches!(p.stmt(*e).kind, StmtKind::If { .. }) {
                        self.out.push(' ');
                        self.stmt(*e, depth);
                    } else {
                        self.body(*e, depth);
                    }
                }
            }
            StmtKind::While { cond, body } => {
                self.out.push_str("while (");
                self.expr(*cond);
                self.out.push(')');
                self.body(*body, depth);
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
            } => {
                self.out.push_str("for (");
                match init {
                    Some(ForInit::Decl(d)) => self.decl(d),
                    Some(ForInit::Expr(e)) => self.expr(*e),
                    None => {}
                }
                self.out.push(';');
                for part in [cond, update] {
                    if let Some(e) = part {
                        self.out.push(' ');
                        self.expr(*e);
                    }
                    self.out.push(';');
                }
                self.out.pop();
                self.out.push(')');
                self.body(*body, depth);
            }
            StmtKind::Break => self.out.push_str("break;"),
            StmtKind::Continue => self.out.push_str("continue;"),
            StmtKind::Return(e) => {
                self.out.push_str("return ");
                self.expr(*e);
                self.out.push(';');
            }
            StmtKind::Throw(e) => {
                self.out.push_str("throw ");
                self.expr(*e);
                self.out.push(';');
            }
            StmtKind::Error => self.out.push_str(self.text(s.span)),
        }
    }

    /// The body of `if`/`else`/`while`/`for`: a block on the same line, anything else
    /// on its own line one level deeper. Returns whether it was a block.
    fn body(&mut self, id: StmtId, depth: usize) -> bool {
        let s = self.p.stmt(id);
        if let StmtKind::Block(items) = &s.kind {
            self.out.push(' ');
            self.block(items, s.span, depth);
            true
        } else {
            self.out.push('\n');
            self.comments_before(s.span.start, depth + 1);
            self.indent(depth + 1);
            self.stmt(id, depth + 1);
            false
        }
    }

    fn block(&mut self, items: &[StmtId], span: Span, depth: usize) {
        let has_comments = self
            .p
            .comments
            .get(self.next_comment)
            .is_some_and(|c| c.span.start < span.end);
        if items.is_empty() && !has_comments {
            self.out.push_str("{}");
            return;
        }
        self.out.push_str("{\n");
        let mut prev_end = None;
        for &s in items {
            let sp = self.p.stmt(s).span;
            self.item_start(sp, prev_end, depth + 1);
            self.stmt(s, depth + 1);
            self.item_end(sp);
            prev_end = Some(sp.end);
        }
        self.comments_before(span.end, depth + 1);
        self.indent(depth);
        self.out.push('}');
    }

    fn decl(&mut self, d: &Decl) {
        self.type_name(&d.ty.name);
        if d.ty.array {
            self.out.push_str("[]");
        }
        for (i, v) in d.declarators.iter().enumerate() {
            self.out.push_str(if i == 0 { " " } else { ", " });
            self.out.push_str(self.text(v.name.span));
            if let Some(e) = v.init {
                self.out.push_str(" = ");
                self.expr(e);
            }
        }
    }

    fn type_name(&mut self, t: &TypeName) {
        match t {
            TypeName::Primitive(p) => self.out.push_str(p.keyword()),
            TypeName::Class(i) => self.out.push_str(self.text(i.span)),
        }
    }

    fn list(&mut self, items: &[ExprId]) {
        for (i, &e) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(e);
        }
    }

    fn expr(&mut self, id: ExprId) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(id));
    }

    fn expr_inner(&mut self, id: ExprId) {
        let p = self.p;
        let e = p.expr(id);
        match &e.kind {
            ExprKind::Literal(_) | ExprKind::Name(_) | ExprKind::Error => {
                self.out.push_str(self.text(e.span))
            }
            ExprKind::Paren(inner) => {
                self.out.push('(');
                self.expr(*inner);
                self.out.push(')');
            }
            ExprKind::Assign {
                target,
                index,
                op,
                value,
            } => {
                self.out.push_str(self.text(target.span));
                if let Some(i) = index {
                    self.out.push('[');
                    self.expr(*i);
                    self.out.push(']');
                }
                self.out.push(' ');
                self.out.push_str(op.symbol());
                self.out.push(' ');
                self.expr(*value);
            }
            ExprKind::Ternary { cond, then, els } => {
                self.expr(*cond);
                self.out.push_str(" ? ");
                self.expr(*then);
                self.out.push_str(" : ");
                self.expr(*els);
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.expr(*lhs);
                self.out.push(' ');
                self.out.push_str(op.symbol());
                self.out.push(' ');
                self.expr(*rhs);
            }
            ExprKind::Unary { op, operand } => {
                let sym = op.symbol();
                self.out.push_str(sym);
                // `- -x` must not become the `--` token.
                if let ExprKind::Unary { op: inner, .. } = p.expr(*operand).kind {
                    if inner.symbol() == sym && sym != "!" {
                        self.out.push(' ');
                    }
                }
                self.expr(*operand);
            }
            ExprKind::Field { recv, name } => {
                self.receiver(*recv);
                self.out.push('.');
                self.out.push_str(self.text(name.span));
            }
            ExprKind::Call { recv, name, args } => {
                self.receiver(*recv);
                self.out.push('.');
                self.out.push_str(self.text(name.span));
                self.out.push('(');
                self.list(args);
                self.out.push(')');
            }
            ExprKind::Index { recv, index } => {
                self.expr(*recv);
                self.out.push('[');
                self.expr(*index);
                self.out.push(']');
            }
            ExprKind::NewArray { ty, len } => {
                self.out.push_str("new ");
                self.type_name(ty);
                self.out.push('[');
                self.expr(*len);
                self.out.push(']');
            }
            ExprKind::NewArrayInit { ty, elems } => {
                self.out.push_str("new ");
                self.type_name(ty);
                self.out.push_str("[]{");
                self.list(elems);
                self.out.push('}');
            }
            ExprKind::New { class, args } => {
                self.out.push_str("new ");
                self.out.push_str(self.text(class.span));
                self.out.push('(');
                self.list(args);
                self.out.push(')');
            }
        }
    }

    /// The receiver of `.name`: an integer literal needs a space, or `5.x` would lex
    /// as the float `5.` followed by `x`.
    fn receiver(&mut self, recv: ExprId) {
        self.expr(recv);
        if let ExprKind::Literal(Literal::Int(_)) = self.p.expr(recv).kind {
            if self.out.ends_with(|c: char| c.is_ascii_digit()) {
                self.out.push(' ');
            }
        }
    }
}

/// Whether `gap` holds at least two line ends (CR LF counting as one).
fn has_blank_line(gap: &str) -> bool {
    let ends = gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count();
    ends >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout() {
        let src = "import  a.b.*;x=1+2*3;if(x>1){y=-(-x);}else if(x<0)y=2;else{z=3;}\n\n\
                   for(int i=0,j;i<3;i+=1)s+=i;for(;;){break;}while(true)continue;\
                   int[] a=new int[]{1,2,};return 5 .toString()+a[0]+'s'.length()+new Foo(1,2);";
        assert_eq!(
            format(src).unwrap(),
            "import a.b.*;\n\
             x = 1 + 2 * 3;\n\
             if (x > 1) {\n    y = -(-x);\n} else if (x < 0)\n    y = 2;\nelse {\n    z = 3;\n}\n\
             \n\
             for (int i = 0, j; i < 3; i += 1)\n    s += i;\n\
             for (;;) {\n    break;\n}\n\
             while (true)\n    continue;\n\
             int[] a = new int[]{1, 2};\n\
             return 5 .toString() + a[0] + 's'.length() + new Foo(1, 2);\n"
        );
    }

    #[test]
    fn comments_are_kept() {
        let src = "// head\nx = 1; // trailing\n/* before y */ y = 2 /* inside */;\n{ /* empty */ }\n// tail";
        let out = format(src).unwrap();
        assert_eq!(
            out,
            "// head\nx = 1; // trailing\n/* before y */\ny = 2;\n/* inside */\n{\n    /* empty */\n}\n// tail\n"
        );
        assert_eq!(format(&out).unwrap(), out);
    }
}
