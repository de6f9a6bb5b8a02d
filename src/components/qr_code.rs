//! A QR code for an address, drawn as one SVG path (kiosk mode shows websites as text, and a
//! phone's camera takes the reader there). The encoding is `crate::qr`'s; this only draws it.

use crate::qr::QrCode as Code;
use yew::prelude::*;

/// Modules of light margin around the code, as scanners expect.
const QUIET_ZONE: usize = 2;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code holds (an address).
    pub text: AttrValue,
    /// What a screen reader says for it, e.g. "QR code for vut.de".
    pub label: AttrValue,
}

#[function_component(QrCode)]
pub fn qr_code(props: &QrCodeProps) -> Html {
    let drawn = use_memo(props.text.clone(), |text| {
        Code::encode(text).map(|code| (code.size() + 2 * QUIET_ZONE, code.svg_path(QUIET_ZONE)))
    });
    match &*drawn {
        Ok((side, path)) => html! {
            <svg class="qr-code" viewBox={format!("0 0 {side} {side}")} role="img"
                aria-label={props.label.clone()} shape-rendering="crispEdges">
                <rect width={side.to_string()} height={side.to_string()} class="qr-light" />
                <path d={path.clone()} class="qr-dark" />
            </svg>
        },
        // An address too long for a code: the text beside it still says it.
        Err(_) => Html::default(),
    }
}
