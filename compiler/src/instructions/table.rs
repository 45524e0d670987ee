//! The instruction table: one entry per CPython 3.13 instruction (see the parent module).

use super::{OpFlags, given_or, instruction_table, saturate};

instruction_table! {
    oparg;
    /// Inline cache entry: never executed; the unit reserved after an instruction for its specialisation data.
    CACHE = 0 { cache: 0, pop: 0, push: 0, flags: [] },
    /// Looks up `__aenter__`/`__aexit__`, pushes the bound `__aexit__` and the awaitable from `__aenter__()`.
    BEFORE_ASYNC_WITH = 1 { cache: 0, pop: 1, push: 2, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// Looks up `__enter__`/`__exit__`, pushes the bound `__exit__` and the result of `__enter__()`.
    BEFORE_WITH = 2 { cache: 0, pop: 1, push: 2, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// Specialised BINARY_OP: inplace add unicode.
    BINARY_OP_INPLACE_ADD_UNICODE = 3 { cache: 1, pop: 2, push: 0, flags: [LOCAL, DEOPT, SIDE_EXIT, ERROR, ESCAPES], family: BINARY_OP },
    /// `STACK[-3][STACK[-2]:STACK[-1]]`.
    BINARY_SLICE = 4 { cache: 0, pop: 3, push: 1, flags: [ERROR, ESCAPES] },
    /// `STACK[-2][STACK[-1]]`.
    BINARY_SUBSCR = 5 { cache: 1, pop: 2, push: 1, flags: [ERROR, ESCAPES] },
    /// `except*` matching: splits the exception group against the type on top.
    CHECK_EG_MATCH = 6 { cache: 0, pop: 2, push: 2, flags: [ERROR, ESCAPES] },
    /// Pushes whether the exception `STACK[-2]` matches the type `STACK[-1]`.
    CHECK_EXC_MATCH = 7 { cache: 0, pop: 2, push: 2, flags: [ERROR, ESCAPES] },
    /// Handles an exception raised by `throw()`/`close()` in a `yield from`/`await` (StopIteration gives the value).
    CLEANUP_THROW = 8 { cache: 0, pop: 3, push: 2, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// `del STACK[-2][STACK[-1]]`.
    DELETE_SUBSCR = 9 { cache: 0, pop: 2, push: 0, flags: [ERROR, ESCAPES] },
    /// Terminates an `async for` loop on StopAsyncIteration, re-raises anything else.
    END_ASYNC_FOR = 10 { cache: 0, pop: 2, push: 0, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// Pops the exhausted iteration value at the end of a `for` loop.
    END_FOR = 11 { cache: 0, pop: 1, push: 0, flags: [PURE] },
    /// Removes the receiver under the value after a `SEND` loop.
    END_SEND = 12 { cache: 0, pop: 2, push: 1, flags: [PURE] },
    /// Checks that `__init__` returned None (after CALL_ALLOC_AND_ENTER_INIT).
    EXIT_INIT_CHECK = 13 { cache: 0, pop: 1, push: 0, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// `format(STACK[-1])` for an f-string replacement field without a spec.
    FORMAT_SIMPLE = 14 { cache: 0, pop: 1, push: 1, flags: [ERROR, ESCAPES] },
    /// `format(STACK[-2], STACK[-1])` for an f-string replacement field with a spec.
    FORMAT_WITH_SPEC = 15 { cache: 0, pop: 2, push: 1, flags: [ERROR, ESCAPES] },
    /// `STACK[-1].__aiter__()`.
    GET_AITER = 16 { cache: 0, pop: 1, push: 1, flags: [ERROR, ESCAPES] },
    /// Reserved opcode slot: never emitted.
    RESERVED = 17 { cache: 0, pop: 0, push: 0, flags: [] },
    /// Pushes the awaitable from `STACK[-1].__anext__()`.
    GET_ANEXT = 18 { cache: 0, pop: 1, push: 2, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// `iter(STACK[-1])`.
    GET_ITER = 19 { cache: 0, pop: 1, push: 1, flags: [ERROR, ESCAPES] },
    /// Pushes `len(STACK[-1])` (match statements).
    GET_LEN = 20 { cache: 0, pop: 1, push: 2, flags: [ERROR, ESCAPES] },
    /// The iterator for `yield from` (coroutines pass through in coroutine-flagged generators).
    GET_YIELD_FROM_ITER = 21 { cache: 0, pop: 1, push: 1, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// Returns from the interpreter loop (end of an entry frame).
    INTERPRETER_EXIT = 22 { cache: 0, pop: 1, push: 0, flags: [ESCAPES, SCOPE_EXIT] },
    /// Pushes `AssertionError`.
    LOAD_ASSERTION_ERROR = 23 { cache: 0, pop: 0, push: 1, flags: [] },
    /// Pushes `builtins.__build_class__`.
    LOAD_BUILD_CLASS = 24 { cache: 0, pop: 0, push: 1, flags: [ERROR, ESCAPES] },
    /// Pushes the locals mapping.
    LOAD_LOCALS = 25 { cache: 0, pop: 0, push: 1, flags: [ERROR, ESCAPES] },
    /// Makes a function from the code object on top.
    MAKE_FUNCTION = 26 { cache: 0, pop: 1, push: 1, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// Mapping pattern: pushes a tuple of the values for the keys, or None.
    MATCH_KEYS = 27 { cache: 0, pop: 2, push: 3, flags: [ERROR, ESCAPES] },
    /// Pushes whether `STACK[-1]` is a mapping (Py_TPFLAGS_MAPPING).
    MATCH_MAPPING = 28 { cache: 0, pop: 1, push: 2, flags: [] },
    /// Pushes whether `STACK[-1]` is a sequence (Py_TPFLAGS_SEQUENCE).
    MATCH_SEQUENCE = 29 { cache: 0, pop: 1, push: 2, flags: [] },
    /// Does nothing (keeps a line number or a jump target).
    NOP = 30 { cache: 0, pop: 0, push: 0, flags: [PURE] },
    /// Restores the previous exception state from the stack.
    POP_EXCEPT = 31 { cache: 0, pop: 1, push: 0, flags: [ESCAPES] },
    /// Pops the top of the stack.
    POP_TOP = 32 { cache: 0, pop: 1, push: 0, flags: [PURE] },
    /// Pushes the current exception state under the new exception and makes the new one current.
    PUSH_EXC_INFO = 33 { cache: 0, pop: 1, push: 2, flags: [] },
    /// Pushes NULL (the empty slot before a callable).
    PUSH_NULL = 34 { cache: 0, pop: 0, push: 1, flags: [PURE] },
    /// Creates a generator, coroutine or async generator from the current frame and returns it.
    RETURN_GENERATOR = 35 { cache: 0, pop: 0, push: 1, flags: [ERROR, ERROR_NO_POP, ESCAPES] },
    /// Returns `STACK[-1]` to the caller.
    RETURN_VALUE = 36 { cache: 0, pop: 1, push: 0, flags: [SCOPE_EXIT] },
    /// Creates `__annotations__` in the locals if absent.
    SETUP_ANNOTATIONS = 37 { cache: 0, pop: 0, push: 0, flags: [ERROR, ESCAPES] },
    /// `STACK[-3][STACK[-2]:STACK[-1]] = STACK[-4]`.
    STORE_SLICE = 38 { cache: 0, pop: 4, push: 0, flags: [ERROR, ESCAPES] },
    /// `STACK[-2][STACK[-1]] = STACK[-3]`.
    STORE_SUBSCR = 39 { cache: 1, pop: 3, push: 0, flags: [ERROR, ESCAPES] },
    /// `bool(STACK[-1])`.
    TO_BOOL = 40 { cache: 3, pop: 1, push: 1, flags: [ERROR, ESCAPES] },
    /// `~STACK[-1]`.
    UNARY_INVERT = 41 { cache: 0, pop: 1, push: 1, flags: [ERROR, ESCAPES] },
    /// `-STACK[-1]`.
    UNARY_NEGATIVE = 42 { cache: 0, pop: 1, push: 1, flags: [ERROR, ESCAPES] },
    /// `not STACK[-1]` (the operand is already a bool).
    UNARY_NOT = 43 { cache: 0, pop: 1, push: 1, flags: [PURE] },
    /// Calls `__exit__(type, value, traceback)` of a with-statement while handling an exception.
    WITH_EXCEPT_START = 44 { cache: 0, pop: 4, push: 5, flags: [ERROR, ESCAPES] },
    /// Binary or in-place operator; oparg indexes the `NB_*` operator table.
    BINARY_OP = 45 { cache: 1, pop: 2, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// Builds a dict of `oparg` values with the keys from the constant tuple on top.
    BUILD_CONST_KEY_MAP = 46 { cache: 0, pop: 1 + oparg, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// Builds a list of the top `oparg` items.
    BUILD_LIST = 47 { cache: 0, pop: oparg, push: 1, flags: [ARG, ERROR] },
    /// Builds a dict from the top `oparg` key/value pairs.
    BUILD_MAP = 48 { cache: 0, pop: oparg * 2, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// Builds a set of the top `oparg` items.
    BUILD_SET = 49 { cache: 0, pop: oparg, push: 1, flags: [ARG, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Builds a slice of 2 or 3 (oparg) items.
    BUILD_SLICE = 50 { cache: 0, pop: 2 + (if oparg == 3 { 1 } else { 0 }), push: 1, flags: [ARG, ERROR] },
    /// Concatenates the top `oparg` strings.
    BUILD_STRING = 51 { cache: 0, pop: oparg, push: 1, flags: [ARG, ERROR] },
    /// Builds a tuple of the top `oparg` items.
    BUILD_TUPLE = 52 { cache: 0, pop: oparg, push: 1, flags: [ARG, ERROR] },
    /// Calls a callable with `oparg` positional arguments (callable, self-or-NULL, args).
    CALL = 53 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Calls with an argument tuple and (oparg & 1) a keyword dict.
    CALL_FUNCTION_EX = 54 { cache: 0, pop: 3 + (oparg & 1), push: 1, flags: [ARG, EVAL_BREAK, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Calls the one-argument intrinsic function `oparg`.
    CALL_INTRINSIC_1 = 55 { cache: 0, pop: 1, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// Calls the two-argument intrinsic function `oparg`.
    CALL_INTRINSIC_2 = 56 { cache: 0, pop: 2, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// Calls with `oparg` arguments, the last ones named by the tuple on top.
    CALL_KW = 57 { cache: 0, pop: 3 + oparg, push: 1, flags: [ARG, EVAL_BREAK, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Rich comparison; `oparg >> 5` is the operator, bit 4 asks for a bool result.
    COMPARE_OP = 58 { cache: 1, pop: 2, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// `in` (oparg 0) or `not in` (oparg 1).
    CONTAINS_OP = 59 { cache: 1, pop: 2, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// f-string conversion: `str` (1), `repr` (2) or `ascii` (3).
    CONVERT_VALUE = 60 { cache: 0, pop: 1, push: 1, flags: [ARG, ERROR] },
    /// Pushes a copy of the `oparg`-th item from the top (1-based).
    COPY = 61 { cache: 0, pop: 1 + (oparg - 1), push: 2 + (oparg - 1), flags: [ARG, PURE] },
    /// Copies `oparg` free variables from the closure into the frame.
    COPY_FREE_VARS = 62 { cache: 0, pop: 0, push: 0, flags: [ARG] },
    /// `del STACK[-1].co_names[oparg]`.
    DELETE_ATTR = 63 { cache: 0, pop: 1, push: 0, flags: [ARG, NAME, ERROR, ESCAPES] },
    /// Empties the cell in slot `oparg`.
    DELETE_DEREF = 64 { cache: 0, pop: 0, push: 0, flags: [ARG, FREE, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Deletes the local variable in slot `oparg`.
    DELETE_FAST = 65 { cache: 0, pop: 0, push: 0, flags: [ARG, LOCAL, ERROR, ESCAPES] },
    /// Deletes the global `co_names[oparg]`.
    DELETE_GLOBAL = 66 { cache: 0, pop: 0, push: 0, flags: [ARG, NAME, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Deletes the name `co_names[oparg]` from the locals.
    DELETE_NAME = 67 { cache: 0, pop: 0, push: 0, flags: [ARG, NAME, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Merges the mapping on top into the dict `oparg` down, rejecting duplicate keys (calls).
    DICT_MERGE = 68 { cache: 0, pop: 5 + (oparg - 1), push: 4 + (oparg - 1), flags: [ARG, ERROR, ESCAPES] },
    /// Updates the dict `oparg` down with the mapping on top.
    DICT_UPDATE = 69 { cache: 0, pop: 2 + (oparg - 1), push: 1 + (oparg - 1), flags: [ARG, ERROR, ESCAPES] },
    /// Enters the tier-2 executor `oparg` (placed by the optimizer).
    ENTER_EXECUTOR = 70 { cache: 0, pop: 0, push: 0, flags: [ARG] },
    /// Prefixes the next instruction's oparg with 8 more high bits.
    EXTENDED_ARG = 71 { cache: 0, pop: 0, push: 0, flags: [ARG] },
    /// Pushes `next(STACK[-1])`; on exhaustion jumps forward by `oparg` past the END_FOR.
    FOR_ITER = 72 { cache: 1, pop: 1, push: 2, flags: [ARG, JUMP, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Pushes the awaitable for `STACK[-1]`; oparg says where the await is, for error messages.
    GET_AWAITABLE = 73 { cache: 0, pop: 1, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// Loads the attribute `co_names[oparg]` of the module on top (`from m import x`).
    IMPORT_FROM = 74 { cache: 0, pop: 1, push: 2, flags: [ARG, NAME, ERROR, ESCAPES] },
    /// Imports the module `co_names[oparg]` with the level and fromlist on the stack.
    IMPORT_NAME = 75 { cache: 0, pop: 2, push: 1, flags: [ARG, NAME, ERROR, ESCAPES] },
    /// `is` (oparg 0) or `is not` (oparg 1).
    IS_OP = 76 { cache: 0, pop: 2, push: 1, flags: [ARG] },
    /// Jumps backward by `oparg` code units; checks the eval breaker.
    JUMP_BACKWARD = 77 { cache: 1, pop: 0, push: 0, flags: [ARG, JUMP, EVAL_BREAK, ERROR, ESCAPES, UNCONDITIONAL_JUMP, BACKWARD] },
    /// Jumps backward by `oparg` code units without checking the eval breaker.
    JUMP_BACKWARD_NO_INTERRUPT = 78 { cache: 0, pop: 0, push: 0, flags: [ARG, JUMP, UNCONDITIONAL_JUMP, BACKWARD] },
    /// Jumps forward by `oparg` code units.
    JUMP_FORWARD = 79 { cache: 0, pop: 0, push: 0, flags: [ARG, JUMP, UNCONDITIONAL_JUMP] },
    /// Appends `STACK[-1]` to the list `oparg` down (comprehensions).
    LIST_APPEND = 80 { cache: 0, pop: 2 + (oparg - 1), push: 1 + (oparg - 1), flags: [ARG, ERROR] },
    /// Extends the list `oparg` down with the iterable on top.
    LIST_EXTEND = 81 { cache: 0, pop: 2 + (oparg - 1), push: 1 + (oparg - 1), flags: [ARG, ERROR, ESCAPES] },
    /// Loads the attribute `co_names[oparg >> 1]`; with oparg & 1, a method with self or NULL.
    LOAD_ATTR = 82 { cache: 9, pop: 1, push: 1 + (oparg & 1), flags: [ARG, NAME, ERROR, ESCAPES] },
    /// Pushes `co_consts[oparg]`.
    LOAD_CONST = 83 { cache: 0, pop: 0, push: 1, flags: [ARG, CONST, PURE] },
    /// Pushes the content of the cell in slot `oparg`.
    LOAD_DEREF = 84 { cache: 0, pop: 0, push: 1, flags: [ARG, FREE, ERROR, ESCAPES] },
    /// Pushes the local variable in slot `oparg` (known bound).
    LOAD_FAST = 85 { cache: 0, pop: 0, push: 1, flags: [ARG, LOCAL, PURE] },
    /// Pushes the local in slot `oparg` (or NULL) and clears the slot (inlined comprehensions).
    LOAD_FAST_AND_CLEAR = 86 { cache: 0, pop: 0, push: 1, flags: [ARG, LOCAL] },
    /// Pushes the local in slot `oparg`, raising UnboundLocalError if unbound.
    LOAD_FAST_CHECK = 87 { cache: 0, pop: 0, push: 1, flags: [ARG, LOCAL, ERROR, ESCAPES] },
    /// Pushes the locals in slots `oparg >> 4` and `oparg & 15`.
    LOAD_FAST_LOAD_FAST = 88 { cache: 0, pop: 0, push: 2, flags: [ARG, LOCAL] },
    /// Loads `co_localsplus_names[oparg]` from the mapping on top, else from the cell (class bodies).
    LOAD_FROM_DICT_OR_DEREF = 89 { cache: 0, pop: 1, push: 1, flags: [ARG, FREE, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Loads `co_names[oparg]` from the mapping on top, else globals, else builtins.
    LOAD_FROM_DICT_OR_GLOBALS = 90 { cache: 0, pop: 1, push: 1, flags: [ARG, NAME, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Loads the global `co_names[oparg >> 1]`; with oparg & 1 also pushes NULL.
    LOAD_GLOBAL = 91 { cache: 4, pop: 0, push: 1 + (oparg & 1), flags: [ARG, NAME, ERROR, ESCAPES] },
    /// Loads `co_names[oparg]` from locals, globals, then builtins.
    LOAD_NAME = 92 { cache: 0, pop: 0, push: 1, flags: [ARG, NAME, ERROR, ERROR_NO_POP, ESCAPES] },
    /// `super(cls, self).co_names[oparg >> 2]`; bit 0 loads a method, bit 1 means two-argument form.
    LOAD_SUPER_ATTR = 93 { cache: 1, pop: 3, push: 1 + (oparg & 1), flags: [ARG, NAME, ERROR, ESCAPES] },
    /// Wraps the local in slot `oparg` in a new cell.
    MAKE_CELL = 94 { cache: 0, pop: 0, push: 0, flags: [ARG, FREE, ERROR, ERROR_NO_POP] },
    /// Adds the key/value on top to the dict `oparg` down (dict comprehensions).
    MAP_ADD = 95 { cache: 0, pop: 3 + (oparg - 1), push: 1 + (oparg - 1), flags: [ARG, ERROR, ESCAPES] },
    /// Class pattern with `oparg` positional sub-patterns: pushes a tuple of attributes or None.
    MATCH_CLASS = 96 { cache: 0, pop: 3, push: 1, flags: [ARG, ERROR, ESCAPES] },
    /// Pops the bool on top; jumps forward by `oparg` if it is False.
    POP_JUMP_IF_FALSE = 97 { cache: 1, pop: 1, push: 0, flags: [ARG, JUMP] },
    /// Pops the top; jumps forward by `oparg` if it is None.
    POP_JUMP_IF_NONE = 98 { cache: 1, pop: 1, push: 0, flags: [ARG, JUMP] },
    /// Pops the top; jumps forward by `oparg` if it is not None.
    POP_JUMP_IF_NOT_NONE = 99 { cache: 1, pop: 1, push: 0, flags: [ARG, JUMP] },
    /// Pops the bool on top; jumps forward by `oparg` if it is True.
    POP_JUMP_IF_TRUE = 100 { cache: 1, pop: 1, push: 0, flags: [ARG, JUMP] },
    /// Raises: re-raise (0), `raise exc` (1) or `raise exc from cause` (2).
    RAISE_VARARGS = 101 { cache: 0, pop: oparg, push: 0, flags: [ARG, ERROR, ERROR_NO_POP, ESCAPES, SCOPE_EXIT] },
    /// Re-raises the exception on top; with oparg, restores `f_lasti` from the stack first.
    RERAISE = 102 { cache: 0, pop: 1 + oparg, push: oparg, flags: [ARG, ERROR, ERROR_NO_POP, ESCAPES, SCOPE_EXIT] },
    /// Returns `co_consts[oparg]` to the caller.
    RETURN_CONST = 103 { cache: 0, pop: 0, push: 0, flags: [ARG, CONST, SCOPE_EXIT] },
    /// Sends `STACK[-1]` into the sub-iterator; when it returns, jumps forward by `oparg`.
    SEND = 104 { cache: 1, pop: 2, push: 2, flags: [ARG, JUMP, ERROR, ERROR_NO_POP, ESCAPES] },
    /// Adds `STACK[-1]` to the set `oparg` down (set comprehensions).
    SET_ADD = 105 { cache: 0, pop: 2 + (oparg - 1), push: 1 + (oparg - 1), flags: [ARG, ERROR, ESCAPES] },
    /// Sets a function attribute (defaults, kwdefaults, annotations, closure) chosen by `oparg`.
    SET_FUNCTION_ATTRIBUTE = 106 { cache: 0, pop: 2, push: 1, flags: [ARG, ESCAPES] },
    /// Updates the set `oparg` down with the iterable on top.
    SET_UPDATE = 107 { cache: 0, pop: 2 + (oparg - 1), push: 1 + (oparg - 1), flags: [ARG, ERROR, ESCAPES] },
    /// `STACK[-1].co_names[oparg] = STACK[-2]`.
    STORE_ATTR = 108 { cache: 4, pop: 2, push: 0, flags: [ARG, NAME, ERROR, ESCAPES] },
    /// Stores `STACK[-1]` into the cell in slot `oparg`.
    STORE_DEREF = 109 { cache: 0, pop: 1, push: 0, flags: [ARG, FREE, ESCAPES] },
    /// Stores `STACK[-1]` into the local in slot `oparg`.
    STORE_FAST = 110 { cache: 0, pop: 1, push: 0, flags: [ARG, LOCAL] },
    /// Stores into slot `oparg >> 4`, then pushes the local in slot `oparg & 15`.
    STORE_FAST_LOAD_FAST = 111 { cache: 0, pop: 1, push: 1, flags: [ARG, LOCAL] },
    /// Stores `STACK[-1]` into slot `oparg >> 4` and `STACK[-2]` into slot `oparg & 15`.
    STORE_FAST_STORE_FAST = 112 { cache: 0, pop: 2, push: 0, flags: [ARG, LOCAL] },
    /// Stores `STACK[-1]` into the global `co_names[oparg]`.
    STORE_GLOBAL = 113 { cache: 0, pop: 1, push: 0, flags: [ARG, NAME, ERROR, ESCAPES] },
    /// Stores `STACK[-1]` into the name `co_names[oparg]` in the locals.
    STORE_NAME = 114 { cache: 0, pop: 1, push: 0, flags: [ARG, NAME, ERROR, ESCAPES] },
    /// Swaps the top with the `oparg`-th item from the top (1-based).
    SWAP = 115 { cache: 0, pop: 2 + (oparg - 2), push: 2 + (oparg - 2), flags: [ARG, PURE] },
    /// Starred unpacking: `oparg & 0xFF` targets before the star, `oparg >> 8` after.
    UNPACK_EX = 116 { cache: 0, pop: 1, push: 1 + (oparg >> 8) + (oparg & 0xff), flags: [ARG, ERROR, ESCAPES] },
    /// Unpacks `STACK[-1]` into `oparg` items, pushed right to left.
    UNPACK_SEQUENCE = 117 { cache: 1, pop: 1, push: oparg, flags: [ARG, ERROR, ESCAPES] },
    /// Yields `STACK[-1]` from a generator; oparg is the exception-stack depth.
    YIELD_VALUE = 118 { cache: 0, pop: 1, push: 1, flags: [ARG, ESCAPES] },
    /// Start (oparg 0) or resume (1 after yield, 2 after yield from, 3 after await) of a frame; checks the eval breaker.
    RESUME = 149 { cache: 0, pop: 0, push: 0, flags: [ARG, EVAL_BREAK, ERROR, ESCAPES] },
    /// Specialised BINARY_OP: add float.
    BINARY_OP_ADD_FLOAT = 150 { cache: 1, pop: 2, push: 1, flags: [SIDE_EXIT], family: BINARY_OP },
    /// Specialised BINARY_OP: add int.
    BINARY_OP_ADD_INT = 151 { cache: 1, pop: 2, push: 1, flags: [SIDE_EXIT, ERROR], family: BINARY_OP },
    /// Specialised BINARY_OP: add unicode.
    BINARY_OP_ADD_UNICODE = 152 { cache: 1, pop: 2, push: 1, flags: [SIDE_EXIT, ERROR], family: BINARY_OP },
    /// Specialised BINARY_OP: multiply float.
    BINARY_OP_MULTIPLY_FLOAT = 153 { cache: 1, pop: 2, push: 1, flags: [SIDE_EXIT], family: BINARY_OP },
    /// Specialised BINARY_OP: multiply int.
    BINARY_OP_MULTIPLY_INT = 154 { cache: 1, pop: 2, push: 1, flags: [SIDE_EXIT, ERROR], family: BINARY_OP },
    /// Specialised BINARY_OP: subtract float.
    BINARY_OP_SUBTRACT_FLOAT = 155 { cache: 1, pop: 2, push: 1, flags: [SIDE_EXIT], family: BINARY_OP },
    /// Specialised BINARY_OP: subtract int.
    BINARY_OP_SUBTRACT_INT = 156 { cache: 1, pop: 2, push: 1, flags: [SIDE_EXIT, ERROR], family: BINARY_OP },
    /// Specialised BINARY_SUBSCR: dict.
    BINARY_SUBSCR_DICT = 157 { cache: 1, pop: 2, push: 1, flags: [DEOPT, ERROR, ESCAPES], family: BINARY_SUBSCR },
    /// Specialised BINARY_SUBSCR: getitem.
    BINARY_SUBSCR_GETITEM = 158 { cache: 1, pop: 2, push: 1, flags: [DEOPT, ESCAPES], family: BINARY_SUBSCR },
    /// Specialised BINARY_SUBSCR: list int.
    BINARY_SUBSCR_LIST_INT = 159 { cache: 1, pop: 2, push: 1, flags: [DEOPT], family: BINARY_SUBSCR },
    /// Specialised BINARY_SUBSCR: str int.
    BINARY_SUBSCR_STR_INT = 160 { cache: 1, pop: 2, push: 1, flags: [DEOPT], family: BINARY_SUBSCR },
    /// Specialised BINARY_SUBSCR: tuple int.
    BINARY_SUBSCR_TUPLE_INT = 161 { cache: 1, pop: 2, push: 1, flags: [DEOPT], family: BINARY_SUBSCR },
    /// Specialised CALL: alloc and enter init.
    CALL_ALLOC_AND_ENTER_INIT = 162 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, DEOPT, ERROR, ERROR_NO_POP, ESCAPES], family: CALL },
    /// Specialised CALL: bound method exact args.
    CALL_BOUND_METHOD_EXACT_ARGS = 163 { cache: 3, pop: 2 + oparg, push: 0, flags: [ARG, DEOPT, SIDE_EXIT], family: CALL },
    /// Specialised CALL: bound method general.
    CALL_BOUND_METHOD_GENERAL = 164 { cache: 3, pop: 2 + oparg, push: 0, flags: [ARG, DEOPT, SIDE_EXIT, ERROR, ERROR_NO_POP, ESCAPES], family: CALL },
    /// Specialised CALL: builtin class.
    CALL_BUILTIN_CLASS = 165 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: builtin fast.
    CALL_BUILTIN_FAST = 166 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: builtin fast with keywords.
    CALL_BUILTIN_FAST_WITH_KEYWORDS = 167 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: builtin o.
    CALL_BUILTIN_O = 168 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: isinstance.
    CALL_ISINSTANCE = 169 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, DEOPT, ERROR, ERROR_NO_POP, ESCAPES], family: CALL },
    /// Specialised CALL: len.
    CALL_LEN = 170 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, DEOPT, ERROR, ERROR_NO_POP, ESCAPES], family: CALL },
    /// Specialised CALL: list append.
    CALL_LIST_APPEND = 171 { cache: 3, pop: 3, push: 1, flags: [ARG, DEOPT, ERROR, ERROR_NO_POP], family: CALL },
    /// Specialised CALL: method descriptor fast.
    CALL_METHOD_DESCRIPTOR_FAST = 172 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: method descriptor fast with keywords.
    CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 173 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: method descriptor noargs.
    CALL_METHOD_DESCRIPTOR_NOARGS = 174 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: method descriptor o.
    CALL_METHOD_DESCRIPTOR_O = 175 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: non py general.
    CALL_NON_PY_GENERAL = 176 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, EVAL_BREAK, SIDE_EXIT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: py exact args.
    CALL_PY_EXACT_ARGS = 177 { cache: 3, pop: 2 + oparg, push: 0, flags: [ARG, DEOPT, SIDE_EXIT], family: CALL },
    /// Specialised CALL: py general.
    CALL_PY_GENERAL = 178 { cache: 3, pop: 2 + oparg, push: 0, flags: [ARG, DEOPT, SIDE_EXIT, ERROR, ERROR_NO_POP, ESCAPES], family: CALL },
    /// Specialised CALL: str 1.
    CALL_STR_1 = 179 { cache: 3, pop: 3, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: tuple 1.
    CALL_TUPLE_1 = 180 { cache: 3, pop: 3, push: 1, flags: [ARG, EVAL_BREAK, DEOPT, ERROR, ESCAPES], family: CALL },
    /// Specialised CALL: type 1.
    CALL_TYPE_1 = 181 { cache: 3, pop: 3, push: 1, flags: [ARG, DEOPT], family: CALL },
    /// Specialised COMPARE_OP: float.
    COMPARE_OP_FLOAT = 182 { cache: 1, pop: 2, push: 1, flags: [ARG, SIDE_EXIT], family: COMPARE_OP },
    /// Specialised COMPARE_OP: int.
    COMPARE_OP_INT = 183 { cache: 1, pop: 2, push: 1, flags: [ARG, DEOPT, SIDE_EXIT], family: COMPARE_OP },
    /// Specialised COMPARE_OP: str.
    COMPARE_OP_STR = 184 { cache: 1, pop: 2, push: 1, flags: [ARG, SIDE_EXIT], family: COMPARE_OP },
    /// Specialised CONTAINS_OP: dict.
    CONTAINS_OP_DICT = 185 { cache: 1, pop: 2, push: 1, flags: [ARG, DEOPT, ERROR, ESCAPES], family: CONTAINS_OP },
    /// Specialised CONTAINS_OP: set.
    CONTAINS_OP_SET = 186 { cache: 1, pop: 2, push: 1, flags: [ARG, DEOPT, ERROR, ESCAPES], family: CONTAINS_OP },
    /// Specialised FOR_ITER: gen.
    FOR_ITER_GEN = 187 { cache: 1, pop: 1, push: 1, flags: [ARG, DEOPT], family: FOR_ITER },
    /// Specialised FOR_ITER: list.
    FOR_ITER_LIST = 188 { cache: 1, pop: 1, push: 2, flags: [ARG, JUMP, SIDE_EXIT], family: FOR_ITER },
    /// Specialised FOR_ITER: range.
    FOR_ITER_RANGE = 189 { cache: 1, pop: 1, push: 2, flags: [ARG, JUMP, SIDE_EXIT, ERROR], family: FOR_ITER },
    /// Specialised FOR_ITER: tuple.
    FOR_ITER_TUPLE = 190 { cache: 1, pop: 1, push: 2, flags: [ARG, JUMP, SIDE_EXIT], family: FOR_ITER },
    /// Specialised LOAD_ATTR: class.
    LOAD_ATTR_CLASS = 191 { cache: 9, pop: 1, push: 1 + (oparg & 1), flags: [ARG, DEOPT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: getattribute overridden.
    LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN = 192 { cache: 9, pop: 1, push: 1, flags: [ARG, NAME, DEOPT, ESCAPES], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: instance value.
    LOAD_ATTR_INSTANCE_VALUE = 193 { cache: 9, pop: 1, push: 1 + (oparg & 1), flags: [ARG, DEOPT, SIDE_EXIT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: method lazy dict.
    LOAD_ATTR_METHOD_LAZY_DICT = 194 { cache: 9, pop: 1, push: 2, flags: [ARG, DEOPT, SIDE_EXIT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: method no dict.
    LOAD_ATTR_METHOD_NO_DICT = 195 { cache: 9, pop: 1, push: 2, flags: [ARG, SIDE_EXIT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: method with values.
    LOAD_ATTR_METHOD_WITH_VALUES = 196 { cache: 9, pop: 1, push: 2, flags: [ARG, DEOPT, SIDE_EXIT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: module.
    LOAD_ATTR_MODULE = 197 { cache: 9, pop: 1, push: 1 + (oparg & 1), flags: [ARG, DEOPT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: nondescriptor no dict.
    LOAD_ATTR_NONDESCRIPTOR_NO_DICT = 198 { cache: 9, pop: 1, push: 1, flags: [ARG, SIDE_EXIT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: nondescriptor with values.
    LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES = 199 { cache: 9, pop: 1, push: 1, flags: [ARG, DEOPT, SIDE_EXIT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: property.
    LOAD_ATTR_PROPERTY = 200 { cache: 9, pop: 1, push: 1, flags: [ARG, DEOPT, ESCAPES], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: slot.
    LOAD_ATTR_SLOT = 201 { cache: 9, pop: 1, push: 1 + (oparg & 1), flags: [ARG, DEOPT, SIDE_EXIT], family: LOAD_ATTR },
    /// Specialised LOAD_ATTR: with hint.
    LOAD_ATTR_WITH_HINT = 202 { cache: 9, pop: 1, push: 1 + (oparg & 1), flags: [ARG, NAME, DEOPT, SIDE_EXIT], family: LOAD_ATTR },
    /// Specialised LOAD_GLOBAL: builtin.
    LOAD_GLOBAL_BUILTIN = 203 { cache: 4, pop: 0, push: 1 + (oparg & 1), flags: [ARG, DEOPT], family: LOAD_GLOBAL },
    /// Specialised LOAD_GLOBAL: module.
    LOAD_GLOBAL_MODULE = 204 { cache: 4, pop: 0, push: 1 + (oparg & 1), flags: [ARG, DEOPT], family: LOAD_GLOBAL },
    /// Specialised LOAD_SUPER_ATTR: attr.
    LOAD_SUPER_ATTR_ATTR = 205 { cache: 1, pop: 3, push: 1, flags: [ARG, NAME, DEOPT, ERROR, ESCAPES], family: LOAD_SUPER_ATTR },
    /// Specialised LOAD_SUPER_ATTR: method.
    LOAD_SUPER_ATTR_METHOD = 206 { cache: 1, pop: 3, push: 2, flags: [ARG, NAME, DEOPT, ERROR, ESCAPES], family: LOAD_SUPER_ATTR },
    /// Specialised RESUME: check.
    RESUME_CHECK = 207 { cache: 0, pop: 0, push: 0, flags: [DEOPT], family: RESUME },
    /// Specialised SEND: gen.
    SEND_GEN = 208 { cache: 1, pop: 2, push: 2, flags: [ARG, DEOPT], family: SEND },
    /// Specialised STORE_ATTR: instance value.
    STORE_ATTR_INSTANCE_VALUE = 209 { cache: 4, pop: 2, push: 0, flags: [DEOPT, SIDE_EXIT], family: STORE_ATTR },
    /// Specialised STORE_ATTR: slot.
    STORE_ATTR_SLOT = 210 { cache: 4, pop: 2, push: 0, flags: [SIDE_EXIT], family: STORE_ATTR },
    /// Specialised STORE_ATTR: with hint.
    STORE_ATTR_WITH_HINT = 211 { cache: 4, pop: 2, push: 0, flags: [ARG, NAME, DEOPT, ESCAPES], family: STORE_ATTR },
    /// Specialised STORE_SUBSCR: dict.
    STORE_SUBSCR_DICT = 212 { cache: 1, pop: 3, push: 0, flags: [DEOPT, ERROR, ESCAPES], family: STORE_SUBSCR },
    /// Specialised STORE_SUBSCR: list int.
    STORE_SUBSCR_LIST_INT = 213 { cache: 1, pop: 3, push: 0, flags: [DEOPT], family: STORE_SUBSCR },
    /// Specialised TO_BOOL: always true.
    TO_BOOL_ALWAYS_TRUE = 214 { cache: 3, pop: 1, push: 1, flags: [SIDE_EXIT], family: TO_BOOL },
    /// Specialised TO_BOOL: bool.
    TO_BOOL_BOOL = 215 { cache: 3, pop: 1, push: 1, flags: [SIDE_EXIT], family: TO_BOOL },
    /// Specialised TO_BOOL: int.
    TO_BOOL_INT = 216 { cache: 3, pop: 1, push: 1, flags: [SIDE_EXIT, ESCAPES], family: TO_BOOL },
    /// Specialised TO_BOOL: list.
    TO_BOOL_LIST = 217 { cache: 3, pop: 1, push: 1, flags: [SIDE_EXIT], family: TO_BOOL },
    /// Specialised TO_BOOL: none.
    TO_BOOL_NONE = 218 { cache: 3, pop: 1, push: 1, flags: [SIDE_EXIT], family: TO_BOOL },
    /// Specialised TO_BOOL: str.
    TO_BOOL_STR = 219 { cache: 3, pop: 1, push: 1, flags: [SIDE_EXIT, ESCAPES], family: TO_BOOL },
    /// Specialised UNPACK_SEQUENCE: list.
    UNPACK_SEQUENCE_LIST = 220 { cache: 1, pop: 1, push: oparg, flags: [ARG, DEOPT], family: UNPACK_SEQUENCE },
    /// Specialised UNPACK_SEQUENCE: tuple.
    UNPACK_SEQUENCE_TUPLE = 221 { cache: 1, pop: 1, push: oparg, flags: [ARG, DEOPT], family: UNPACK_SEQUENCE },
    /// Specialised UNPACK_SEQUENCE: two tuple.
    UNPACK_SEQUENCE_TWO_TUPLE = 222 { cache: 1, pop: 1, push: 2, flags: [ARG, DEOPT], family: UNPACK_SEQUENCE },
    /// Specialised CALL (pyrt only, not in CPython 3.13): `gen.send(value)` on an exact generator, resumed in the running loop as `SEND_GEN` does.
    CALL_GEN_SEND = 235 { cache: 3, pop: 2 + oparg, push: 1, flags: [ARG, DEOPT, ERROR, ESCAPES], family: CALL },
    /// sys.monitoring form of RESUME.
    INSTRUMENTED_RESUME = 236 { cache: 0, pop: 0, push: 0, flags: [ARG, EVAL_BREAK, ERROR, ERROR_NO_POP, ESCAPES] },
    /// sys.monitoring form of END_FOR.
    INSTRUMENTED_END_FOR = 237 { cache: 0, pop: 2, push: 1, flags: [ERROR, ERROR_NO_POP] },
    /// sys.monitoring form of END_SEND.
    INSTRUMENTED_END_SEND = 238 { cache: 0, pop: 2, push: 1, flags: [ERROR, ERROR_NO_POP] },
    /// sys.monitoring form of RETURN_VALUE.
    INSTRUMENTED_RETURN_VALUE = 239 { cache: 0, pop: 1, push: 0, flags: [ERROR, ERROR_NO_POP, ESCAPES, SCOPE_EXIT] },
    /// sys.monitoring form of RETURN_CONST.
    INSTRUMENTED_RETURN_CONST = 240 { cache: 0, pop: 0, push: 0, flags: [ARG, CONST, ERROR, ERROR_NO_POP, ESCAPES, SCOPE_EXIT] },
    /// sys.monitoring form of YIELD_VALUE.
    INSTRUMENTED_YIELD_VALUE = 241 { cache: 0, pop: 1, push: 1, flags: [ARG, ERROR, ERROR_NO_POP, ESCAPES] },
    /// sys.monitoring form of LOAD_SUPER_ATTR.
    INSTRUMENTED_LOAD_SUPER_ATTR = 242 { cache: 1, pop: 3, push: 1 + (oparg & 1), flags: [ARG] },
    /// sys.monitoring form of FOR_ITER.
    INSTRUMENTED_FOR_ITER = 243 { cache: 1, pop: 0, push: 0, flags: [ARG, ERROR, ERROR_NO_POP, ESCAPES] },
    /// sys.monitoring form of CALL.
    INSTRUMENTED_CALL = 244 { cache: 3, pop: 0, push: 0, flags: [ARG, ERROR, ESCAPES] },
    /// sys.monitoring form of CALL_KW.
    INSTRUMENTED_CALL_KW = 245 { cache: 0, pop: 0, push: 0, flags: [ARG, ERROR, ESCAPES] },
    /// sys.monitoring form of CALL_FUNCTION_EX.
    INSTRUMENTED_CALL_FUNCTION_EX = 246 { cache: 0, pop: 0, push: 0, flags: [] },
    /// sys.monitoring instruction event, placed over the original instruction.
    INSTRUMENTED_INSTRUCTION = 247 { cache: 0, pop: 0, push: 0, flags: [ERROR, ESCAPES] },
    /// sys.monitoring form of JUMP_FORWARD.
    INSTRUMENTED_JUMP_FORWARD = 248 { cache: 0, pop: 0, push: 0, flags: [ARG, UNCONDITIONAL_JUMP] },
    /// sys.monitoring form of JUMP_BACKWARD.
    INSTRUMENTED_JUMP_BACKWARD = 249 { cache: 1, pop: 0, push: 0, flags: [ARG, EVAL_BREAK, UNCONDITIONAL_JUMP, BACKWARD] },
    /// sys.monitoring form of POP_JUMP_IF_TRUE.
    INSTRUMENTED_POP_JUMP_IF_TRUE = 250 { cache: 1, pop: 0, push: 0, flags: [ARG] },
    /// sys.monitoring form of POP_JUMP_IF_FALSE.
    INSTRUMENTED_POP_JUMP_IF_FALSE = 251 { cache: 1, pop: 0, push: 0, flags: [ARG] },
    /// sys.monitoring form of POP_JUMP_IF_NONE.
    INSTRUMENTED_POP_JUMP_IF_NONE = 252 { cache: 1, pop: 0, push: 0, flags: [ARG] },
    /// sys.monitoring form of POP_JUMP_IF_NOT_NONE.
    INSTRUMENTED_POP_JUMP_IF_NOT_NONE = 253 { cache: 1, pop: 0, push: 0, flags: [ARG] },
    /// sys.monitoring line event, placed over the original instruction.
    INSTRUMENTED_LINE = 254 { cache: 0, pop: -1, push: -1, flags: [] },
    /// Pseudo: unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD.
    JUMP = 256 { cache: 0, pop: 0, push: 0, flags: [ARG, JUMP, EVAL_BREAK, ERROR, ESCAPES, UNCONDITIONAL_JUMP], targets: [JUMP_FORWARD, JUMP_BACKWARD] },
    /// Pseudo: unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT.
    JUMP_NO_INTERRUPT = 257 { cache: 0, pop: 0, push: 0, flags: [ARG, JUMP, UNCONDITIONAL_JUMP], targets: [JUMP_FORWARD, JUMP_BACKWARD_NO_INTERRUPT] },
    /// Pseudo: pushes the cell in slot `oparg` for a closure tuple; becomes LOAD_FAST.
    LOAD_CLOSURE = 258 { cache: 0, pop: 0, push: 1, flags: [ARG, LOCAL, PURE], targets: [LOAD_FAST] },
    /// Pseudo: method load; becomes LOAD_ATTR with oparg bit 0 set.
    LOAD_METHOD = 259 { cache: 0, pop: 1, push: 2, flags: [ARG, NAME, ERROR, ESCAPES], targets: [LOAD_ATTR] },
    /// Pseudo: two-argument super() method load; becomes LOAD_SUPER_ATTR.
    LOAD_SUPER_METHOD = 260 { cache: 0, pop: 3, push: 2, flags: [ARG, NAME, ERROR, ESCAPES], targets: [LOAD_SUPER_ATTR] },
    /// Pseudo: zero-argument super() attribute load; becomes LOAD_SUPER_ATTR (3.13 counts its effect as -1).
    LOAD_ZERO_SUPER_ATTR = 261 { cache: 0, pop: 3, push: 2, flags: [ARG, NAME, ERROR, ESCAPES], targets: [LOAD_SUPER_ATTR] },
    /// Pseudo: zero-argument super() method load; becomes LOAD_SUPER_ATTR.
    LOAD_ZERO_SUPER_METHOD = 262 { cache: 0, pop: 3, push: 2, flags: [ARG, NAME, ERROR, ESCAPES], targets: [LOAD_SUPER_ATTR] },
    /// Pseudo: ends the protected range of the innermost SETUP_*; becomes NOP.
    POP_BLOCK = 263 { cache: 0, pop: 0, push: 0, flags: [PURE], targets: [NOP] },
    /// Pseudo: protects the following code; the handler gets lasti and the exception.
    SETUP_CLEANUP = 264 { cache: 0, pop: 0, push: 0, branch_push: 2, flags: [PURE, ARG, BLOCK_PUSH], targets: [NOP] },
    /// Pseudo: protects the following code; the handler gets the exception.
    SETUP_FINALLY = 265 { cache: 0, pop: 0, push: 0, branch_push: 1, flags: [PURE, ARG, BLOCK_PUSH], targets: [NOP] },
    /// Pseudo: protects a with-block body; the handler sees the stack without the `__enter__` result, plus lasti and the exception.
    SETUP_WITH = 266 { cache: 0, pop: 0, push: 0, branch_push: 1, flags: [PURE, ARG, BLOCK_PUSH], targets: [NOP] },
    /// Pseudo: STORE_FAST of a value that may be NULL (comprehension cleanup).
    STORE_FAST_MAYBE_NULL = 267 { cache: 0, pop: 1, push: 0, flags: [ARG, LOCAL], targets: [STORE_FAST] },
}
