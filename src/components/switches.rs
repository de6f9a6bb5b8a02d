//! The footer's switches: the colour theme (the system's, light, dark, high contrast;
//! styles/themes.css) and the interface's language. The URL's `theme` and `lang`, and the host
//! page's `set-theme`, choose them too.

use super::use_strings;
use crate::hooks::use_toolbar;
use crate::i18n::Lang;
use crate::state::Action;
use crate::vocab::{Theme, Words};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThemeSwitchProps {
    pub theme: Theme,
    pub dispatch: Callback<Action>,
}

#[function_component(ThemeSwitch)]
pub fn theme_switch(props: &ThemeSwitchProps) -> Html {
    let t = use_strings();
    let label = |theme: Theme| match theme {
        Theme::Auto => t.theme_auto(),
        Theme::Light => t.theme_light(),
        Theme::Dark => t.theme_dark(),
        Theme::Contrast => t.theme_contrast(),
    };
    let bar = use_toolbar(
        Theme::ALL
            .iter()
            .position(|t| *t == props.theme)
            .unwrap_or(0),
        Theme::ALL.len(),
    );
    bar.container(
        "button-row theme-switch",
        t.colours(),
        html! {
            <>
                <span class="button-row-label" aria-hidden="true">{ t.colours() }</span>
                for (index, theme) in Theme::ALL.into_iter().enumerate() {
                    <button type="button" class="view-button" data-theme-choice={theme.name()}
                        tabindex={bar.tabindex(index)} aria-pressed={(props.theme == theme).to_string()}
                        onclick={choose(&props.dispatch, Action::SetTheme(theme))}>{ label(theme) }</button>
                }
            </>
        },
    )
}

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// A language whose file could not be loaded, for the notice.
    #[prop_or_default]
    pub failed: Option<Lang>,
    /// The language shown.
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The languages in a menu, each named in itself ("Français", marked as French so that it is
/// read out in French): one control, one Tab stop, however many languages there are, and the
/// footer stays one line. A language whose file could not be loaded is said below it.
#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let t = use_strings();
    // The menu shows the language on screen, also when something else changed it (the host
    // page, a kiosk's reset): an option's `selected` attribute alone stops counting once the
    // reader has used the menu.
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with((props.lang, props.failed), move |(lang, _)| {
            if let Some(select) = select.cast::<web_sys::HtmlSelectElement>() {
                if select.value() != lang.code() {
                    select.set_value(lang.code());
                }
            }
        });
    }
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let chosen = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|select| Lang::from_code(&select.value()));
            if let Some(lang) = chosen {
                dispatch.emit(Action::SetLang(Some(lang)));
            }
        })
    };
    html! {
        <>
        <label class="button-row lang-switch">
            <span class="button-row-label">{ t.language() }</span>
            <select class="lang-select" ref={select} {onchange}>
                for lang in Lang::all() {
                    <option value={lang.code()} lang={lang.code()} selected={props.lang == lang}>
                        { lang.own_name() }
                    </option>
                }
            </select>
        </label>
        <span class="lang-failed" role="status">
            if let Some(failed) = props.failed {
                { crate::i18n::fill(t.pack_failed(), &[("language", failed.own_name())]) }
            }
        </span>
        </>
    }
}

fn choose(dispatch: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
}
