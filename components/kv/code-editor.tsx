"use client";

import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo } from "react";
import { useIsDark } from "@/components/ui/use-is-dark";
import type { ValueFormat } from "@/lib/kv/value";
import { darkCodeTheme } from "./code-theme";

export interface CodeEditorProps {
  value: string;
  format: ValueFormat;
  readOnly: boolean;
  label: string;
  onChange?: (text: string) => void;
}

/** CodeMirror 6: virtualised rendering keeps 512 KiB values responsive; text only, never HTML. */
export function CodeEditor({ value, format, readOnly, label, onChange }: CodeEditorProps) {
  const dark = useIsDark();
  const extensions = useMemo(
    () => [
      ...(format === "json" ? [json()] : format === "yaml" ? [yaml()] : []),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ "aria-label": label }),
    ],
    [format, label],
  );
  return (
    <CodeMirror
      value={value}
      theme={dark ? darkCodeTheme : "light"}
      extensions={extensions}
      editable={!readOnly}
      readOnly={readOnly}
      onChange={onChange}
      maxHeight="60vh"
      minHeight="6rem"
      basicSetup={{ foldGutter: true, highlightActiveLine: !readOnly, autocompletion: false }}
      className="overflow-hidden rounded border border-line-strong text-sm"
    />
  );
}
