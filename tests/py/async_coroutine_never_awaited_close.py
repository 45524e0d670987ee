async def job():
    print("never runs")
c = job()
c.close()
print("closed unstarted coroutine", c.cr_frame)
async def job2():
    return 5
c2 = job2()
del c2
print("done")
