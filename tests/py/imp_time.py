import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.02)
print(type(t0).__name__, t0 > 1.6e9, time.time() >= t0)
print(time.monotonic() - m0 >= 0.019, time.perf_counter() - p0 >= 0.019)
print(type(time.time_ns()).__name__, time.time_ns() > 1.6e18, type(time.monotonic_ns()).__name__, type(time.perf_counter_ns()).__name__)
print(type(time.process_time()).__name__, time.process_time() >= 0)
time.sleep(0)
for bad in [-1, "x", float("nan")]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.time(1)
except TypeError as e:
    print("TypeError", e)
