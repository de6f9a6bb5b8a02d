//! The footer's switches: the colour theme (the system's, light, dark, high contrast;
//! styles/themes.css) and the interface's language. The URL's `theme` and `lang`, and the host
//! page's `set-theme`, choose them too.

use super::use_strings;
use crate::i18n::Lang;
use crate::state::Action;
use crate::url::Theme;
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
        Theme::Auto => t.theme_auto,
        Theme::Light => t.theme_light,
        Theme::Dark => t.theme_dark,
        Theme::Contrast => t.theme_contrast,
    };
    html! {
        <div class="button-row theme-switch" role="group" aria-label={t.colours}>
            <span class="button-row-label" aria-hidden="true">{ t.colours }</span>
            for theme in Theme::ALL {
                <button type="button" class="view-button" data-theme-choice={theme.as_str()}
                    aria-pressed={(props.theme == theme).to_string()}
                    onclick={choose(&props.dispatch, Action::SetTheme(theme))}>{ label(theme) }</button>
            }
        </div>
    }
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

/// Each language by its code ("FR", which is also its accessible name, so that voice control
/// finds it), named in itself as a tooltip and description ("Français"; the button is marked
/// as French, so it is read out in French). Codes keep the footer on one line on a laptop.
#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let t = use_strings();
    html! {
        <>
        <div class="button-row lang-switch" role="group" aria-label={t.language}>
            <span class="button-row-label" aria-hidden="true">{ t.language }</span>
            for lang in Lang::all() {
                <button type="button" class="view-button" data-lang-choice={lang.code()} lang={lang.code()}
                    aria-pressed={(props.lang == lang).to_string()}
                    title={lang.own_name()}
                    onclick={choose(&props.dispatch, Action::SetLang(Some(lang)))}>{ lang.code().to_uppercase() }</button>
            }
        </div>
        <span class="lang-failed" role="status">
            if let Some(failed) = props.failed {
                { crate::i18n::fill(t.pack_failed, &[("language", failed.own_name())]) }
            }
        </span>
        </>
    }
}

fn choose(dispatch: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
}
