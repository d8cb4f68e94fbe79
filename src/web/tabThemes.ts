/**
 * The Teams themes the tab follows (default, dark, contrast): one palette each, from which come the page's CSS
 * variables and the Adaptive Cards host config the card is drawn with.
 */

export const TEAMS_THEMES = ['default', 'dark', 'contrast'] as const;
export type TeamsTheme = (typeof TEAMS_THEMES)[number];

export function isTeamsTheme(value: unknown): value is TeamsTheme {
  return typeof value === 'string' && (TEAMS_THEMES as readonly string[]).includes(value);
}

export interface Palette {
  page: string;
  surface: string;
  /** Background of emphasized containers (the card's notes). */
  emphasis: string;
  text: string;
  subtle: string;
  border: string;
  /** Links, the selected choice, the card's accent text. */
  accent: string;
  /** Filled buttons. */
  button: string;
  buttonText: string;
  focus: string;
  good: string;
  warning: string;
  attention: string;
}

/** Close to Teams' own colours for each theme (Fluent UI's Teams light, dark and high-contrast tokens). */
export const PALETTES: Readonly<Record<TeamsTheme, Palette>> = {
  default: {
    page: '#F5F5F5',
    surface: '#FFFFFF',
    emphasis: '#F0F0F0',
    text: '#242424',
    subtle: '#616161',
    border: '#D1D1D1',
    accent: '#4F52B2',
    button: '#5B5FC7',
    buttonText: '#FFFFFF',
    focus: '#000000',
    good: '#0E7A0B',
    warning: '#835B00',
    attention: '#C4314B',
  },
  dark: {
    page: '#1F1F1F',
    surface: '#292929',
    emphasis: '#333333',
    text: '#FFFFFF',
    subtle: '#D6D6D6',
    border: '#5C5C5C',
    accent: '#9EA2FF',
    button: '#4F52B2',
    buttonText: '#FFFFFF',
    focus: '#FFFFFF',
    good: '#92C353',
    warning: '#F8D22A',
    attention: '#F9526B',
  },
  contrast: {
    page: '#000000',
    surface: '#000000',
    emphasis: '#000000',
    text: '#FFFFFF',
    subtle: '#FFFFFF',
    border: '#FFFFFF',
    accent: '#FFFF01',
    button: '#1AEBFF',
    buttonText: '#000000',
    focus: '#1AEBFF',
    good: '#3FF23F',
    warning: '#FFFF01',
    attention: '#FF7E7E',
  },
};

/** The CSS custom properties of a theme, as browser/tab.css reads them. */
export function cssVariables(palette: Palette): Record<string, string> {
  return Object.fromEntries(
    Object.entries(palette).map(([name, value]) => [
      `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      value,
    ]),
  );
}

/** The Adaptive Cards host config of a theme: Teams' type ramp and spacing, the theme's colours. */
export function hostConfig(palette: Palette) {
  const pair = (color: string) => ({ default: color, subtle: palette.subtle });
  const foregroundColors = {
    default: pair(palette.text),
    dark: pair(palette.text),
    light: pair(palette.subtle),
    accent: pair(palette.accent),
    good: pair(palette.good),
    warning: pair(palette.warning),
    attention: pair(palette.attention),
  };
  return {
    fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: palette.border },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: { backgroundColor: palette.surface, foregroundColors },
      emphasis: { backgroundColor: palette.emphasis, foregroundColors },
      accent: { backgroundColor: palette.emphasis, foregroundColors },
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 200 },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 8,
    },
  };
}
