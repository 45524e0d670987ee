//! Size classes for small blocks (≤ [`SMALL_MAX`] bytes).
//!
//! Sixteen-byte steps up to 128 bytes (where most objects are), then four steps per doubling, as
//! mimalloc does, so that internal waste stays under 25%.

/// Largest size served from arena pages; bigger requests go to the system allocator.
pub const SMALL_MAX: usize = 512;

/// Block sizes, smallest first. Every block is 16-byte aligned.
pub const CLASS_SIZES: [usize; 16] = [16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512];

/// Number of size classes.
pub const NUM_CLASSES: usize = CLASS_SIZES.len();

/// The class of a request of `size` bytes (1..=SMALL_MAX).
#[inline]
pub fn class_of(size: usize) -> usize {
    debug_assert!(size <= SMALL_MAX);
    if size <= 128 {
        size.max(1).div_ceil(16) - 1
    } else {
        // 160, 192, 224, 256 | 320, 384, 448, 512
        let (base, step, first) = if size <= 256 { (128, 32, 8) } else { (256, 64, 12) };
        first + (size - base).div_ceil(step) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_fits_its_class_tightly() {
        for size in 1..=SMALL_MAX {
            let c = class_of(size);
            assert!(CLASS_SIZES[c] >= size, "size {size} in class {c}");
            if c > 0 {
                assert!(CLASS_SIZES[c - 1] < size, "size {size} could use class {}", c - 1);
            }
        }
    }
}
