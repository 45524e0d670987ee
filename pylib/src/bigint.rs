//! The arbitrary-precision integer type used by this crate, behind one alias so that the choice
//! of crate (`num-bigint` today) can change in one place.

pub use num_bigint::BigInt;
pub use num_bigint::BigUint;
