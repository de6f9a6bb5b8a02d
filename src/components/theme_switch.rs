//! The switch between the colour themes: the system's, light, dark and high contrast
//! (styles/themes.css). The URL's `theme` and the host page's `set-theme` choose one too.

use crate::state::Action;
use crate::url::Theme;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThemeSwitchProps {
    pub theme: Theme,
    pub dispatch: Callback<Action>,
}

/// What each theme's button says.
fn label(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "System",
        Theme::Light => "Light",
        Theme::Dark => "Dark",
        Theme::Contrast => "High contrast",
    }
}

#[function_component(ThemeSwitch)]
pub fn theme_switch(props: &ThemeSwitchProps) -> Html {
    html! {
        <div class="theme-switch" role="group" aria-label="Colours">
            <span class="theme-switch-label" aria-hidden="true">{ "Colours" }</span>
            for theme in Theme::ALL {
                <button type="button" class="view-button" data-theme-choice={theme.as_str()}
                    aria-pressed={(props.theme == theme).to_string()}
                    onclick={{
                        let dispatch = props.dispatch.clone();
                        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetTheme(theme)))
                    }}>{ label(theme) }</button>
            }
        </div>
    }
}
