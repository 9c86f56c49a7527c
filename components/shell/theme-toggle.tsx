"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme, type ThemeChoice } from "./use-theme";

const CHOICES = [
  { value: "system", label: "System", Icon: Monitor },
  { value: "light", label: "Light", Icon: Sun },
  { value: "dark", label: "Dark", Icon: Moon },
] as const;

/** Light, dark or the system's; remembered in localStorage. */
export function ThemeToggle() {
  const [choice, setChoice] = useTheme();
  const current = CHOICES.find((c) => c.value === choice) ?? CHOICES[0];
  return (
    <Menu.Root>
      <Menu.Trigger aria-label={`Theme: ${current.label}`} className="rounded p-2 text-fg hover:bg-surface-2">
        <current.Icon aria-hidden="true" className="size-4" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} className="z-50 min-w-36 rounded border border-line-strong bg-surface p-1 text-sm text-fg shadow-lg">
          <Menu.Label className="px-2 py-1 text-xs text-muted">Theme</Menu.Label>
          <Menu.RadioGroup value={choice} onValueChange={(v) => setChoice(v as ThemeChoice)}>
            {CHOICES.map(({ value, label, Icon }) => (
              <Menu.RadioItem
                key={value}
                value={value}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-surface-2 data-[state=checked]:font-semibold"
              >
                <Icon aria-hidden="true" className="size-4" />
                {label}
                <Menu.ItemIndicator className="ml-auto text-xs">✓</Menu.ItemIndicator>
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
