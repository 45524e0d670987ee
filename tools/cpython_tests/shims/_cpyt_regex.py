"""A small backtracking regular-expression matcher for the test shims.

pyrt has no `re` module yet, but `assertRaisesRegex`, `assertWarnsRegex` and
`assertRegex` need `re.search`. This module supports the subset CPython's test
files use in those assertions: literals, `.`, escapes (`\\d \\w \\s \\D \\W \\S`
and escaped punctuation), character classes with ranges and negation, groups
`(...)`, `(?:...)`, alternation `|`, the quantifiers `* + ? {m} {m,} {m,n}`
(greedy, and lazy with a trailing `?`), and the anchors `^ $ \\A \\Z \\b`.

The pattern is parsed into a tree of nodes; matching walks the tree with an
explicit continuation (a function receiving the next position) so that
backtracking into quantifiers and alternatives falls out of the recursion.
A construct outside the subset raises `Unsupported`, which the unittest shim
turns into a skipped test (never a pass).
"""


class Unsupported(Exception):
    pass


_DIGITS = "0123456789"


def _is_word(ch):
    return ch.isalnum() or ch == "_"


def _class_escape(ch):
    if ch == "d":
        return lambda c: c.isdigit()
    if ch == "D":
        return lambda c: not c.isdigit()
    if ch == "w":
        return _is_word
    if ch == "W":
        return lambda c: not _is_word(c)
    if ch == "s":
        return lambda c: c.isspace()
    if ch == "S":
        return lambda c: not c.isspace()
    return None


_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "0": "\0"}


class _Parser:
    def __init__(self, pattern):
        self.p = pattern
        self.i = 0

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def parse(self):
        node = self.alternation()
        if self.i != len(self.p):
            raise Unsupported("unbalanced parenthesis in %r" % self.p)
        return node

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        return ("alt", branches)

    def sequence(self):
        items = []
        while True:
            ch = self.peek()
            if ch is None or ch == "|" or ch == ")":
                return ("seq", items)
            atom = self.atom()
            items.append(self.quantified(atom))

    def quantified(self, atom):
        ch = self.peek()
        if ch == "*":
            lo, hi = 0, None
            self.i += 1
        elif ch == "+":
            lo, hi = 1, None
            self.i += 1
        elif ch == "?":
            lo, hi = 0, 1
            self.i += 1
        elif ch == "{" and self._is_counted_repeat():
            lo, hi = self._counted_repeat()
        else:
            return atom
        lazy = False
        if self.peek() == "?":
            lazy = True
            self.i += 1
        elif self.peek() == "+":
            raise Unsupported("possessive quantifier")
        return ("repeat", atom, lo, hi, lazy)

    def _is_counted_repeat(self):
        j = self.p.find("}", self.i)
        if j < 0:
            return False
        body = self.p[self.i + 1 : j]
        parts = body.split(",")
        if len(parts) > 2 or not parts[0].isdigit():
            return False
        return len(parts) == 1 or parts[1] == "" or parts[1].isdigit()

    def _counted_repeat(self):
        j = self.p.find("}", self.i)
        parts = self.p[self.i + 1 : j].split(",")
        self.i = j + 1
        lo = int(parts[0])
        if len(parts) == 1:
            return lo, lo
        return lo, (int(parts[1]) if parts[1] else None)

    def atom(self):
        ch = self.p[self.i]
        self.i += 1
        if ch == ".":
            return ("pred", lambda c: c != "\n")
        if ch == "^":
            return ("bol",)
        if ch == "$":
            return ("eol",)
        if ch == "(":
            if self.p.startswith("?:", self.i):
                self.i += 2
            elif self.peek() == "?":
                if self.p.startswith("?P<", self.i):
                    self.i = self.p.index(">", self.i) + 1
                else:
                    raise Unsupported("group extension in %r" % self.p)
            node = self.alternation()
            if self.peek() != ")":
                raise Unsupported("unbalanced parenthesis in %r" % self.p)
            self.i += 1
            return node
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape()
        if ch in "*+?":
            raise Unsupported("nothing to repeat")
        return ("lit", ch)

    def escape(self):
        if self.i >= len(self.p):
            raise Unsupported("trailing backslash")
        ch = self.p[self.i]
        self.i += 1
        pred = _class_escape(ch)
        if pred is not None:
            return ("pred", pred)
        if ch == "A":
            return ("bos",)
        if ch == "Z":
            return ("eos",)
        if ch == "b":
            return ("wordb",)
        if ch in _SIMPLE_ESCAPES:
            return ("lit", _SIMPLE_ESCAPES[ch])
        if ch.isalnum():
            raise Unsupported("escape \\%s" % ch)
        return ("lit", ch)

    def char_class(self):
        negate = False
        if self.peek() == "^":
            negate = True
            self.i += 1
        preds = []
        first = True
        while True:
            if self.i >= len(self.p):
                raise Unsupported("unterminated character set")
            ch = self.p[self.i]
            self.i += 1
            if ch == "]" and not first:
                break
            first = False
            if ch == "\\":
                esc = self.p[self.i]
                self.i += 1
                pred = _class_escape(esc)
                if pred is not None:
                    preds.append(pred)
                    continue
                ch = _SIMPLE_ESCAPES.get(esc, esc)
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                hi = self.p[self.i + 1]
                self.i += 2
                if hi == "\\":
                    hi = self.p[self.i]
                    self.i += 1
                preds.append(lambda c, lo=ch, hi=hi: lo <= c <= hi)
            else:
                preds.append(lambda c, lit=ch: c == lit)

        def member(c):
            for pred in preds:
                if pred(c):
                    return not negate
            return negate

        return ("pred", member)


def _match(node, s, pos, cont):
    kind = node[0]
    if kind == "lit":
        if s.startswith(node[1], pos):
            return cont(pos + len(node[1]))
        return None
    if kind == "pred":
        if pos < len(s) and node[1](s[pos]):
            return cont(pos + 1)
        return None
    if kind == "seq":
        return _match_seq(node[1], 0, s, pos, cont)
    if kind == "alt":
        for branch in node[1]:
            end = _match(branch, s, pos, cont)
            if end is not None:
                return end
        return None
    if kind == "repeat":
        return _match_repeat(node, 0, s, pos, cont)
    if kind == "bol" or kind == "bos":
        return cont(pos) if pos == 0 else None
    if kind == "eol":
        if pos == len(s) or (pos == len(s) - 1 and s[pos] == "\n"):
            return cont(pos)
        return None
    if kind == "eos":
        return cont(pos) if pos == len(s) else None
    if kind == "wordb":
        before = pos > 0 and _is_word(s[pos - 1])
        after = pos < len(s) and _is_word(s[pos])
        return cont(pos) if before != after else None
    raise Unsupported(kind)


def _match_seq(items, k, s, pos, cont):
    if k == len(items):
        return cont(pos)
    return _match(items[k], s, pos, lambda p: _match_seq(items, k + 1, s, p, cont))


def _match_repeat(node, count, s, pos, cont):
    _, atom, lo, hi, lazy = node

    def more(p):
        if p == pos and count >= lo:
            return None  # an empty iteration cannot make progress
        return _match_repeat(node, count + 1, s, p, cont)

    if count < lo:
        return _match(atom, s, pos, more)
    can_more = hi is None or count < hi
    if lazy:
        end = cont(pos)
        if end is None and can_more:
            end = _match(atom, s, pos, more)
        return end
    if can_more:
        end = _match(atom, s, pos, more)
        if end is not None:
            return end
    return cont(pos)


def search(pattern, text):
    """Return True when `pattern` matches somewhere in `text` (re.search semantics)."""
    tree = _Parser(pattern).parse()
    for start in range(len(text) + 1):
        if _match(tree, text, start, lambda p: p) is not None:
            return True
    return False
