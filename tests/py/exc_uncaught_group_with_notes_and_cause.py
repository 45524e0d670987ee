def step(n):
    e = ValueError(f"step {n}")
    e.add_note(f"note for step {n}")
    return e
try:
    1 / 0
except ZeroDivisionError as z:
    raise ExceptionGroup("steps", [step(1), step(2)]) from z
