"""Attribute-heavy objects: a small ray tracer with Vector, Sphere, Ray and Light objects."""
N = 140


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def add(self, o):
        return Vector(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vector(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self.scale(1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()


class Sphere:
    def __init__(self, centre, radius, colour):
        self.centre = centre
        self.radius = radius
        self.colour = colour

    def intersect(self, ray):
        oc = ray.origin.sub(self.centre)
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - disc ** 0.5
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return p.sub(self.centre).normalized()


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vector(0, 0, 5), 1.0, Vector(1, 0.2, 0.2)),
            Sphere(Vector(1.5, 0.5, 6), 0.7, Vector(0.2, 1, 0.2)),
            Sphere(Vector(-1.5, -0.3, 4.5), 0.5, Vector(0.2, 0.2, 1)),
            Sphere(Vector(0, -101, 5), 100.0, Vector(0.8, 0.8, 0.8)),
        ]
        self.light = Vector(-5, 5, -3)

    def trace(self, ray, depth):
        best, hit = None, None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best is None or t < best):
                best, hit = t, obj
        if hit is None:
            return Vector(0.1, 0.1, 0.1)
        p = ray.origin.add(ray.direction.scale(best))
        n = hit.normal_at(p)
        to_light = self.light.sub(p).normalized()
        shade = max(0.0, n.dot(to_light))
        for obj in self.objects:
            if obj is not hit and obj.intersect(Ray(p, to_light)) is not None:
                shade *= 0.3
                break
        colour = hit.colour.scale(0.1 + 0.9 * shade)
        if depth < 2:
            refl = ray.direction.sub(n.scale(2 * ray.direction.dot(n)))
            colour = colour.add(self.trace(Ray(p, refl), depth + 1).scale(0.3))
        return colour


def render(size):
    scene = Scene()
    eye = Vector(0, 0, 0)
    total = 0.0
    for y in range(size):
        for x in range(size):
            d = Vector((x - size / 2) / size, (y - size / 2) / size, 1)
            c = scene.trace(Ray(eye, d), 0)
            total += c.x + c.y * 2 + c.z * 3
    return total


print("checksum", f"{render(N):.6f}")
