import time
start = time.perf_counter()
n = 0
for i in range(20000):
    n += i * i
elapsed = time.perf_counter() - start
print(n, elapsed >= 0, type(elapsed).__name__)
lt = time.gmtime(0)
print(lt.tm_year, lt.tm_mon, lt.tm_mday, lt.tm_hour, time.strftime("%Y-%m-%d %H:%M:%S", lt))
print(time.gmtime(86400 * 365).tm_year, time.mktime is not None, isinstance(time.process_time(), float))
