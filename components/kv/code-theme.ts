import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

/**
 * The editor's dark theme, from the app's colour variables, with token colours that
 * keep ≥ 4.5:1 contrast on the dark surface (the stock dark theme's red keys do not).
 */
export const darkCodeTheme = [
  EditorView.theme(
    {
      "&": { backgroundColor: "var(--surface)", color: "var(--fg)" },
      ".cm-gutters": { backgroundColor: "var(--surface-2)", color: "var(--muted)", border: "none" },
      ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "#1e293b" },
      ".cm-cursor": { borderLeftColor: "var(--fg)" },
      "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "#334155" },
    },
    { dark: true },
  ),
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: [t.propertyName, t.definition(t.propertyName)], color: "#93c5fd" },
      { tag: [t.string, t.special(t.string)], color: "#86efac" },
      { tag: [t.number, t.bool, t.null, t.atom], color: "#fcd34d" },
      { tag: [t.keyword, t.operator], color: "#f0abfc" },
      { tag: t.comment, color: "#9ca3af", fontStyle: "italic" },
      { tag: [t.punctuation, t.bracket, t.separator], color: "#d1d5db" },
      { tag: t.invalid, color: "#fca5a5" },
    ]),
  ),
];
