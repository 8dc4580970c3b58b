/** The highlights' colours: its own module, so the popup's settings do not bring in the highlighter. */
export interface HighlightColors {
  quote: string;
  figure: string;
}

/** #rrggbb; page-highlights.ts shows them translucent, so the text stays readable. */
export const HIGHLIGHT_COLORS: HighlightColors = { quote: '#ffc400', figure: '#409cff' };
