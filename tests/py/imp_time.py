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
epoch = time.gmtime(0)
print(epoch)
print(epoch.tm_year, epoch[0], epoch.tm_wday, epoch.tm_yday, len(epoch), type(epoch).__name__, isinstance(epoch, tuple))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", time.gmtime(1_000_000_000)), time.gmtime(86400 * 366).tm_year)
print(time.strftime("", epoch) == "", time.mktime(time.localtime(123456789)), isinstance(time.localtime(), time.struct_time))
try:
    time.strftime("%Y", (1, 2))
except TypeError as e:
    print("TypeError", e)
