"""A module touching most of the grammar."""
from __future__ import annotations
import os, sys as system
from . import sibling
from ..pkg.mod import (a as b, c)

type Pair[T: (int, str), *Ts, **P] = tuple[T, T]

@decorator(arg, *rest, key=value, **more)
async def fetch[T](url: str, /, retries: int = 3, *args: T, timeout: float, **kw) -> list[T]:
    global counter
    async with session.get(url) as (resp), other():
        async for chunk in resp:
            yield chunk
    result = [await x async for x in stream if x]
    return {k: v for k, v in zip(a, b)} | {*s, *t}

class Shape(Base, metaclass=Meta):
    sides: int = 0
    def area(self) -> float:
        nonlocal_free = lambda x, /, y=1, *z, w, **q: (x, y, z, w, q)
        return self.w * self.h if self.w else -~+1 ** 2 // 3 @ m

def matcher(command):
    match command.split():
        case [action]:
            pass
        case ["go", direction] | ["move", direction] if direction in DIRS:
            pass
        case Point(x=0, y=0) | {"x": 0, **rest} | [1, *others] | -1.5 | 2 - 3j | None | True:
            pass
        case str() as s:
            pass
        case _:
            pass

try:
    risky()
except* (ValueError, TypeError) as group:
    print(f"{group!r:>{width}} {x=} {'nested' + f'{y:02d}'} {{literal}}")
else:
    x, *y = z = (yield_value := 3), 4
finally:
    del x[1:2, ::3], y.attr
while (n := n - 1) > 0 and not done or maybe:
    assert n is not None, "message"
    continue
else:
    raise RuntimeError("no") from None
s = b'bytes' rb'\raw'; t = 'implicit' "concat" '\N{BULLET} \x41 \u00e9'
n = 0x_ff + 0o17 + 0b1010 + 1_000.5e-3 + 3j + 1e10
print(*args, sep='', end="\n", **{'file': sys.stderr})
x[...] = x[:, None]; x @= y; x **= 2; x >>= 1
