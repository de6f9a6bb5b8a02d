//! Downloads, for event handlers: a text file (the data as CSV or JSON), and the view's figure
//! (the map, or the timeline) as it is on screen, with its title and credits below, as SVG (its
//! colours written into each element, so the file stands alone) or as PNG (drawn by the browser
//! at twice its size on screen). The files' contents and names are `crate::export`'s.

use crate::export::{framed_svg, Caption, Date, Figure};
use crate::i18n::Strings;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement};

/// Today's date on the reader's clock.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: u16::try_from(now.get_full_year()).unwrap_or(0),
        month: u8::try_from(now.get_month() + 1).unwrap_or(0),
        day: u8::try_from(now.get_date()).unwrap_or(0),
    }
}

fn warn(what: &str, error: &JsValue) {
    web_sys::console::warn_2(&JsValue::from_str(what), error);
}

fn document() -> Result<web_sys::Document, JsValue> {
    super::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Saves `href` (a `blob:` or `data:` address) as the file `name`.
fn save(href: &str, name: &str) -> Result<(), JsValue> {
    let document = document()?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(href);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// Saves `text` as the file `name` of type `mime`.
pub fn download_text(name: &str, mime: &str, text: &str) {
    let result = (|| {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        save(&url, name)?;
        // The address is given back once the browser has had time to start the download.
        let revoke = Closure::once(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(window) = super::window() {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.as_ref().unchecked_ref(),
                60_000,
            )?;
        }
        revoke.forget();
        Ok::<(), JsValue>(())
    })();
    if let Err(error) = result {
        warn(&format!("download: cannot save {name}"), &error);
    }
}

/// The properties copied from each element's computed style into the SVG file.
const STYLE: [&str; 13] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "opacity",
    "paint-order",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
];

/// A computed `url(...)` (the stripes of a country with two associations) names the page's
/// address too; the file keeps only the fragment, which names the pattern inside it.
fn local_url(value: String) -> String {
    match (value.find("url("), value.find('#')) {
        (Some(_), Some(hash)) => {
            let id: String = value[hash..]
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | ')'))
                .collect();
            format!("url({id})")
        }
        _ => value,
    }
}

/// The figure as a stand-alone SVG document: each element carries its computed colours, the
/// figure its size on screen, and the caption (`t`'s title and credits, in the theme's colours)
/// sits below it. Returns the document and its size; `None` when the figure is not on the page.
pub fn figure_svg(figure: Figure, t: &Strings) -> Option<(String, f64, f64)> {
    let window = super::window()?;
    let document = window.document()?;
    let original = document.query_selector(figure.selector()).ok()??;
    let copy: Element = original.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let originals = original.query_selector_all("*").ok()?;
    let copies = copy.query_selector_all("*").ok()?;
    for i in 0..originals.length() {
        let (Some(original), Some(copied)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(original), Ok(copied)) =
            (original.dyn_into::<Element>(), copied.dyn_into::<Element>())
        else {
            continue;
        };
        let Ok(Some(computed)) = window.get_computed_style(&original) else {
            continue;
        };
        // Through the style object, not the `style` attribute, which a page under
        // `style-src 'self'` refuses; the serializer writes it out as the attribute all the same.
        // (`style` is the same property on SVG elements as on HTML ones.)
        let declaration = copied.unchecked_ref::<web_sys::HtmlElement>().style();
        for property in STYLE {
            let Ok(value) = computed.get_property_value(property) else {
                continue;
            };
            let value = local_url(value);
            if !value.is_empty() {
                let _ = declaration.set_property(property, &value);
            }
        }
    }
    let rect = original.get_bounding_client_rect();
    let (width, height) = (rect.width().round(), rect.height().round());
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute("width", &crate::number::fixed(width, 0));
    let _ = copy.set_attribute("height", &crate::number::fixed(height, 0));
    // What the figure draws a little beyond its edges (the timeline's first year) stays in the
    // file's margin.
    let _ = copy.set_attribute("overflow", "visible");
    let markup = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    // The theme's colours and font, from the app's root.
    let app = document.query_selector(".app").ok()??;
    let computed = window.get_computed_style(&app).ok()??;
    let property = |name: &str| {
        let value = computed.get_property_value(name).unwrap_or_default();
        value.trim().to_owned()
    };
    let (ink, soft, paper, font) = (
        property("--ink"),
        property("--ink-soft"),
        property("--paper"),
        property("font-family"),
    );
    let caption = Caption {
        title: t.title(),
        credits: &crate::format::credits(t, crate::data::dataset()),
        ink: &ink,
        soft: &soft,
        paper: &paper,
        font: &font,
    };
    Some(framed_svg(&markup, width, height, &caption))
}

/// Saves the view's figure as SVG, as the file `name`.
pub fn download_figure_svg(figure: Figure, t: &Strings, name: &str) {
    match figure_svg(figure, t) {
        Some((svg, _, _)) => download_text(name, "image/svg+xml", &svg),
        None => warn("download: no figure to save", &JsValue::NULL),
    }
}

/// Saves the view's figure as PNG at twice its size on screen, as the file `name`.
pub fn download_figure_png(figure: Figure, t: &Strings, name: &str) {
    let Some((svg, width, height)) = figure_svg(figure, t) else {
        warn("download: no figure to save", &JsValue::NULL);
        return;
    };
    let name = name.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = draw_png(&svg, width, height, &name).await {
            warn(&format!("download: cannot draw {name}"), &error);
        }
    });
}

async fn draw_png(svg: &str, width: f64, height: f64, name: &str) -> Result<(), JsValue> {
    const SCALE: f64 = 2.0;
    let document = document()?;
    let image = HtmlImageElement::new()?;
    let source = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    image.set_src(&source);
    wasm_bindgen_futures::JsFuture::from(image.decode()).await?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * SCALE) as u32);
    canvas.set_height((height * SCALE) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2D canvas"))?
        .dyn_into()?;
    context.draw_image_with_html_image_element_and_dw_and_dh(
        &image,
        0.0,
        0.0,
        width * SCALE,
        height * SCALE,
    )?;
    save(&canvas.to_data_url_with_type("image/png")?, name)
}
