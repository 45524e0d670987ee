//! See the `[[example]]` targets: `cargo run -p pyrt-examples --example worker_interpreters`.
