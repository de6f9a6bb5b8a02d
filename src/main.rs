//! Mounts the app in the browser; the native build of this binary only explains itself.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<impala_map::App>::new().render();
    #[cfg(not(target_arch = "wasm32"))]
    println!("impala-map runs in a browser: start it with scripts/serve (see README.md).");
}
